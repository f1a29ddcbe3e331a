import ExactArithmetic
import HouseholdModel
import ReferenceEvaluator
import RuleIR

/// Where a household document's own label contradicts what its facts decide.
///
/// The document says `partnerschap: geen`, yet a person with the role partner is a partner under a
/// law's own test (Awir art. 3 lid 2 on a joint child, Pw art. 3 lid 4 on a samenlevingscontract, …).
/// The rules follow the facts; this check names the contradiction so that the person who filled in
/// the document sees it. What it reads: the partner concepts of every law valid on the date
/// (``ConceptFamily/partner``, kenmerken of the household). What it produces: one warning per law
/// whose partner concept holds although the label says there is no partnership.
public enum LabelConsistency {
  /// The warnings for `household` on `date`, in the order of the laws' codes.
  public static func warnings(program: Program, household: Household, on date: CivilDate) -> [String] {
    guard household.partner != nil, let label = partnerschap(program: program, household: household), label == "geen" else { return [] }
    let evaluator = Evaluator(program: program, household: household, tracing: true)
    var out: [String] = []
    for law in program.laws.keys.sorted() {
      guard let version = program.version(of: law, on: date) else { continue }
      let concepts = version.definitions.values.filter {
        $0.subject == .household && $0.isKenmerk && ConceptFamily.partner.matches($0.id.name) && !$0.id.name.contains("partnerschap")
      }
      for definition in concepts.sorted(by: { $0.id.name < $1.id.name }) {
        guard case .success(.boolean(true)) = evaluator.value(of: definition.id, on: date) else { continue }
        let article = evaluator.step(for: definition.id, on: date).flatMap { evaluator.trace.steps[$0].rule?.short } ?? version.shortTitle
        out.append(
          "partnerschap is 'geen', maar volgens \(version.shortTitle) is de partner \(definition.id.name) (\(article)): de regels volgen de feiten, niet het opgegeven partnerschap")
      }
    }
    return out
  }

  /// The household's `partnerschap` value, given or by default.
  static func partnerschap(program: Program, household: Household) -> String? {
    guard let fact = program.facts.values.first(where: { $0.field == "partnerschap" && $0.subject == .household }) else { return nil }
    switch household.facts[fact.id] ?? fact.defaultValue {
    case .enumCase(let v)?: return v
    default: return nil
    }
  }
}

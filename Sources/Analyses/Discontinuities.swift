import ExactArithmetic
import LegalSource
import Population
import RuleIR

/// Cliff edges in the rules: every comparison of a money fact with a threshold parameter, found in the
/// compiled rules, and what one cent either side of the threshold does to the households' payments.
///
/// For each threshold the whole population is evaluated three times, with the fact set to one cent
/// below, exactly at and one cent above the threshold (for the person or household the rule reads);
/// a jump of more than a euro between neighbours is a discontinuity: one cent more costs more than it
/// brings. Thresholds that depend on other values (a drempelinkomen that follows the minimumloon) are
/// not scanned; only literal comparisons of a fact with a parameter are.
public struct Discontinuities: Sendable {
  public struct Threshold: Sendable {
    public let fact: SymbolID
    public let field: String
    /// Whose value the rule compares: `aanvrager`, `partner` or `huishouden`.
    public let whose: String
    public let parameter: SymbolID
    /// The threshold in cents (as the fact's column stores it).
    public let cents: Int64
    /// The rules that compare with this threshold (the same fact and value may be tested by several laws).
    public var citations: [Citation]
    public var citation: Citation { citations[0] }
  }

  public struct Finding: Sendable {
    public let threshold: Threshold
    /// Households whose payments change by more than € 1 a year across the threshold.
    public var households = 0
    /// The largest change per year across the threshold, cents (positive = payments fall going up).
    public var largest: Int64 = 0
    /// Total yearly payments at stake across the threshold, if every household stood at it, cents.
    public var total: Int128 = 0
  }

  public let findings: [Finding]

  /// The thresholds in the rules valid on `date`, each once.
  public static func thresholds(program: Program, date: CivilDate) -> [Threshold] {
    var found: [String: Threshold] = [:]
    let definitions = program.laws.keys.sorted().compactMap { program.version(of: $0, on: date) }.flatMap { $0.definitions.values }
    for d in definitions {
      for rule in d.rules {
        var exprs: [TypedExpression] = rule.condition.map { [$0] } ?? []
        if case .value(let e) = rule.body { exprs.append(e) }
        for e in exprs {
          e.walk { node in
            guard case .compare(_, let a, let b) = node.kind else { return }
            for (x, y) in [(a, b), (b, a)] {
              guard case .fact(let f, let ref) = Self.unwrap(x).kind, case .parameter(let p) = Self.unwrap(y).kind,
                let fact = program.facts[f], case .money = fact.type,
                let value = program.parameters[p]?.value(on: date)?.value.number else { continue }
              let whose: String
              switch (fact.subject, ref) {
              case (.household, _): whose = "huishouden"
              case (.person, .aanvrager?): whose = "aanvrager"
              case (.person, .partner?): whose = "partner"
              default: continue
              }
              let cents = Int64((value * 100).ceiling.description) ?? 0
              let key = "\(f)|\(whose)|\(cents)"
              if found[key] == nil {
                found[key] = Threshold(fact: f, field: fact.field, whose: whose, parameter: p, cents: cents, citations: [node.citation])
              } else if found[key]?.citations.contains(node.citation) == false {
                found[key]?.citations.append(node.citation)
              }
            }
          }
        }
      }
    }
    return found.sorted { $0.key < $1.key }.map(\.value)
  }

  static func unwrap(_ e: TypedExpression) -> TypedExpression {
    if case .convertPeriod(let inner, _, _) = e.kind { return unwrap(inner) }
    return e
  }

  public init(context: AnalysisContext) {
    var findings: [Finding] = []
    for t in Self.thresholds(program: context.engine.program, date: context.date) {
      let runs = [t.cents - 1, t.cents, t.cents + 1].map { v in context.outcomes(Self.placing(context.population, t, at: v)) }
      var f = Finding(threshold: t)
      for h in 0..<context.population.householdCount {
        guard let below = runs[0].total(h), let at = runs[1].total(h), let above = runs[2].total(h) else { continue }
        let steps = [below - at, at - above]
        guard let jump = steps.max(by: { abs($0) < abs($1) }), abs(jump) > 100 else { continue }
        f.households += 1
        f.total += Int128(abs(jump))
        if abs(jump) > abs(f.largest) { f.largest = jump }
      }
      findings.append(f)
    }
    self.findings = findings.sorted { $0.total > $1.total }
  }

  /// The population with the threshold's fact set to `value` for the person (or household) the rule reads.
  static func placing(_ p: PopulationData, _ t: Threshold, at value: Int64) -> PopulationData {
    switch t.whose {
    case "huishouden": return p.editingHouseholds(t.field) { _, _ in value }
    case "partner": return p.editingPersons(t.field) { _, role, v in role == 1 ? value : v }
    default: return p.editingPersons(t.field) { _, role, v in role == 0 ? value : v }
    }
  }
}

import ExactArithmetic
import HouseholdModel
import RuleIR

/// Where a household document says something the rules cannot use as written, checked against the
/// peildatum: a partnership label without a person with the role partner (the rules then count no
/// partner), and a person born after the end of the calculation year (who counts in no outcome of that
/// year; a child born later in the year does count, from the month after birth), and a child whose
/// parent (`kind_van`) has no person in the document (the rules then give the child to nobody: no
/// combinatiekorting, Wet IB art. 8.14a, for the aanvrager or partner), and a person with
/// studiefinanciering who is not studerend. What it reads: the document's `partnerschap`, `geboortedatum`,
/// `kind_van`, `studerend` and `studiefinanciering` fields as the gegevensmodel declares them. What it
/// produces: warnings, shown with the outcomes (the document is valid; it may not say what was meant).
public enum DocumentConsistency {
  public static func warnings(program: Program, household: Household, on date: CivilDate) -> [String] {
    var out: [String] = []
    if household.partner == nil, let label = LabelConsistency.partnerschap(program: program, household: household), label != "geen" {
      out.append("partnerschap is '\(label)', maar het document noemt geen persoon met de rol partner: de regels rekenen zonder partner")
    }
    if let birth = program.facts.values.first(where: { $0.field == "geboortedatum" && $0.subject == .person }) {
      let endOfYear = CivilDate.unchecked(date.year, 12, 31)
      for (i, person) in household.persons.enumerated() {
        guard case .date(let born)? = person.facts[birth.id], born > endOfYear else { continue }
        out.append(
          "personen[\(i)] (\(person.id)) wordt pas op \(born.iso) geboren, na het berekeningsjaar \(date.year): telt in geen uitkomst van deze peildatum mee")
      }
    }
    if let parent = program.facts.values.first(where: { $0.field == "kind_van" && $0.subject == .person }) {
      let roles = Set(household.persons.map(\.role))
      for (i, person) in household.persons.enumerated() {
        guard case .enumCase(let value)? = person.facts[parent.id] else { continue }
        let missing: String? =
          switch value {
          case "medebewoner": roles.contains(.medebewoner) ? nil : "geen persoon met de rol medebewoner"
          case "partner", "aanvrager en partner": roles.contains(.partner) ? nil : "geen persoon met de rol partner"
          default: nil
          }
        guard let missing else { continue }
        out.append(
          "personen[\(i)] (\(person.id)) is volgens kind_van een kind van '\(HouseholdDecoder.jsonForm(value))', maar het document noemt \(missing): de regels rekenen met kind_van zoals opgegeven")
      }
    }
    out += studyWarnings(program: program, household: household)
    return out
  }

  /// A person with aanspraak op studiefinanciering who is not `studerend`: the aanspraak exists only
  /// 'in verband met' education the person follows (Pw art. 13 lid 2 onder c), so the document says two
  /// things at once; the kostendelersnorm (Pw art. 19a lid 1 onder d) reads `studerend` as given.
  static func studyWarnings(program: Program, household: Household) -> [String] {
    guard let grant = program.facts.values.first(where: { $0.field == "studiefinanciering" && $0.subject == .person }),
      let study = program.facts.values.first(where: { $0.field == "studerend" && $0.subject == .person })
    else { return [] }
    return household.persons.enumerated().compactMap { i, person in
      guard case .boolean(true)? = person.facts[grant.id], !(person.facts[study.id].map { $0 == .boolean(true) } ?? false) else { return nil }
      return "personen[\(i)] (\(person.id)) heeft studiefinanciering: waar, maar studerend is niet waar; aanspraak op studiefinanciering bestaat alleen in verband met onderwijs dat iemand volgt (Pw art. 13 lid 2 onder c): de regels rekenen met beide zoals opgegeven (de uitsluiting van de bijstand met studiefinanciering, de kostendelersnorm met studerend)"
    }
  }
}

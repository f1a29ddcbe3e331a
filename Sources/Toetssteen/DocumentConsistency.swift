import ExactArithmetic
import HouseholdModel
import RuleIR

/// Where a household document says something the rules cannot use as written, checked against the
/// peildatum: a partnership label without a person with the role partner (the rules then count no
/// partner), and a person born after the end of the calculation year (who counts in no outcome of that
/// year; a child born later in the year does count, from the month after birth). What it reads: the
/// document's `partnerschap` and `geboortedatum` fields as the gegevensmodel declares them. What it
/// produces: warnings, shown with the outcomes (the document is valid; it may not say what was meant).
public enum DocumentConsistency {
  public static func warnings(program: Program, household: Household, on date: CivilDate) -> [String] {
    var out: [String] = []
    if household.partner == nil, let label = LabelConsistency.partnerschap(program: program, household: household), label != "geen" {
      out.append("partnerschap is '\(label)', maar het document noemt geen persoon met de rol partner: de regels rekenen zonder partner")
    }
    if let birth = program.facts.values.first(where: { $0.field == "geboortedatum" && $0.subject == .person }) {
      let endOfYear = CivilDate(year: date.year, month: 12, day: 31)!
      for (i, person) in household.persons.enumerated() {
        guard case .date(let born)? = person.facts[birth.id], born > endOfYear else { continue }
        out.append(
          "personen[\(i)] (\(person.id)) wordt pas op \(born.iso) geboren, na het berekeningsjaar \(date.year): telt in geen uitkomst van deze peildatum mee")
      }
    }
    return out
  }
}

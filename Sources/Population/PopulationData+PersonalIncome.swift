import ExactArithmetic
import RuleIR

/// The income a population ranks and compares its households by, whether or not the rules are given it.
///
/// A generated population draws one gross personal income per person (CBS's persoonlijk inkomen). When
/// the scenario gives it as the toetsingsinkomen, it is the column `toetsingsinkomen`; when the scenario
/// leaves the toetsingsinkomen to the rules, it is kept in ``personalIncomeColumn``, a column no rule
/// reads, so that income deciles, the input margins and the tenure calibration stay on the same footing.
extension PopulationData {
  /// The person column holding the drawn personal income when the toetsingsinkomen is left to the
  /// rules. Not a field of the household document.
  public static let personalIncomeColumn = "persoonlijk_inkomen"

  /// Per person, the drawn personal income, or else the given toetsingsinkomen (a population read
  /// from household documents); `nil` when the population has neither.
  public var personalIncome: ColumnData? {
    personColumns[Self.personalIncomeColumn] ?? personColumns["toetsingsinkomen"]
  }

  /// The name of the column ``personalIncome`` reads.
  public var personalIncomeField: String {
    personColumns[Self.personalIncomeColumn] != nil ? Self.personalIncomeColumn : "toetsingsinkomen"
  }

  /// Whether the rules derive the toetsingsinkomen (the population does not give it).
  public var derivesToetsingsinkomen: Bool { personColumns["toetsingsinkomen"] == nil && personColumns[Self.personalIncomeColumn] != nil }

  /// Per household, the sum of its persons' ``personalIncome`` in cents (see ``householdTotals(of:)``).
  public func householdPersonalIncome() -> [Int64] { householdTotals(of: personalIncomeField) }

  /// This population as the rules of `program` valid on `date` can read it. Where the population leaves
  /// the toetsingsinkomen to the rules but these rules do not derive it (a variant with the law of 2024,
  /// `wetdatum`, on a population of 2025), the drawn income is given as the toetsingsinkomen, as the
  /// generator gives it for such a date; otherwise an absent field would count as its default, € 0.
  /// Like the generator it gives fiscal income: a person with loon or uitkering gets their sum (without
  /// the werkgeversheffing Zvw the scenario took out of the drawn income), anyone else the drawn income.
  public func givingToetsingsinkomen(where program: Program, on date: CivilDate) -> PopulationData {
    guard derivesToetsingsinkomen, case .int64(let income)? = personalIncome,
      !program.derivesWhenAbsent(field: "toetsingsinkomen", on: date)
    else { return self }
    var fiscal = income
    if case .int64(let loon)? = personColumns["loon"], case .int64(let uitkering)? = personColumns["uitkering"] {
      for i in fiscal.indices where loon[i] + uitkering[i] > 0 { fiscal[i] = loon[i] + uitkering[i] }
    }
    var copy = self
    copy.personColumns["toetsingsinkomen"] = .int64(fiscal)
    return copy
  }
}

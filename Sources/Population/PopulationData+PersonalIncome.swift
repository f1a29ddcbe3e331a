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
}

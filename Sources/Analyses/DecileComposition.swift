import ExactArithmetic
import Population
import Synthesis

/// Who sits where in the income distribution: per decile of standardised net income, the share of each
/// household type, in the model beside a published table (``ValidationSpec/IncomeDeciles``).
///
/// The model ranks its decided households by the net income output standardised with the scenario's
/// equivalence factors (`wonen.huur_naar_inkomen.equivalentiefactoren`), ties by household number, and
/// cuts them into ten groups of equal size. A household the rules leave undecided is left out.
public struct DecileComposition: Sendable {
  /// The household types of the columns.
  public let types: [HouseholdType]
  /// Per decile (lowest first) and type: the model's share of the decile's households.
  public let model: [[Rational]]
  /// The same from the published table.
  public let published: [[Rational]]
  /// The households ranked (decided).
  public let households: Int
  public let table: ValidationSpec.IncomeDeciles

  /// `nil` when the output is missing, the scenario has no equivalence factors, or fewer than ten
  /// households are decided.
  public init?(_ p: PopulationData, outcomes: Outcomes, scenario s: Scenario, table: ValidationSpec.IncomeDeciles) {
    guard let scale = s.wonen.huurNaarInkomen?.scale, let o = outcomes.index(of: table.uitvoer) else { return nil }
    let net = scale.standardised(outcomes.yearly[o], in: p)
    let ranked = (0..<p.householdCount).filter { !outcomes.undecided[o][$0] }.sorted { (net[$0], $0) < (net[$1], $1) }
    guard ranked.count >= 10 else { return nil }
    types = table.types
    self.table = table
    households = ranked.count
    model = (0..<10).map { d in
      let group = ranked[(d * ranked.count / 10)..<((d + 1) * ranked.count / 10)]
      return table.types.map { type in Rational(group.filter { p.householdType[$0] == type.rawValue }.count) / group.count }
    }
    published = table.decielen.map { row in
      let all = row.reduce(0) { $0 + Int($1) }
      return row.map { Rational(Int($0)) / all }
    }
  }
}

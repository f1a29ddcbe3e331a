import ExactArithmetic
import Population
import Synthesis

/// Who sits where in the income distribution: per decile of standardised net income, the share of each
/// household type, in the model beside a published table (``ValidationSpec/IncomeDeciles``).
///
/// The model ranks its decided households by the net income output standardised with the scenario's
/// equivalence factors (`wonen.huur_naar_inkomen.equivalentiefactoren`), ties by household number, and
/// cuts them into ten groups of equal size. Only households of the listed types count, on both sides; a
/// household the rules leave undecided is left out (``undecided`` says how many per type).
public struct DecileComposition: Sendable {
  /// The household types of the columns.
  public let types: [HouseholdType]
  /// Per decile (lowest first) and type: the model's share of the decile's households.
  public let model: [[Rational]]
  /// The same from the published table.
  public let published: [[Rational]]
  /// The households ranked (decided and of a listed type).
  public let households: Int
  /// Per type: the share of its households the rules left undecided (not ranked).
  public let undecided: [Rational]
  /// Per type: its share of all ranked households in the model, and in the published table.
  public let overall: (model: [Rational], published: [Rational])
  public let table: ValidationSpec.IncomeDeciles

  /// `nil` when the output is missing, the scenario has no equivalence factors, or fewer than ten
  /// households are decided.
  public init?(_ p: PopulationData, outcomes: Outcomes, scenario s: Scenario, table: ValidationSpec.IncomeDeciles) {
    guard let scale = s.wonen.huurNaarInkomen?.scale, let o = outcomes.index(of: table.uitvoer) else { return nil }
    let net = scale.standardised(outcomes.yearly[o], in: p)
    // Only the listed types, so both sides divide by the same households.
    let listed = Set(table.types.map(\.rawValue))
    let ofType = (0..<p.householdCount).filter { listed.contains(p.householdType[$0]) }
    let ranked = ofType.filter { !outcomes.undecided[o][$0] }.sorted { (net[$0], $0) < (net[$1], $1) }
    guard ranked.count >= 10 else { return nil }
    types = table.types
    self.table = table
    households = ranked.count
    let count = { (rows: ArraySlice<Int>, type: HouseholdType) in rows.filter { p.householdType[$0] == type.rawValue }.count }
    model = (0..<10).map { d in
      let group = ranked[(d * ranked.count / 10)..<((d + 1) * ranked.count / 10)]
      return table.types.map { Rational(count(group, $0)) / group.count }
    }
    published = table.decielen.map { row in
      let all = row.reduce(0) { $0 + Int($1) }
      return row.map { Rational(Int($0)) / all }
    }
    undecided = table.types.map { type in
      let all = count(ofType[...], type)
      return all == 0 ? Rational(0) : Rational(all - count(ranked[...], type)) / all
    }
    let publishedAll = table.decielen.joined().reduce(0) { $0 + Int($1) }
    overall = (
      table.types.map { Rational(count(ranked[...], $0)) / ranked.count },
      table.types.indices.map { t in Rational(table.decielen.reduce(0) { $0 + Int($1[t]) }) / publishedAll }
    )
  }
}

import ExactArithmetic
import Foundation
import Population
import Synthesis
import Toetssteen

/// Analyses before enactment: reform comparison, samenloop, fraud gaps and overgangsrecht burden.
///
/// Every analysis works on a synthetic population and on rule design, never on real persons: it
/// counts households and euros, names the articles a finding comes from, and uses no protected
/// characteristics. Amounts are exact integers in cents; shares and charts are computed from them.
public struct AnalysisContext: Sendable {
  public let engine: Engine
  public let date: CivilDate
  public let scenario: Scenario
  public let population: PopulationData
  public let threads: Int
  /// Households in the country the synthetic population stands for (CBS 37975: 8.374.404), to scale
  /// counts and euros to national figures.
  public let nationalHouseholds: Int64
  /// Per household: the sum of its persons' personal income in cents, as drawn (or the given
  /// toetsingsinkomen of a population from documents): the deciles use it.
  public let householdIncome: [Int64]
  /// The household-income deciles (the same as the simulation summary's).
  public let deciles: IncomeDeciles

  public init(engine: Engine, date: CivilDate, scenario: Scenario, population: PopulationData, threads: Int) {
    self.engine = engine
    self.date = date
    self.scenario = scenario
    self.population = population
    self.threads = threads
    nationalHouseholds = Self.nationalHouseholds(of: scenario)
    householdIncome = population.householdPersonalIncome()
    deciles = IncomeDeciles(incomeCents: householdIncome)
  }

  /// The baseline outcomes of this population.
  /// The outcomes of `population` (default: this one) under `engine`'s rules valid on `lawDate`
  /// (default: the date).
  public func outcomes(_ population: PopulationData? = nil, engine: Engine? = nil, lawDate: CivilDate? = nil) -> Outcomes {
    Outcomes.compute(program: (engine ?? self.engine).program, population: population ?? self.population, date: lawDate ?? date, threads: threads)
  }

  /// The national figure for a count or amount in the synthetic population (rounded half up).
  public func scaled(_ value: Int128) -> Int128 {
    let n = Int128(max(1, population.householdCount))
    let x = value * Int128(nationalHouseholds)
    return x >= 0 ? (x * 2 + n) / (2 * n) : -((-x * 2 + n) / (2 * n))
  }

  /// Decile 0…9 of household `h` by household income.
  public func decile(_ h: Int) -> Int { deciles.decile(h) }
}

import ExactArithmetic
import Foundation
import Population
import RuleIR
import RuleKernel
import Synthesis

/// A simulation run: a synthetic population, the compiled kernel, and the per-household results.
public struct Simulation: Sendable {
  public let date: CivilDate
  public let scenario: Scenario
  public let seed: UInt64
  public let threads: Int
  public let population: PopulationData
  public let kernel: CompiledKernel
  public let results: SimulationResults
  /// The rules the results come from (for output types and exports).
  public let program: Program
  /// Per household, the sum of its persons' personal income in cents (``PopulationData/personalIncome``:
  /// the given toetsingsinkomen, or the drawn income when the rules derive it): the income the summary's
  /// deciles and the exports use.
  public let householdIncome: [Int64]
  public let timings: Timings
  /// The part of a larger population this run generated (`--partition`), nil for a whole population.
  public let partition: Partition?
  /// The number, in the whole population, of this run's first household: 0 unless a partition.
  public let firstHousehold: Int
  /// The number of households of the whole population (of which this run may be a part).
  public let populationHouseholds: Int
  /// Age bands of `inkomen.bijstand_naar_leeftijd` that asked for more persons than the generator has
  /// adults there (every adult of that age was drawn without income); empty when none did.
  public var assistanceCapped: [Range<Int64>] = []
  /// Cells of age band and leefvorm (`inkomen.bijstand_naar_leefvorm`) whose raked chance was above one,
  /// as people read them ("45–66 jaar, paar met kinderen"); empty when none was.
  public var assistanceCappedCells: [String] = []
  /// Leefvormen that ask for bijstand persons the generator has no one for (they are not drawn), and age
  /// bands without anyone (their persons go to the other bands); empty when none.
  public var assistanceUnplaced: [String] = []
  public var assistanceEmptyBands: [String] = []
  /// How income follows the place in the household (`inkomen.naar_leefvorm`), with the calibrated weights
  /// and any warning; nil without the section.
  public var incomeByPlaceNote: String?
  /// How partners' incomes hang together (`inkomen.tweeverdieners`), with a warning when the target is
  /// out of reach; nil without the section.
  public var partnerCouplingNote: String?
  /// How vermogen follows the aanvrager's age (scenario `vermogen_naar_woning.mediaan_naar_leeftijd`), if the
  /// scenario says.
  public var wealthNote: String?

  public struct Timings: Sendable {
    public var generate: Double = 0
    public var compile: Double = 0
    public var evaluate: Double = 0
  }
}

extension Engine {
  /// Generates `households` households from `scenario` and evaluates every output valid on `date`.
  ///
  /// With a `partition`, only that part of the population of `households` households is generated
  /// and evaluated; its households keep their numbers in the whole population (``Simulation/firstHousehold``).
  public func simulate(
    date: CivilDate, households: Int, seed: UInt64?, scenario: Scenario, threads: Int, partition: Partition? = nil,
    progress: (@Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> Simulation {
    var s = scenario
    if let seed { s.zaad = seed }
    var timings = Simulation.Timings()
    var clock = Stopwatch()
    let chunks = try partition?.chunks(households: households) ?? 0..<Partition.chunkCount(households: households)
    let range = try partition?.households(of: households) ?? 0..<households
    progress?("genereren", 0, range.count)
    let generator = Generator(scenario: s, program: program, date: date)
    try generator.requireCalibrated()
    let population = generator.generate(count: households, chunks: chunks, threads: threads) { done in
      progress?("genereren", done, range.count)
    }
    timings.generate = clock.lap()
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    timings.compile = clock.lap()
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: threads) { done in
      progress?("doorrekenen", done, range.count)
    }
    timings.evaluate = clock.lap()
    var simulation = Simulation(
      date: date, scenario: s, seed: s.zaad, threads: threads, population: population, kernel: kernel, results: results,
      program: program, householdIncome: population.householdPersonalIncome(), timings: timings,
      partition: partition, firstHousehold: range.lowerBound, populationHouseholds: households)
    simulation.assistanceCapped = generator.assistanceSpread?.bands.filter(\.capped).map(\.ages) ?? []
    simulation.incomeByPlaceNote = generator.incomeByPlaceNote
    simulation.partnerCouplingNote = generator.partnerCouplingNote
    simulation.wealthNote = generator.wealthByAgeNote
    simulation.assistanceCappedCells = generator.assistanceByHousehold?.capped.map {
      "\(DutchFormat.ages($0.band.lowerBound, $0.band.upperBound)), \($0.unit.key)"
    } ?? []
    simulation.assistanceUnplaced = generator.assistanceByHousehold?.unplaced ?? []
    simulation.assistanceEmptyBands = generator.assistanceByHousehold?.emptyBands ?? []
    return simulation
  }
}

/// Wall-clock laps, for reporting where time goes.
public struct Stopwatch {
  var last = DispatchTime.now().uptimeNanoseconds
  public init() {}
  public mutating func lap() -> Double {
    let now = DispatchTime.now().uptimeNanoseconds
    defer { last = max(last, now) }
    // A virtualised clock can read a little earlier on another core: never a negative lap, never a trap.
    return now > last ? Double(now - last) / 1e9 : 0
  }
}

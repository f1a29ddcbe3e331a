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
  public let timings: Timings

  public struct Timings: Sendable {
    public var generate: Double = 0
    public var compile: Double = 0
    public var evaluate: Double = 0
    public var summarise: Double = 0
    public var total: Double { generate + compile + evaluate + summarise }
  }
}

extension Engine {
  /// Generates `households` households from `scenario` and evaluates every output valid on `date`.
  public func simulate(
    date: CivilDate, households: Int, seed: UInt64?, scenario: Scenario, threads: Int,
    progress: (@Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void)? = nil
  ) -> Simulation {
    var s = scenario
    if let seed { s.zaad = seed }
    var timings = Simulation.Timings()
    var clock = Stopwatch()
    progress?("genereren", 0, households)
    let population = Generator(scenario: s, program: program, date: date).generate(count: households, threads: threads)
    if ProcessInfo.processInfo.environment["TOETS_KERNEL_PROFIEL"] != nil {
      FileHandle.standardError.write(Data("bevolking: \(population.householdCount) huishoudens, \(population.personCount) personen, \(population.byteCount / 1_000_000) MB\n".utf8))
    }
    timings.generate = clock.lap()
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    timings.compile = clock.lap()
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: threads) { done in
      progress?("doorrekenen", done, households)
    }
    timings.evaluate = clock.lap()
    return Simulation(date: date, scenario: s, seed: s.zaad, threads: threads, population: population, kernel: kernel, results: results, timings: timings)
  }
}

/// Wall-clock laps, for reporting where time goes.
public struct Stopwatch {
  var last = DispatchTime.now().uptimeNanoseconds
  public init() {}
  public mutating func lap() -> Double {
    let now = DispatchTime.now().uptimeNanoseconds
    defer { last = now }
    return Double(now - last) / 1e9
  }
}

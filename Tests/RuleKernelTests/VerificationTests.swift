import ExactArithmetic
import Foundation
import Population
import RuleKernel
import Synthesis
import TestSupport
import Testing
@testable import Toetssteen

/// `--verify` compares what the kernel computed with the reference evaluator: it finds a wrong amount,
/// and it does not count as agreement the rows the reference evaluator filled in itself.
@Suite("Narekenen met de referentie-evaluator")
struct VerificationTests {
  static let engine = Repository.engine

  /// The adversarial households (some with amounts beyond 64-bit cents) as a simulation.
  static func simulation(date: CivilDate) throws -> Simulation {
    let population = try PopulationData(households: DifferentialTests.adversarialHouseholds(), program: engine.program)
    let kernel = KernelCompiler.compile(program: engine.program, date: date, population: population)
    let results = KernelRunner.run(kernel: kernel, program: engine.program, population: population, date: date, threads: 2)
    return Simulation(
      date: date, scenario: DifferentialTests.scenario, seed: 1, threads: 2, population: population, kernel: kernel, results: results,
      program: engine.program, householdIncome: population.householdTotals(of: "toetsingsinkomen"), timings: .init(),
      partition: nil, firstHousehold: 0, populationHouseholds: population.householdCount)
  }

  @Test("rijen die de referentie zelf invulde, tellen niet als vergeleken; de rest klopt")
  func referenceRowsNotCompared() throws {
    let s = try Self.simulation(date: CivilDate(iso: "2025-07-01")!)
    let n = s.population.householdCount
    let v = Self.engine.verify(s, count: n, threads: 2)
    let filled = s.results.referenceRows.map(\.count).reduce(0, +)
    #expect(filled > 0, "de proef moet huishoudens hebben die de kernel aan de referentie overliet")
    #expect(filled == s.results.exactRows.reduce(0, +))
    #expect(v.fromReference == filled)
    #expect(v.comparisons == n * s.results.outputIDs.count - filled)
    #expect(v.passed, "\(v.mismatches.prefix(5).map { "\($0.household) \($0.output): \($0.kernel) tegen \($0.reference)" })")
  }

  @Test("een afwijkend bedrag van de kernel wordt gevonden")
  func findsWrongAmount() throws {
    let s = try Self.simulation(date: CivilDate(iso: "2025-07-01")!)
    let o = try #require(s.results.index(of: "zorgtoeslag.jaarbedrag"))
    let h = try #require((0..<s.population.householdCount).first { s.results.isDecided(o, $0) && !s.results.referenceRows[o].contains($0) })
    let column = s.results.cents[o]
    column[h] += 1
    let v = Self.engine.verify(s, count: s.population.householdCount, threads: 2)
    #expect(!v.passed)
    #expect(v.mismatches.map(\.household) == [h] && v.mismatches.map(\.output) == ["zorgtoeslag.jaarbedrag"])
  }
}

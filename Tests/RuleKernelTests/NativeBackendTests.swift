import ExactArithmetic
import Foundation
import HouseholdModel
import Population
import RuleKernel
import Synthesis
import TestSupport
import RuleIR
import Testing
import Toetssteen

/// The native backend must give what the interpreter gives, bit for bit: every amount and every
/// status of every household (the interpreter is held to the reference evaluator in
/// ``DifferentialTests``, so the three agree). The compiler is the one of the Swift toolchain; a
/// machine without it fails here rather than skipping, because CI must prove the native code.
@Suite("Native backend tegen de interpreter", .serialized)
struct NativeBackendTests {
  static let engine = Repository.engine

  /// Runs both backends and lists every household and output where they differ.
  static func differences(_ population: PopulationData, date: CivilDate) throws -> [String] {
    let program = engine.program
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    let interpreted = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: 2, backend: .interpreter)
    let native = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: 2, backend: .native)
    #expect(native.backend.backend == .native, "\(native.backend.summary)")
    #expect(interpreted.backend.backend == .interpreter)
    var out: [String] = []
    for o in interpreted.outputIDs.indices {
      for h in 0..<population.householdCount {
        let a = (interpreted.cents[o][h], interpreted.status[o][h])
        let b = (native.cents[o][h], native.status[o][h])
        if a != b { out.append("huishouden \(h) \(interpreted.outputIDs[o]): interpreter \(a), native \(b)") }
      }
    }
    return out
  }

  @Test("Er is een C-compiler: de clang van de Swift-toolchain")
  func toolchain() throws {
    let toolchain = try #require(NativeToolchain.current, "geen C-compiler gevonden; zet TOETS_CC")
    #expect(toolchain.version.lowercased().contains("clang") || toolchain.version.lowercased().contains("gcc"))
  }

  @Test("Synthetische bevolking: ieder huishouden en iedere uitkomst gelijk", arguments: ["2024-06-01", "2025-07-01", "2026-01-01"])
  func synthetic(date: String) throws {
    let day = CivilDate(iso: date)!
    // With owners' homes, so the eigen woning rules run natively too.
    var s = DifferentialTests.ownerScenario
    s.zaad = 77
    let population = Generator(scenario: s, program: Self.engine.program, date: day).generate(count: 20_000, threads: 2)
    let d = try Self.differences(population, date: day)
    #expect(d.isEmpty, "\(d.count) verschillen: \(d.prefix(10))")
  }

  @Test("Grenzen en uitersten: overloop en terugval naar de referentie gelijk", arguments: ["2024-03-01", "2025-07-01"])
  func adversarial(date: String) throws {
    let day = CivilDate(iso: date)!
    let population = try PopulationData(households: DifferentialTests.adversarialHouseholds(), program: Self.engine.program)
    let d = try Self.differences(population, date: day)
    #expect(d.isEmpty, "\(d.prefix(10))")
  }

  @Test("Alleen andere parameterwaarden: dezelfde C-tekst en bibliotheek, andere constanten")
  func constantsAreInputs() throws {
    let day = CivilDate(iso: "2025-01-01")!
    var s = DifferentialTests.scenario
    s.zaad = 3
    let population = Generator(scenario: s, program: Self.engine.program, date: day).generate(count: 2_000, threads: 1)
    let id = SymbolID(law: "kindgebonden_budget", name: "afbouwpercentage")
    let change = Engine.ParameterChange(id: id, value: try Self.engine.parameterValue("7,60 %", for: id), explanation: "test")
    let variant = try Self.engine.changingParameters([change], on: day, variant: "afbouw 7,60 %")
    let base = KernelCompiler.compile(program: Self.engine.program, date: day, population: population)
    let changed = KernelCompiler.compile(program: variant.program, date: day, population: population)
    let a = try NativeSource(program: base.unrolled, population: population)
    let b = try NativeSource(program: changed.unrolled, population: population)
    #expect(a.text == b.text, "een parameterwaarde is in de C-tekst terechtgekomen")
    #expect(a.constants != b.constants)
    #expect(a.constants.count == b.constants.count)
  }
}

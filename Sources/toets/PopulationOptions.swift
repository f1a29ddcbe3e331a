import ArgumentParser
import ExactArithmetic
import Foundation
import RuleKernel
import Synthesis
import Toetssteen

/// The synthetic population a command generates: scenario, seed and threads; shared by `simulate` and
/// `report`.
struct PopulationOptions: ParsableArguments {
  @Option(name: .customLong("seed"), help: ArgumentHelp("Zaad van de toevalsgenerator (standaard: dat van het scenario).", valueName: "S"))
  var seed: UInt64?

  @Option(name: .customLong("scenario"), help: ArgumentHelp("Scenariobestand (YAML).", valueName: "bestand"))
  var scenario: String?

  @Option(name: .customLong("threads"), help: ArgumentHelp("Aantal threads (standaard: alle kernen).", valueName: "T"))
  var threads: Int?

  @Option(
    name: .customLong("backend"),
    help: ArgumentHelp(
      "Wie de kernel uitvoert: 'interpreter' (standaard) of 'native': de regels als C, bij de eerste run gecompileerd met de clang van de Swift-toolchain (enkele seconden) en daarna uit de cache (TOETS_CACHE, anders ~/.cache/toetssteen). De uitkomsten zijn gelijk tot op de bit.",
      valueName: "backend"))
  var backend: KernelBackend = .interpreter

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads moet 1 of meer zijn") }
    // More threads than households are drawn in blocks gains nothing; far beyond it the block arithmetic
    // would overflow. 1.024 is above any machine this runs on.
    if let threads, threads > Self.maxThreads { throw ValidationError("--threads is ten hoogste \(Self.maxThreads), niet \(threads)") }
  }

  /// The most threads a run may ask for.
  static let maxThreads = 1024

  var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

  /// Makes `--backend` the backend of every run of this command; `native` without a C compiler exits
  /// with status 2.
  func applyBackend() throws {
    if backend == .native, case .failure(let error) = NativeToolchain.lookup {
      Terminal.error("fout: --backend native: \(error.description)")
      throw ExitCode(2)
    }
    KernelBackend.preferred = backend
    KernelBackend.notices.set(
      compiling: { Terminal.error("De regels worden als C gecompileerd (eenmalig, enkele seconden; daarna uit \(NativeLibraryCache.directory.path)).") },
      fallback: { reason in Terminal.error("waarschuwing: --backend native: \(reason); de interpreter rekent (de uitkomsten zijn dezelfde).") })
  }

  /// The scenario given, or the default one beside the regulations; a broken file, or one that names
  /// a regeling or an output the rules do not have (or not on one of `dates`), exits with status 2.
  func loadScenario(regulations dir: String, engine: Engine, dates: [CivilDate]) throws -> Scenario {
    try loadScenario(at: try scenarioPath(regulations: dir), engine: engine, dates: dates)
  }

  /// The path of the scenario given, or of the default one beside the regulations.
  func scenarioPath(regulations dir: String) throws -> String {
    guard let path = try scenario.map(RegulationLocator.existing) ?? ScenarioLocator.defaultPath(regulations: dir) else {
      throw ValidationError("geen scenario gevonden; geef --scenario <bestand>")
    }
    return path
  }

  func loadScenario(at path: String, engine: Engine, dates: [CivilDate]) throws -> Scenario {
    let loaded: Scenario
    do { loaded = try Scenario.load(path: path) } catch {
      Terminal.error("fout: \(error)")
      throw ExitCode(2)
    }
    let problems = engine.scenarioProblems(loaded, path: path, dates: dates)
    guard problems.isEmpty else {
      for p in problems { Terminal.error("fout: \(p)") }
      throw ExitCode(2)
    }
    return loaded
  }
}

extension KernelBackend: ExpressibleByArgument {}

import ArgumentParser
import Foundation
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

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads moet 1 of meer zijn") }
  }

  var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

  /// The scenario given, or the default one beside the regulations; a broken file exits with status 2.
  func loadScenario(regulations dir: String) throws -> Scenario {
    guard let path = scenario ?? ScenarioLocator.defaultPath(regulations: dir) else {
      throw ValidationError("geen scenario gevonden; geef --scenario <bestand>")
    }
    do { return try Scenario.load(path: path) } catch {
      Terminal.error("fout: \(error)")
      throw ExitCode(2)
    }
  }
}

import ArgumentParser
import Foundation
import HouseholdModel
import Specification
import Toetssteen

struct IRCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ir",
    abstract: "Exporteer de gecompileerde regels als JSON (formaat toetssteen-ir, versie 1).",
    discussion: """
      Alle wetten met hun versies, definities en regels (voorwaarden en uitkomsten als expressiebomen), \
      de gegevens van het huishoudmodel met hun herkomst, de parameters met iedere waarde in de tijd, en \
      de enumeraties; iedere regel en waarde met haar bron (BWB, artikel, lid, Juriconnect). Getallen \
      zijn exacte decimale strings. Het schema staat in Schemas/toetssteen-ir-1.schema.json.

      Voorbeeld:
        toets ir --output toetssteen-ir.json
      """)

  @Option(name: .customLong("output"), help: ArgumentHelp("Bestand (standaard: standaarduitvoer).", valueName: "bestand"))
  var output: String?

  @OptionGroup var regulations: RegulationOptions

  func run() throws {
    let (engine, _) = try regulations.engine()
    let text = JSONWriter.render(IRExport.document(engine.program)) + "\n"
    guard try Terminal.deliver(text, to: output), let output else { return }
    Terminal.out("IR geschreven naar \(output) (\(text.utf8.count / 1024) kB, formaat \(IRExport.format) \(IRExport.version)).")
  }
}

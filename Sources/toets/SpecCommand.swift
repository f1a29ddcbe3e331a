import ArgumentParser
import Foundation
import Specification
import Toetssteen

struct SpecCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spec",
    abstract: "Schrijf de specificatie voor de uitvoering: per regeling en versie een HTML- en Markdown-pagina.",
    discussion: """
      Per regeling en versie: de wettekst met de JAS-annotaties in kleur (met legenda), de regels naast \
      de tekst die ze formaliseren, de rekenvoorbeelden, de parameters met geldigheid en bron, de \
      begrippen (en waar een andere wet hetzelfde begrip anders definieert), de traceerbaarheid \
      artikel ↔ regel ↔ invoer/uitvoer ↔ rekenvoorbeeld, de dekking van de annotaties, en de \
      interpretatiekeuzes (```keuze-blokken bij hun artikel), met de open keuzes bovenaan.

      Voorbeeld:
        toets spec --output specificatie
        (open specificatie/index.html of specificatie/zorgtoeslag-2026-01-01.html)
      """)

  @Option(name: .customLong("output"), help: ArgumentHelp("Map voor de specificatie.", valueName: "map"))
  var output: String = "specificatie"

  @OptionGroup var regulations: RegulationOptions

  func run() throws {
    let (engine, _) = try regulations.engine()
    let pages = SpecificationSite.pages(engine: engine)
    let files: [String]
    do { files = try SpecificationSite.write(pages, to: output) } catch {
      Terminal.error("fout: kan de specificatie niet schrijven: \(error)")
      throw ExitCode(1)
    }
    Terminal.out("Specificatie geschreven in \(output)/: \(pages.count) regelingversies, \(files.count) bestanden; begin bij \(output)/index.html")
    // A decision may stand in every version of a law; count it once.
    let open = Set(engine.program.decisions.filter { $0.status == .open }.map(\.id))
    if !open.isEmpty { Terminal.out("Open interpretatiekeuzes: \(open.count) (nog niet afgestemd met beleid en wetgeving).") }
  }
}

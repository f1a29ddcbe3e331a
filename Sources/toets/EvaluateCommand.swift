import ArgumentParser
import ExactArithmetic
import Foundation
import HouseholdModel
import LegalSource
import Toetssteen

struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Reken alle regelingen door voor één huishouden, met uitleg per artikel.",
    discussion: """
      Leest een huishoudendocument (JSON, zie Regulations/huishouden/gegevensmodel.md) en berekent \
      iedere uitvoer die op DATUM geldt: jaarbedragen voor het kalenderjaar van DATUM, maandbedragen \
      voor de maand van DATUM. Bedragen worden exact berekend en alleen afgerond waar de wet dat zegt.

      Met --explain volgt voor iedere uitvoer de afleiding: de regel, het artikel (met link), de \
      formule met ingevulde waarden, de gebruikte gegevens en parameters met hun bron, en welke \
      uitzonderingen wel of niet golden.

      Kan een uitvoer niet worden bepaald (een ontbrekend gegeven, geen toepasselijke regel, twee \
      regels die elkaar tegenspreken), dan noemt toets het gegeven of de artikelen en eindigt met \
      exit-status 3. Er wordt nooit een getal verzonnen.

      Voorbeelden:
        toets evaluate --date 2026-01-01 --household huishouden.json
        toets evaluate --date 2026-01-01 --household huishouden.json --explain
        cat huishouden.json | toets evaluate --date 2024-07-01 --household - --format json
      """)

  @Option(name: .customLong("date"), help: ArgumentHelp(LawInForce.dateHelp, valueName: "datum"))
  var date: String = LawInForce.defaultDate

  @Option(name: .customLong("household"), help: ArgumentHelp("Huishoudendocument (JSON); '-' leest standaardinvoer.", valueName: "bestand"))
  var household: String

  @Option(name: .customLong("format"), help: "Uitvoer als 'text' (leesbaar) of 'json' (met trace).")
  var format: OutputFormat = .text

  @Flag(name: .customLong("explain"), help: "Leg iedere uitvoer uit, met de artikelen waar hij vandaan komt.")
  var explain = false

  @OptionGroup var regulations: RegulationOptions

  func run() throws {
    let day = try LawInForce.peildatum(date)
    let (engine, _) = try regulations.engine()
    let text: String
    do { text = try Terminal.read(household == "-" ? household : RegulationLocator.existing(household)) } catch let e as ToetsError {
      Terminal.error("fout: \(e.description)")
      throw ExitCode(2)
    }
    let parsed: Household
    do {
      parsed = try engine.household(fromJSON: text)
    } catch {
      // The same diagnostics as a regulation's: place, id'd text, the line with a caret, a suggestion as a note.
      let document = SourceFile(path: household == "-" ? "<standaardinvoer>" : household, text: text)
      let diagnostics = error.diagnostics(in: document)
      let formatter = DiagnosticFormatter(showsExcerpt: true, colors: Terminal.stderrIsTerminal)
      for d in diagnostics { Terminal.error(d.range == nil ? "\(document.path): " + formatter.format(d) : formatter.format(d)) }
      throw ExitCode(2)
    }
    let evaluation = engine.evaluate(parsed, on: day, explain: explain || format == .json)
    switch format {
    case .json: Terminal.out(JSONWriter.render(evaluation.json()))
    case .text: Terminal.out(explain ? evaluation.explanationText() : evaluation.summaryText())
    }
    for warning in evaluation.warnings { Terminal.error("waarschuwing: \(warning)") }
    // An outcome the document's form does not allow (income given only as a toetsingsinkomen) is listed,
    // but is no reason for exit 3: a document in that form is valid (contract v1.4).
    for (id, reason) in evaluation.undecided { Terminal.error("\(id): onbepaald: \(reason)") }
    if evaluation.undecided.contains(where: { !$0.1.isDocumentForm }) { throw ExitCode(3) }
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

import ArgumentParser
import LegalSource
import Toetssteen

@main
struct Toets: AsyncParsableCommand {
  /// Parses the arguments with the Dutch flag spellings of earlier versions read as their English names,
  /// runs the command, and reports what goes wrong with the parser's words in Dutch.
  static func main() async {
    do {
      var command = try parseAsRoot(FlagAliases.rewrite(Array(CommandLine.arguments.dropFirst())))
      if var asynchronous = command as? AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch {
      DutchArgumentMessages.exit(with: error, command: self)
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "toets",
    abstract: "Toetssteen: Nederlandse wetgeving als uitvoerbare, toetsbare regels.",
    discussion: """
      Toetssteen leest wetsartikelen met Wetsanalyse-annotaties (JAS) en regels in een gecontroleerde \
      Nederlandse regeltaal (map Regulations/), controleert ze, en rekent ze exact door voor één \
      huishouden of voor een hele synthetische bevolking. Iedere uitkomst verwijst naar het artikel \
      waar hij vandaan komt.

      Begin hier:
        toets check
            controleer alle regelingen en draai de rekenvoorbeelden
        toets evaluate --date 2026-01-01 --household huishouden.json --explain
            reken één huishouden door, met uitleg per artikel
        toets simulate --date 2026-01-01 --households 1000000
            reken een synthetische bevolking van Nederland door
        toets report --variant Scenarios/varianten/kgb-afbouw-7,60.yaml
            rapport vóór invoering: variant, samenloop, fraude, overgangsrecht
        toets validate --output validatie
            de synthetische bevolking naast gepubliceerde cijfers per regeling
        toets spec
            specificatie per regeling voor jurist en ontwikkelaar
        toets ir --output regels.json
            de gecompileerde regels als JSON, met JSON Schema
        toets serve
            de beslisservice over HTTP, met een werkbank op http://127.0.0.1:8080/

      De regeltaal staat beschreven in Docs/regeltaal.md; het huishoudendocument in \
      Regulations/huishouden/gegevensmodel.md.

      De opties hebben Engelse namen (--output, --regulations, --sample); de Nederlandse namen van \
      eerdere versies (--uit, --regelingen, --steekproef, …) werken nog.
      """,
    subcommands: subcommands
  )

  /// The subcommands; `serve` when the package is built with its default trait `Beslisservice`.
  static var subcommands: [any ParsableCommand.Type] {
    var list: [any ParsableCommand.Type] = [
      Check.self, Evaluate.self, Simulate.self, ReportCommand.self, ValidateCommand.self, SpecCommand.self, IRCommand.self, SQLCommand.self,
    ]
    #if Beslisservice
    list.append(Serve.self)
    #endif
    return list
  }
}

/// Where the regulations are read from; shared by every subcommand.
struct RegulationOptions: ParsableArguments {
  @Option(
    name: [.customLong("regulations")],
    help: ArgumentHelp(
      "Map met de regelingen.",
      discussion: "Standaard $TOETS_REGELINGEN, anders ./Regulations, anders de map Regulations van de checkout waarin toets is gebouwd, anders de regelingen die in toets zijn ingebouwd (uitgepakt in ~/.cache/toetssteen/ingebouwd; bewerk ze in een eigen map).",
      valueName: "map"))
  var directory: String?

  /// Compiles the regulations; on errors prints every diagnostic and exits with status 2.
  func engine() throws -> (engine: Engine, directory: String) {
    let dir = try resolve()
    let compiled = Engine.compile(directory: dir)
    guard let engine = compiled.engine else {
      Terminal.error(DiagnosticFormatter(colors: Terminal.stderrIsTerminal).format(compiled.diagnostics.filter(\.isError)))
      Terminal.error("De regelingen in '\(dir)' bevatten fouten; zie 'toets check \(dir)'.")
      throw ExitCode(2)
    }
    return (engine, dir)
  }

  func resolve() throws -> String {
    if let directory { return directory }
    return try RegulationLocator.defaultDirectory()
  }
}

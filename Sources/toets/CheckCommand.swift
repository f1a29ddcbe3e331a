import ArgumentParser
import Foundation
import LegalSource
import RuleSemantics
import Toetssteen

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Controleer de regelingen en draai hun rekenvoorbeelden.",
    discussion: """
      Leest ieder .md-bestand onder MAP (standaard Regulations): de kop, de artikelstructuur, de \
      JAS-annotaties en de regelblokken. Controleert namen over wetten heen, typen en eenheden \
      (bedrag per jaar is geen bedrag per maand; een bedrag maal een percentage moet worden afgerond \
      volgens een artikel), de geldigheid in de tijd (iedere parameter heeft op iedere dag precies één \
      waarde), uitzonderingen en kringverwijzingen. Alle problemen worden samen gemeld als \
      pad:regel:kolom: error: bericht, met het artikel eronder.

      Daarna draait check de rekenvoorbeelden (```voorbeeld-blokken) naast de artikelen en meldt \
      welke annotaties al geformaliseerd zijn. Exit-status 0 betekent: geen fouten en alle \
      voorbeelden kloppen.

      Voorbeelden:
        toets check
        toets check Regulations --coverage
        toets check --regulations Regulations/zorgtoeslag --skip-examples
      """)

  @Argument(help: ArgumentHelp("Map met regelingen (of --regulations MAP, zoals bij de andere opdrachten).", valueName: "map"))
  var positionalDirectory: String?

  @Option(name: .customLong("regulations"), help: ArgumentHelp("Map met regelingen.", valueName: "map"))
  var regulationsDirectory: String?

  func validate() throws {
    if let positionalDirectory, let regulationsDirectory, positionalDirectory != regulationsDirectory {
      throw ValidationError("twee mappen: '\(positionalDirectory)' en --regulations '\(regulationsDirectory)'; geef er één")
    }
  }

  var directory: String? { regulationsDirectory ?? positionalDirectory }

  @Flag(name: .customLong("coverage"), help: "Toon per annotatie of ze geformaliseerd is, en welke regels geen annotatie hebben.")
  var showCoverage = false

  @Flag(name: .customLong("skip-examples"), help: "Sla de rekenvoorbeelden over.")
  var skipExamples = false

  func run() throws {
    let dir = try directory ?? RegulationLocator.defaultDirectory()
    let compiled = Engine.compile(directory: dir)
    let formatter = DiagnosticFormatter(showsExcerpt: true, colors: Terminal.stderrIsTerminal)
    var errors = compiled.diagnostics.filter(\.isError).count
    let warnings = compiled.diagnostics.filter { $0.severity == .warning }.count
    if !compiled.diagnostics.isEmpty { Terminal.error(formatter.format(compiled.diagnostics)) }
    var lines: [String] = []
    let laws = Set(compiled.documents.map(\.header.code))
    lines.append("\(compiled.documents.count) documenten, \(laws.count) regelingen gelezen uit \(dir).")
    if let coverage = compiled.coverage {
      let f = coverage.formalisable.count
      let classes = coverage.countsByClass.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
      lines.append("Annotaties: \(coverage.items.count)\(classes.isEmpty ? "" : " (\(classes))").")
      lines.append("Dekking: \(coverage.formalised.count) van \(f) te formaliseren annotaties geformaliseerd, \(coverage.open.count) open; \(coverage.unbacked.count) regels/parameters zonder annotatie.")
      if showCoverage { lines += coverageLines(coverage) }
    }
    if let engine = compiled.engine {
      let decisions = engine.program.decisions
      let distinct = Set(decisions.map(\.id))
      let open = Set(decisions.filter { $0.status == .open }.map(\.id))
      lines.append("Interpretatiekeuzes: \(distinct.count) (\(open.count) open, nog niet afgestemd met beleid en wetgeving), bij \(decisions.count) artikelversies; \(Set(decisions.flatMap(\.affects)).count) regels steunen erop.")
    }
    if let engine = compiled.engine, !skipExamples {
      let run = engine.runExamples()
      if !run.diagnostics.isEmpty { Terminal.error(formatter.format(run.diagnostics)) }
      errors += run.diagnostics.filter(\.isError).count
      lines.append("Rekenvoorbeelden: \(run.passed) kloppen, \(run.failed) kloppen niet.")
    }
    lines.append(errors == 0 ? "Geen fouten\(warnings > 0 ? ", \(warnings) waarschuwingen" : "")." : "\(errors) fouten, \(warnings) waarschuwingen.")
    Terminal.out(lines.joined(separator: "\n"))
    if errors > 0 { throw ExitCode(1) }
  }

  func coverageLines(_ c: CoverageReport) -> [String] {
    var lines = ["", "Open annotaties (nog niet geformaliseerd):"]
    for item in c.open {
      lines.append("  \(item.annotation.range.position)  [\(item.annotation.formulering)]{\(item.annotation.jasClass.rawValue)}  \(item.annotation.citation.short)")
    }
    lines.append("Regels en parameters zonder annotatie:")
    for u in c.unbacked { lines.append("  \(u.range.position)  \(u.symbol.name)  \(u.citation.short)") }
    return lines
  }
}

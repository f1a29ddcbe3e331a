import Analyses
import ArgumentParser
import Foundation
import RuleKernel
import Synthesis
import Toetssteen

struct SQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Vertaal de regels naar SQL voor DuckDB of Apache Spark: dezelfde uitkomsten als de kernel, waar de gegevens staan.",
    discussion: """
      Schrijft één query die uit twee tabellen — huishoudens (een rij per huishouden) en personen (een \
      rij per persoon) — iedere uitvoer berekent die op DATUM geldt: een rij per huishouden met het \
      bedrag in euro's (DECIMAL(20,2)) en ernaast een kolom <uitvoer>_reden. Is het bedrag NULL, dan zegt \
      die waarom: 'onbeslist' (de regels beslissen niet: een ontbrekend gegeven, geen partner, geen of \
      tegenstrijdige regels), 'referentie' (een tussenuitkomst buiten het exacte bereik van de SQL; \
      toets evaluate rekent dat huishouden exact) of 'ongeldige invoer: …' met de kolommen.

      De query komt uit hetzelfde kernelprogramma als de interpreter en de native backend, en rekent \
      exact: gehele getallen in centen, breder dan 64 bits in HUGEINT (DuckDB) of DECIMAL(38,0) (Spark), \
      nooit met binaire kommagetallen; afronden zoals de wet het zegt. De kolommen van de tabellen zijn \
      de gegevens die een bevolking van het scenario heeft; --tables toont ze als CREATE TABLE, en \
      toets simulate --tables schrijft ze voor een synthetische bevolking.

      Voorbeelden:
        toets sql --date 2026-01-01 --dialect duckdb --output regels.sql
        toets sql --date 2026-01-01 --dialect spark --variant Scenarios/varianten/kgb-stappen-2027.yaml
        toets sql --tables --dialect spark
      Scale/README.md beschrijft hoe de query op DuckDB en op Spark draait.
      """)

  @Option(name: .customLong("date"), help: ArgumentHelp(LawInForce.dateHelp, valueName: "datum"))
  var date: String?

  @Option(name: .customLong("dialect"), help: ArgumentHelp("'duckdb' (standaard) of 'spark'.", valueName: "dialect"))
  var dialect: SQLDialect = .duckdb

  @Option(name: .customLong("variant"), help: ArgumentHelp("Variant van de wet (YAML): de query rekent de variant.", valueName: "bestand"))
  var variant: String?

  @Flag(name: .customLong("tables"), help: "Schrijf alleen de tabellen (CREATE TABLE), niet de query.")
  var tablesOnly = false

  @Option(name: .customLong("output"), help: ArgumentHelp("Bestand (standaard: standaarduitvoer).", valueName: "bestand"))
  var output: String?

  @Option(name: .customLong("scenario"), help: ArgumentHelp("Scenario waarvan de bevolking de kolommen bepaalt (standaard dat bij de regelingen).", valueName: "bestand"))
  var scenario: String?

  @OptionGroup var regulations: RegulationOptions

  func run() throws {
    let (base, dir) = try regulations.engine()
    let loadedVariant = try VariantLoading.load(variant)
    let day = try LawInForce.peildatum(date ?? loadedVariant?.peildatum ?? LawInForce.defaultDate)
    let engine = try loadedVariant.map { try VariantLoading.engine($0, directory: dir, date: day, base: base) } ?? base
    guard !engine.program.outputs(on: day).isEmpty else {
      Terminal.error("Geen enkele regeling geldt op \(day.iso); er valt niets te vertalen.")
      throw ExitCode(3)
    }
    var options = PopulationOptions()
    options.scenario = scenario
    let loaded = try options.loadScenario(regulations: dir, engine: engine, dates: [day])
    let fields = engine.tableFields(scenario: loaded, date: day)
    let text: String
    do {
      if tablesOnly {
        text = try SQLTableSchema(program: engine.program, fields: fields).createStatements(dialect) + "\n"
      } else {
        var header = ["Toetssteen: de regels die op \(day.iso) gelden, als \(dialect.displayName).",
          "Regelingen: \(dir); scenario voor de kolommen: \(loaded.naam)."]
        if let variant { header.append("Variant: \(variant) (\(loadedVariant?.naam ?? ""))") }
        header.append("Gegenereerd door toets sql; niet met de hand wijzigen.")
        let source = try engine.sql(date: day, dialect: dialect, fields: fields, header: header)
        for u in source.unsupported { Terminal.error("waarschuwing: \(u.id) staat niet in de query: \(u.reason)") }
        text = source.text
      }
    } catch {
      Terminal.error("fout: de regels laten zich niet als SQL schrijven: \(error)")
      throw ExitCode(2)
    }
    guard try Terminal.deliver(text, to: output), let output else { return }
    Terminal.error("\(tablesOnly ? "Tabellen" : "Query") geschreven naar \(output) (\(text.utf8.count / 1024) kB, \(dialect.displayName)).")
  }
}

extension SQLDialect: ExpressibleByArgument {}

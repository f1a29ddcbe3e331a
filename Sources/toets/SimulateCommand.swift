import Analyses
import ArgumentParser
import ExactArithmetic
import Foundation
import HouseholdModel
import LegalSource
import Synthesis
import Toetssteen

struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Reken alle regelingen door voor een synthetische bevolking.",
    discussion: """
      Genereert N huishoudens volgens een scenario (standaard Scenarios/nederland.yaml, gekalibreerd op \
      CBS-cijfers) en berekent iedere uitvoer die op DATUM geldt, met de gecompileerde kernel: exacte \
      vaste-kommarekenkunde, en de exacte referentie-evaluator voor iedere rij die de kernel niet \
      exact kan bewijzen. Hetzelfde zaad geeft dezelfde bevolking en dezelfde totalen, met ieder aantal \
      threads.

      De samenvatting per uitvoer: ontvangers, totaal, gemiddelde per ontvanger, en de verdeling over \
      inkomensdecielen en huishoudtypen. --verify K rekent K huishoudens (gekozen met het zaad) opnieuw \
      na met de referentie-evaluator en faalt bij ieder verschil.

      Voorbeelden:
        toets simulate --date 2026-01-01 --households 1000000
        toets simulate --date 2026-01-01 --households 100000 --verify 1000
        toets simulate --date 2026-01-01 --households 1000 --format json
        toets simulate --date 2026-01-01 --households 5000 --csv uit.csv
        toets simulate --date 2026-01-01 --households 5000 --sqlite uit.sqlite
        toets simulate --date 2026-01-01 --households 100000 --tables bevolking   (voor toets sql)
        toets simulate --households 100000 --variant Scenarios/varianten/kgb-stappen-2027.yaml

      Voor een cluster: iedere machine genereert en rekent één deel van dezelfde bevolking, met \
      dezelfde --households en hetzelfde zaad, en schrijft haar tabellen als Parquet (via DuckDB):
        toets simulate --households 8000000 --partition 3/8 \\
            --tables bevolking --table-format parquet
      De delen samen zijn precies de bevolking van één run van 8.000.000 huishoudens (zie Scale/README.md).

      Een regeling zonder versie op DATUM wordt gemeld; geldt er geen enkele, dan \
      stopt toets met exit 3. Met \
      TOETS_KERNEL_PROFIEL=1 toont toets de kernel en de tijden per stap.
      """)

  @Option(name: .customLong("date"), help: ArgumentHelp(LawInForce.dateHelp, valueName: "datum"))
  var date: String?

  @Option(name: .customLong("households"), help: ArgumentHelp("Aantal huishoudens.", valueName: "N"))
  var households: Int

  @Option(name: .customLong("format"), help: "Samenvatting als 'text' of 'json'.")
  var format: OutputFormat = .text

  @Option(name: .customLong("verify"), help: ArgumentHelp("Reken K huishoudens na met de exacte referentie-evaluator.", valueName: "K"))
  var verify: Int?

  @Option(name: .customLong("csv"), help: ArgumentHelp("Schrijf de uitkomst per huishouden naar een CSV-bestand.", valueName: "bestand"))
  var csv: String?

  @Option(name: .customLong("sqlite"), help: ArgumentHelp("Schrijf de uitkomst per huishouden naar een SQLite-database.", valueName: "bestand"))
  var sqlite: String?

  @Option(name: .customLong("persons-csv"), help: ArgumentHelp("Schrijf de gegenereerde bevolking (een rij per persoon, alle gegevens) naar een CSV-bestand.", valueName: "bestand"))
  var personsCSV: String?

  @Option(name: .customLong("variant"), help: ArgumentHelp("Reken een variant van de wet (YAML, zie Scenarios/varianten/) in plaats van de wet zelf.", valueName: "bestand"))
  var variant: String?

  @Option(
    name: .customLong("tables"),
    help: ArgumentHelp(
      "Schrijf de bevolking en de uitkomsten als de tabellen die 'toets sql' leest: huishoudens.csv, personen.csv en uitkomsten.csv in deze map (die van een eerdere run worden vervangen, alle drie tegelijk).",
      valueName: "map"))
  var tables: String?

  @Option(
    name: .customLong("table-format"),
    help: ArgumentHelp(
      "Bestandsvorm van --tables: 'csv' (standaard) of 'parquet' (geschreven door de DuckDB-CLI: DUCKDB of duckdb op PATH; pip install duckdb-cli).",
      valueName: "vorm"))
  var tableFormat: TableFormat = .csv

  @Option(
    name: .customLong("partition"),
    help: ArgumentHelp(
      "Genereer en reken alleen deel I van N van de bevolking van --households huishoudens, bijvoorbeeld 3/8. De huishoudens houden hun nummer in de hele bevolking; de delen samen zijn precies die bevolking. Met --tables komt ieder deel in een map per tabel (huishoudens/deel-3-van-8.csv).",
      valueName: "i/n"))
  var partition: String?

  @OptionGroup var population: PopulationOptions
  @OptionGroup var regulations: RegulationOptions

  func validate() throws {
    guard households > 0 else { throw ValidationError("--households moet positief zijn") }
    if let verify, verify < 0 { throw ValidationError("--verify moet 0 of meer zijn") }
    let part = try parsedPartition()
    let drawn = try part.map { p in try Self.partitionRange(p, households: households).count } ?? households
    try MemoryBudget.check(
      households: drawn, bytesPerHousehold: MemoryBudget.simulateBytesPerHousehold,
      what: part.map { "--partition \($0) (\(drawn) huishoudens)" },
      advice: "Verdeel de bevolking in meer delen (--partition i/n), ieder op een eigen machine of na elkaar")
    if tableFormat != .csv, tables == nil { throw ValidationError("--table-format geldt voor --tables; geef ook --tables <map>") }
  }

  /// `--partition` read, or nil for the whole population.
  func parsedPartition() throws -> Partition? {
    do { return try partition.map { try Partition(parsing: $0) } } catch { throw ValidationError("--partition \(error)") }
  }

  static func partitionRange(_ p: Partition, households: Int) throws -> Range<Int> {
    do { return try p.households(of: households) } catch { throw ValidationError("\(error)") }
  }

  func run() throws {
    let (base, dir) = try regulations.engine()
    let loadedVariant = try VariantLoading.load(variant)
    // Without --date: the variant's peildatum, else the law of today (as report and sql do).
    let day = try LawInForce.peildatum(date ?? loadedVariant?.peildatum ?? LawInForce.defaultDate)
    let engine = try loadedVariant.map { try VariantLoading.engine($0, directory: dir, date: day, base: base) } ?? base
    // A regulation without a version on the date is named, never silently left out of the summary;
    // the others are still computed. Nothing to compute at all is an error.
    let missing = engine.outputsWithoutVersion(on: day)
    for (declaration, reason) in missing { Terminal.error("\(declaration.id): onbepaald: \(reason)") }
    guard !engine.program.outputs(on: day).isEmpty else {
      Terminal.error("Geen enkele regeling geldt op \(day.iso); er valt niets door te rekenen.")
      throw ExitCode(3)
    }
    let loaded = try population.loadScenario(regulations: dir, engine: engine, dates: [day])
    try population.applyBackend()
    // Parquet needs DuckDB: said before minutes of work, not after.
    var duckdb: DuckDBProcess?
    if tableFormat == .parquet {
      switch DuckDBProcess.locate() {
      case .success(let found): duckdb = found
      case .failure(let error):
        Terminal.error("fout: --table-format parquet: \(error)")
        throw ExitCode(2)
      }
    }
    let threadCount = population.threadCount
    let bar = ProgressBar(enabled: Terminal.stderrIsTerminal)
    let partition = try parsedPartition()
    let simulation: Simulation
    do {
      simulation = try engine.simulate(
        date: day, households: households, seed: population.seed, scenario: loaded, threads: threadCount, partition: partition
      ) { phase, done, total in
        bar.update(phase, done, total)
      }
    } catch let error as ScenarioError {
      bar.finish()
      Terminal.error("fout: \(try population.scenarioPath(regulations: dir)): \(error)")
      throw ExitCode(2)
    }
    bar.finish()
    var clock = Stopwatch()
    let summary = SimulationSummary(simulation)
    let summariseTime = clock.lap()
    try Exports.write(simulation, csv: csv, sqlite: sqlite, persons: personsCSV)
    if let tables {
      let origin = try PopulationOrigin.line(simulation, regulations: dir, scenario: population.scenarioPath(regulations: dir), variant: variant, amended: loadedVariant?.regelingen ?? [])
      do { _ = try Exports.writeTables(simulation, to: tables, format: tableFormat, duckdb: duckdb, origin: origin) } catch {
        Terminal.error("fout: kan de tabellen niet schrijven in '\(tables)': \(error)")
        throw ExitCode(1)
      }
    }
    switch format {
    case .json: Terminal.out(JSONWriter.render(summary.json(date: day, seed: simulation.seed, scenario: loaded.naam)))
    case .text:
      if let loadedVariant, let variant { Terminal.out("Variant: \(loadedVariant.naam) (\(variant)), niet de wet zelf.\n") }
      Terminal.out(summary.text(date: day, seed: simulation.seed, scenario: loaded.naam))
      let t = simulation.timings
      Terminal.out(String(format: "\nTijd: genereren %.2f s, doorrekenen %.2f s, samenvatten %.2f s (%d threads).",
        t.generate, t.compile + t.evaluate, summariseTime, threadCount))
      Terminal.out("Kernel: \(simulation.results.backend.summary).")
      for u in simulation.kernel.unsupported { Terminal.out("Exact berekend (niet in de kernel): \(u.id): \(u.reason)") }
    }
    if ProcessInfo.processInfo.environment["TOETS_KERNEL_PROFIEL"] != nil { Terminal.error(Self.profile(simulation)) }
    if let verify, verify > 0 { try Self.verify(engine, simulation, count: verify, threads: threadCount) }
  }

  /// Re-computes households with the reference evaluator; exit 4 on any difference.
  static func verify(_ engine: Engine, _ simulation: Simulation, count: Int, threads: Int) throws {
    let bar = ProgressBar(enabled: Terminal.stderrIsTerminal)
    let v = engine.verify(simulation, count: count, threads: threads) { done, total in bar.update("narekenen", done, total) }
    bar.finish()
    let apart = v.fromReference == 0 ? "" : " (\(v.fromReference) uitkomsten rekende de referentie-evaluator al zelf, omdat de kernel ze niet exact kon bewijzen; die zijn niet vergeleken)"
    if v.passed {
      Terminal.error("verify: \(v.checked) huishoudens, \(v.comparisons) uitkomsten: gelijk aan de referentie-evaluator\(apart).")
      return
    }
    for m in v.mismatches.prefix(20) {
      Terminal.error("verify: huishouden \(simulation.firstHousehold + m.household), \(m.output): kernel \(m.kernel), referentie \(m.reference)")
    }
    Terminal.error("verify: \(v.mismatches.count) verschillen in \(v.comparisons) uitkomsten.")
    throw ExitCode(4)
  }

  /// What `TOETS_KERNEL_PROFIEL=1` prints: population size, timings and the kernel's instructions.
  static func profile(_ s: Simulation) -> String {
    let t = s.timings
    return """
      bevolking: \(s.population.householdCount) huishoudens, \(s.population.personCount) personen, \(s.population.byteCount / 1_000_000) MB
      tijd: \(String(format: "genereren %.2f s, compileren %.2f s, doorrekenen %.2f s", t.generate, t.compile, t.evaluate)) (backend: \(s.results.backend.summary))
      kernel: \(s.kernel.instructionCount) instructies (\(s.kernel.checkedInstructionCount) met overloopcontrole); \(s.results.stableHouseholds) huishoudens januari × 12, \(s.population.householdCount - s.results.stableHouseholds) maand voor maand
      \(s.kernel.profile)
      """
  }
}

extension TableFormat: ExpressibleByArgument {}

import Analyses
import ArgumentParser
import ExactArithmetic
import Foundation
import Reports
import Synthesis
import Toetssteen

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Schrijf het rapport vóór invoering: variant, samenloop, fraudegevoeligheid, overgangsrecht.",
    discussion: """
      Genereert een synthetische bevolking (scenario, zaad), rekent haar door met de \
      huidige regels en — met --variant — met een variant van de wet, en schrijft in \
      de map UIT:

        rapport.html     één HTML-bestand met grafieken (SVG), zonder netwerk
        rapport.json     dezelfde cijfers als data
        tabellen/*.csv   iedere tabel als CSV (punt als decimaalteken)
        voorbeelden/     voorbeeldhuishoudens, voor toets evaluate --explain

      De analyses:
        variant
            budgettair effect, winnaars en verliezers (banden, decielen, typen)
        samenloop
            combinaties van regelingen, marginale druk bij € 1.000 meer inkomen,
            partnerbegrippen per wet naast elkaar, één huishouden uitgelegd
        fraudegevoeligheid
            wat een onjuiste opgave van een zelf opgegeven gegeven oplevert, per
            gegeven en per wet; drempels; waar de regels niet beslissen
        overgangsrecht
            de AOW-partnertoeslag jaar voor jaar tot het laatste jaar, met afkoop

      Boven de cijfers staan de open interpretatiekeuzes waar ze op rusten. Met een variant \
      rekent toets het budgettaire effect ook op --seeds K bevolkingen (standaard 3) en geeft \
      het de spreiding; heeft het scenario niet_gebruik, dan staan naast het recht de uitgaven.

      Een variant is een YAML-bestand met gewijzigde parameters, gewijzigde regelingen, \
      een wetdatum (de wet van een andere datum) en/of versie_van (één regeling zoals \
      die op een andere datum gold), zie Scenarios/varianten/. Alles werkt op \
      synthetische huishoudens: niemand wordt gescoord.

      Voorbeelden:
        toets report --variant Scenarios/varianten/huurtoeslag-2025-op-2026.yaml --output rapport
        toets report --variant Scenarios/varianten/kgb-stappen-2027.yaml --output rapport
        toets report --date 2026-01-01 --households 200000 --output rapport-basis
      """)

  @Option(name: .customLong("date"), help: ArgumentHelp("Peildatum JJJJ-MM-DD (standaard die van de variant, anders \(LawInForce.defaultDate): het recht dat nu geldt).", valueName: "datum"))
  var date: String?

  @Option(name: .customLong("households"), help: ArgumentHelp("Aantal huishoudens (standaard: dat van het scenario).", valueName: "N"))
  var households: Int?

  @Option(name: .customLong("variant"), help: ArgumentHelp("Variant van de wet (YAML).", valueName: "bestand"))
  var variant: String?

  @Option(name: .customLong("output"), help: ArgumentHelp("Map voor het rapport.", valueName: "map"))
  var output: String = "rapport"

  @Option(name: .customLong("sample"), help: ArgumentHelp("Stellen die de referentie-evaluator doorrekent voor de partnerbegrippen.", valueName: "N"))
  var sample: Int = 20_000

  @Option(name: .customLong("discount-rate"), help: ArgumentHelp("Voor de afkoop; standaard 2,25 % (Werkgroep discontovoet 2020).", valueName: "pct"))
  var discount: String?

  @Option(name: .customLong("upkeep"), help: ArgumentHelp("Jaarlijkse kosten van het in stand houden van het overgangsrecht, in euro's (voor de afkoopvergelijking).", valueName: "euro"))
  var upkeep: String?

  @Option(name: .customLong("seeds"), help: ArgumentHelp("Bevolkingen (zaden) waarop de variant wordt doorgerekend, voor de spreiding van het budgettaire effect.", valueName: "K"))
  var seedCount: Int = 3

  @OptionGroup var population: PopulationOptions
  @OptionGroup var regulations: RegulationOptions

  func validate() throws {
    guard (1...20).contains(seedCount) else { throw ValidationError("--seeds: van 1 tot en met 20 zaden") }
    if let households, households < 1 { throw ValidationError("--households moet positief zijn") }
    if let households { try MemoryBudget.check(households: households, bytesPerHousehold: MemoryBudget.reportBytesPerHousehold) }
    if sample < 1 { throw ValidationError("--sample moet positief zijn") }
    guard !output.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--output: geef een map voor het rapport") }
  }

  func run() throws {
    let (engine, dir) = try regulations.engine()
    let loadedVariant = try VariantLoading.load(variant)
    let dateText = date ?? loadedVariant?.peildatum ?? LawInForce.defaultDate
    let day = try LawInForce.peildatum(dateText)
    guard !engine.program.outputs(on: day).isEmpty else {
      Terminal.error("Geen enkele regeling geldt op \(day.iso); er valt niets door te rekenen.")
      throw ExitCode(3)
    }
    let variantPair = try loadedVariant.map { ($0, try VariantLoading.engine($0, directory: dir, date: day, base: engine)) }
    let scenarioPath = try population.scenarioPath(regulations: dir)
    let loaded = try population.loadScenario(at: scenarioPath, engine: engine, dates: [day])
    // The variant's rules must serve the scenario too: an output its split of non-take-up names may be
    // gone in the variant (another date of the law, an amended regulation).
    if let (_, variantEngine) = variantPair {
      let problems = variantEngine.scenarioProblems(loaded, path: scenarioPath, dates: [day])
      for p in problems { Terminal.error("fout: in de variant: \(p)") }
      guard problems.isEmpty else { throw ExitCode(2) }
    }
    try population.applyBackend()
    let rate = try percentage(discount ?? "2,25 %", option: "--discount-rate")
    let upkeepValue = try upkeep.map { text -> Rational in
      guard let r = Rational(dutch: text.replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)), !r.isNegative else {
        throw ValidationError("--upkeep: een bedrag in euro's, bijvoorbeeld 2.500.000")
      }
      return r
    }
    try MemoryBudget.check(households: households ?? loaded.huishoudens, bytesPerHousehold: MemoryBudget.reportBytesPerHousehold)
    let options = ReportPipeline.Options(
      date: day, households: households ?? loaded.huishoudens, seed: population.seed, threads: population.threadCount,
      divergenceSample: sample, discountRate: rate,
      discountSource: discount == nil ? "standaard discontovoet voor maatschappelijke kosten-batenanalyses, Werkgroep discontovoet 2020" : "opgegeven met --disconteringsvoet",
      upkeepPerYear: upkeepValue, seeds: seedCount)
    var clock = Stopwatch()
    let interactive = Terminal.stderrIsTerminal
    let started = Date()
    let result: ReportPipeline.Output
    do {
      result = try ReportPipeline.run(engine: engine, variant: variantPair, scenario: loaded, options: options) { step, steps, phase in
        if interactive { Terminal.error(String(format: "[%d/%d] %@ (na %.0f s)", step, steps, phase, Date().timeIntervalSince(started))) }
      }
    } catch let error as ScenarioError {
      Terminal.error("fout: \(scenarioPath): \(error)")
      throw ExitCode(2)
    }
    let files: [String]
    do { files = try ReportWriter.write(result.report, examples: result.examples, to: output) } catch {
      Terminal.error("fout: kan het rapport niet schrijven: \(error)")
      throw ExitCode(1)
    }
    Terminal.out("Rapport geschreven in \(output)/ (\(files.count) bestanden) in \(String(format: "%.1f", clock.lap())) s:")
    Terminal.out("  \(output)/rapport.html")
    Terminal.out("  \(output)/rapport.json")
    Terminal.out("  \(output)/tabellen/ (\(files.filter { $0.hasSuffix(".csv") }.count) CSV-bestanden)")
    for section in result.report.sections {
      for p in section.paragraphs where p.emphasis { Terminal.out("• \(p.text)") }
    }
  }

  func percentage(_ text: String, option: String) throws -> Rational {
    let t = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
    guard let r = Rational(dutch: t), !r.isNegative, r < Rational(100) else { throw ValidationError("\(option): een percentage, bijvoorbeeld 2,25 %") }
    return r / 100
  }
}

import Analyses
import ArgumentParser
import ExactArithmetic
import Foundation
import Reports
import Synthesis
import Toetssteen

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Toets de synthetische bevolking aan gepubliceerde cijfers (ontvangers en totalen per regeling).",
    discussion: """
      Leest de gepubliceerde cijfers (standaard validatie.yaml naast het scenario): per regeling het \
      aantal ontvangende huishoudens of het jaartotaal, met bron, betrouwbaarheid en het verschil in \
      definitie. Rekent voor iedere peildatum K bevolkingen (zaden S, S+1, …) door, schaalt ze naar \
      Nederland en zet ze naast het gepubliceerde cijfer, met de afwijking en de spreiding over de \
      zaden. Daarbij de invoermarges (trekt de generator wat het scenario vraagt) en de gevoeligheid \
      voor één aanname (de lijst 'gevoeligheid' in het validatiebestand).

      'Recht' is wat de regels toekennen; 'uitgaven' is dat na het niet-gebruik uit het scenario \
      (niet_gebruik); 'niet_gebruik' is wat dat niet-gebruik laat liggen. Geen cijfer in het \
      validatiebestand is een kalibratiedoel.

      Schrijft in de map UIT:
        rapport.html     met een grafiek van de afwijkingen, zonder netwerk
        rapport.json     dezelfde cijfers als data
        rapport.md       om te lezen waar het is vastgelegd
        tabellen/*.csv   iedere tabel als CSV

      Voorbeelden:
        toets validate --output Scenarios/validatie
        toets validate --households 100000 --seeds 3 --output validatie
      """)

  @Option(name: .customLong("validation"), help: ArgumentHelp("Bestand met de gepubliceerde cijfers (standaard validatie.yaml naast het scenario).", valueName: "bestand"))
  var spec: String?

  @Option(name: .customLong("households"), help: ArgumentHelp("Huishoudens per bevolking.", valueName: "N"))
  var households: Int = 200_000

  @Option(name: .customLong("seeds"), help: ArgumentHelp("Aantal zaden (bevolkingen per peildatum) voor de spreiding.", valueName: "K"))
  var seedCount: Int = 5

  @Option(name: .customLong("output"), help: ArgumentHelp("Map voor het rapport.", valueName: "map"))
  var output: String = "validatie"

  @OptionGroup var population: PopulationOptions
  @OptionGroup var regulations: RegulationOptions

  func validate() throws {
    guard households >= 1000 else { throw ValidationError("--households: ten minste 1000 huishoudens per bevolking; minder geeft geschaald naar Nederland alleen ruis") }
    guard !output.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--output: geef een map voor het rapport") }
    guard (1...50).contains(seedCount) else { throw ValidationError("--seeds: van 1 tot en met 50 zaden") }
    try MemoryBudget.check(households: households, bytesPerHousehold: MemoryBudget.reportBytesPerHousehold)
  }

  func run() throws {
    let (engine, dir) = try regulations.engine()
    let scenarioPath = try population.scenarioPath(regulations: dir)
    let scenario = try population.loadScenario(at: scenarioPath, engine: engine, dates: [])
    try population.applyBackend()
    let specPath = try spec.map(RegulationLocator.existing) ?? URL(fileURLWithPath: scenarioPath).deletingLastPathComponent().appendingPathComponent("validatie.yaml").path
    let loaded: ValidationSpec
    do { loaded = try ValidationSpec.load(path: specPath, outputs: Set(engine.program.allOutputIDs)) } catch {
      Terminal.error("fout: \(error)")
      throw ExitCode(2)
    }
    // A sensitivity whose value does not fit is the validation file's mistake: say which entry.
    let sensitivities = loaded.gevoeligheid ?? []
    func inEntry(_ i: Int) -> String { "\(specPath): gevoeligheid[\(i)] ('\(sensitivities[i].naam)'): " }
    var variants: [Scenario] = []
    for (i, s) in sensitivities.enumerated() {
      do { variants.append(try Scenario.load(path: scenarioPath, replacing: s.pad, with: s.waarde)) } catch {
        Terminal.error("fout: \(inEntry(i))\(error)")
        throw ExitCode(2)
      }
    }
    // Each figure needs a version of its output's regeling on its peildatum, and spending needs a rate.
    var problems: [String] = []
    for f in loaded.cijfers {
      let date = CivilDate(iso: f.peildatum)!
      let declarations = engine.program.outputs(on: date)
      let mainKind = declarations.first { $0.id == f.uitvoer }?.kind
      for (k, id) in f.outputs.enumerated() {
        let place = k == 0 ? "\(specPath): cijfer '\(f.naam)': \(id)" : "\(specPath): cijfer '\(f.naam)': samen_met \(id)"
        guard let declaration = declarations.first(where: { $0.id == id }) else {
          problems.append("\(place) heeft geen versie die geldt op \(f.peildatum)")
          continue
        }
        if declaration.kind == .norm { problems.append("\(place) is een norm, geen bedrag dat iemand ontvangt of betaalt") }
        // Outputs counted together are of one kind: payments with payments, a levy with levies.
        if k > 0, let mainKind, declaration.kind != mainKind {
          problems.append("\(place) is een \(declaration.kind.rawValue) en \(f.uitvoer) een \(mainKind.rawValue); samen_met telt alleen uitvoer van dezelfde soort op")
        }
        if f.grondslag != "recht", NonTakeUp(scenario: scenario, seed: 0).rate(forOutput: id) == nil {
          let regeling = NonTakeUp.regeling(ofOutput: id)
          let fix = f.grondslag == "uitgaven" ? "gebruik 'recht', of geef het scenario niet_gebruik.\(regeling)" : "geef het scenario niet_gebruik.\(regeling), of laat dit cijfer weg"
          problems.append("\(place): grondslag '\(f.grondslag)', maar het scenario heeft geen niet_gebruik voor \(regeling); \(fix)")
        }
      }
    }
    // The scenario's outputs on every peildatum of the figures, reported with the figures' own problems
    // (the general checks passed on loading, so only the dated ones can appear here).
    let dates = loaded.cijfers.compactMap { CivilDate(iso: $0.peildatum) }
    problems += engine.scenarioProblems(scenario, path: scenarioPath, dates: dates)
    for p in problems { Terminal.error("fout: \(p)") }
    guard problems.isEmpty else { throw ExitCode(2) }
    // The map is made now, so an unwritable place fails before the runs; a refusal after this removes it
    // again when this run made it (the output is complete or absent).
    let outputExisted = FileManager.default.fileExists(atPath: output)
    func removeOutputMadeHere() { if !outputExisted { try? FileManager.default.removeItem(atPath: output) } }
    do { try FileManager.default.createDirectory(atPath: output + "/tabellen", withIntermediateDirectories: true) } catch {
      Terminal.error("fout: kan de map '\(output)' niet maken: er staat een bestand of hij is niet schrijfbaar")
      throw ExitCode(1)
    }
    for (i, variant) in variants.enumerated() {
      let problems = engine.scenarioProblems(variant, path: scenarioPath, dates: dates)
      guard problems.isEmpty else {
        for p in problems { Terminal.error("fout: \(inEntry(i))\(p)") }
        removeOutputMadeHere()
        throw ExitCode(2)
      }
    }
    let first = population.seed ?? scenario.zaad
    let seeds = (0..<seedCount).map { first &+ UInt64($0) }
    let interactive = Terminal.stderrIsTerminal
    let started = Date()
    let result: PopulationValidation
    do {
      result = try PopulationValidation.run(
        engine: engine, spec: loaded, scenario: scenario, variants: variants, households: households, seeds: seeds, threads: population.threadCount
      ) { step in
        if interactive { Terminal.error(String(format: "%@ (na %.0f s)", step, Date().timeIntervalSince(started))) }
      }
    } catch let error as ScenarioError {
      Terminal.error("fout: \(scenarioPath): \(error)")
      removeOutputMadeHere()
      throw ExitCode(2)
    }
    let report = ValidationReport.build(result, scenarioName: scenario.naam, specName: loaded.naam)
    do {
      _ = try ReportWriter.write(report, to: output)
      try AtomicFile.write(MarkdownRenderer.render(report), to: output + "/rapport.md")
    } catch {
      Terminal.error("fout: kan het rapport niet schrijven in '\(output)': \(error.localizedDescription)")
      throw ExitCode(1)
    }
    Terminal.out("Validatie geschreven in \(output)/ (rapport.html, rapport.json, rapport.md, tabellen/):")
    for row in result.rows {
      let status = row.deviation.magnitude <= ValidationReport.tolerance ? "binnen 10 %" : "buiten 10 %"
      Terminal.out("  \(row.figure.naam): \(ValidationReport.display(row.mean, row.figure)) tegen \(ValidationReport.display(Int128(row.figure.waarde), row.figure)) (\(ValidationReport.percent(row.deviation)), \(status))")
    }
  }
}

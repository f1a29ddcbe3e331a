import Analyses
import ExactArithmetic
import Foundation
import Population
import Reports
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Indexing, non-take-up, one-value scenario changes and the validation against published figures.
@Suite("Validatie van de synthetische bevolking")
struct PopulationValidationTests {
  static let scenarioPath = Repository.root.appendingPathComponent("Scenarios/nederland.yaml").path
  static let scenario = try! Scenario.load(path: scenarioPath)
  static let engine = Repository.engine

  @Test("de inkomens worden exact geïndexeerd tot het jaar van de peildatum, niet verder dan het scenario zegt")
  func indexing() throws {
    let index = try #require(Self.scenario.indexering)
    let y2025 = IncomeIndexing(index, year: 2025)
    #expect(y2025.factor == Rational(10_610) / 10_000 * (Rational(10_660) / 10_000) * (Rational(10_500) / 10_000))
    #expect(y2025.note == "inkomens van 2022 geïndexeerd naar 2025 (× 1,1876)")
    #expect(IncomeIndexing(index, year: 2022).factor == .one)
    #expect(IncomeIndexing(index, year: 2022).note == "inkomens van 2022, niet geïndexeerd (geen stijging vóór 2022)")
    let later = IncomeIndexing(index, year: 2030)
    #expect(later.factor == IncomeIndexing(index, year: 2026).factor)
    #expect(later.note?.contains("na 2026 staat geen stijging in het scenario, dus geen verdere indexering") == true)
    // € 30.000,00 in 2022 is € 35.627,32 in 2025 (× 1,187577, afgerond op centen).
    #expect(y2025.apply(3_000_000, fixedPoint: y2025.fixedPoint) == 3_562_732)
    #expect(IncomeIndexing(nil, year: 2025).factor == .one && IncomeIndexing(nil, year: 2025).note == nil)
  }

  @Test("een indexering met een gat, een onmogelijke stijging of een te grote factor wordt geweigerd")
  func indexingRefused() throws {
    let text = try String(contentsOfFile: Self.scenarioPath, encoding: .utf8)
    func refusal(_ replacement: String) -> String {
      do {
        _ = try Scenario.parse(yaml: text.replacingOccurrences(of: "stijging: [[2023, 610], [2024, 660], [2025, 500], [2026, 437]]", with: replacement), path: "s.yaml")
        return ""
      } catch { return "\(error)" }
    }
    #expect(refusal("stijging: [[2023, 610], [2025, 500]]").contains("de jaren volgen op elkaar vanaf 2023; verwacht 2024, niet 2025"))
    #expect(refusal("stijging: [[2023, 9000]]").contains("een stijging van −5000 tot en met 5000 basispunten"))
    #expect(refusal("stijging: [[2023]]").contains("iedere regel is [jaar, stijging in basispunten]"))
    let many = (2023...2034).map { "[\($0), 5000]" }.joined(separator: ", ")
    #expect(refusal("stijging: [\(many)]").contains("vermenigvuldigen de inkomens met meer dan 100"))
    let negative = text.replacingOccurrences(of: "  zorgtoeslag: 120", with: "  zorgtoeslag: 1200")
    #expect(throws: (any Error).self) { try Scenario.parse(yaml: negative, path: "s.yaml") }
  }

  @Test("niet-gebruik: hetzelfde zaad geeft dezelfde huishoudens, het aandeel volgt het percentage")
  func nonTakeUp() {
    let n = NonTakeUp(scenario: Self.scenario, seed: 7)
    let draws = (0..<100_000).filter { n.declines("zorgtoeslag", household: $0) }.count
    #expect((11_500...12_500).contains(draws), "\(draws) van 100.000 bij 120 per duizend")
    #expect((0..<1000).map { n.declines("zorgtoeslag", household: $0) } == (0..<1000).map { NonTakeUp(scenario: Self.scenario, seed: 7).declines("zorgtoeslag", household: $0) })
    // Independent per regeling, and nothing for a regeling without a rate.
    #expect((0..<1000).map { n.declines("zorgtoeslag", household: $0) } != (0..<1000).map { n.declines("huurtoeslag", household: $0) })
    #expect(!(0..<1000).contains { n.declines("aow", household: $0) })
    #expect(n.rate(forOutput: "kindgebonden_budget.jaarbedrag") == 80)
  }

  @Test("een onbekende regeling in niet_gebruik wordt geweigerd met een suggestie")
  func nonTakeUpUnknownRegeling() throws {
    var s = Self.scenario
    s.nietGebruik = ["zorgtoslag": 120, "bijstand": 50]
    let problems = Self.engine.scenarioProblems(s, path: "s.yaml")
    #expect(problems.count == 1)
    #expect(problems.first?.contains("niet_gebruik.zorgtoslag: geen regeling met een betaling; bedoelt u 'zorgtoeslag'?") == true)
    #expect(Self.engine.scenarioProblems(Self.scenario, path: "s.yaml").isEmpty)
  }

  @Test("de samenvatting geeft naast het recht de uitgaven na niet-gebruik, nooit meer dan het recht")
  func summaryClaimed() throws {
    let simulation = Self.engine.simulate(date: CivilDate(iso: "2025-07-01")!, households: 20_000, seed: 3, scenario: Self.scenario, threads: 2)
    let summary = SimulationSummary(simulation)
    let zt = try #require(summary.outputs.first { $0.id == "zorgtoeslag.jaarbedrag" })
    let claimed = try #require(zt.claimed)
    #expect(claimed.promille == 120)
    #expect(claimed.totalCents < zt.totalCents && claimed.recipients < zt.recipients)
    let share = claimed.recipients * 1000 / zt.recipients
    #expect((860...900).contains(share), "\(share) per duizend vraagt aan")
    #expect(summary.outputs.first { $0.id == "aow.bruto_maandbedrag" }?.claimed == nil)
    #expect(summary.outputs.first { $0.id == "bijstand.maandnorm" }?.claimed == nil)
    #expect(summary.text(date: simulation.date, seed: 3, scenario: "s").contains("uitgaven     € "))
  }

  @Test("één scenariowaarde vervangen: het pad moet bestaan en het resultaat doorstaat alle controles")
  func override() throws {
    let changed = try Scenario.load(path: Self.scenarioPath, replacing: "partnertoeslag.jonge_partner_promille", with: "80")
    #expect(changed.partnertoeslag?.jongePartnerPromille == 80)
    #expect(changed.inkomen.zonderInkomen == Self.scenario.inkomen.zonderInkomen)
    func refusal(_ path: String, _ value: String) -> String {
      do {
        _ = try Scenario.load(path: Self.scenarioPath, replacing: path, with: value)
        return ""
      } catch { return "\(error)" }
    }
    #expect(refusal("partnertoeslag.jonge_partner_promile", "80").contains("het scenario heeft geen 'jonge_partner_promile'"))
    #expect(refusal("partnertoeslag.jonge_partner_promille", "2000").contains("partnertoeslag.jonge_partner_promille: een aantal per duizend van 0 tot en met 1000, niet 2000"))
    #expect(refusal("zaad.x", "1").contains("'x' ligt niet in een blok met sleutels"))
  }

  @Test("de validatie zet ieder gepubliceerd cijfer naast het model, met spreiding, marges en gevoeligheid")
  func validation() throws {
    let specPath = Repository.root.appendingPathComponent("Scenarios/validatie.yaml").path
    let spec = try ValidationSpec.load(path: specPath, outputs: Set(Self.engine.program.allOutputIDs))
    let variants = try (spec.gevoeligheid ?? []).map { try Scenario.load(path: Self.scenarioPath, replacing: $0.pad, with: $0.waarde) }
    let v = PopulationValidation.run(engine: Self.engine, spec: spec, scenario: Self.scenario, variants: variants, households: 4_000, seeds: [1, 2], threads: 2)
    #expect(v.rows.count == spec.cijfers.count)
    for row in v.rows {
      #expect(row.perSeed.count == 2 && row.sensitivity.count == variants.count)
      #expect(row.mean > 0, "\(row.figure.naam)")
      #expect((row.perSeed.min()!...row.perSeed.max()!).contains(row.mean))
    }
    // The drawn household types follow the scenario within sampling noise.
    for m in v.margins { #expect((m.drawn - m.target).magnitude < Rational(3) / 100, "\(m.name)") }
    // Same seeds, same figures.
    let again = PopulationValidation.run(engine: Self.engine, spec: spec, scenario: Self.scenario, variants: [], households: 4_000, seeds: [1, 2], threads: 1)
    #expect(again.rows.map(\.perSeed) == v.rows.map(\.perSeed))
    let report = ValidationReport.build(v, scenarioName: "s", specName: spec.naam)
    let markdown = MarkdownRenderer.render(report)
    #expect(markdown.contains("| huishoudens met huurtoeslag | huurtoeslag.maandbedrag | uitgaven | 2025 | 1.500.000 |"))
    #expect(markdown.contains("Niet gevonden, dus niet getoetst: Kindgebonden budget"))
  }

  @Test("een validatiebestand met een onbekende uitvoer of zonder bron wordt geweigerd")
  func specRefused() throws {
    let text = try String(contentsOf: Repository.root.appendingPathComponent("Scenarios/validatie.yaml"), encoding: .utf8)
    func refusal(_ edited: String) throws -> String {
      let file = try Scratch.file("validatie", ext: "yaml", edited)
      defer { try? FileManager.default.removeItem(at: file) }
      do {
        _ = try ValidationSpec.load(path: file.path, outputs: Set(Self.engine.program.allOutputIDs))
        return ""
      } catch { return "\(error)" }
    }
    #expect(try refusal(text).isEmpty)
    #expect(try refusal(text.replacingOccurrences(of: "uitvoer: huurtoeslag.maandbedrag", with: "uitvoer: huurtoeslag.maandbedrg")).contains("uitvoer 'huurtoeslag.maandbedrg' bestaat niet; bedoelt u 'huurtoeslag.maandbedrag'?"))
    #expect(try refusal(text.replacingOccurrences(of: "maat: ontvangers", with: "maat: aantal")).contains("maat is 'ontvangers' of 'jaartotaal', niet 'aantal'"))
    #expect(try refusal(text.replacingOccurrences(of: "    betrouwbaarheid: M\n", with: "    betrouwbaarheid: M\n    betrouwbaarhied: M\n")).contains("bedoelt u 'betrouwbaarheid'?"))
  }
}

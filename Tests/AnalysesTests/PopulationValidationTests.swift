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
    let y2025 = Indexing(index, year: 2025)
    #expect(y2025.factor == Rational(10_610) / 10_000 * (Rational(10_660) / 10_000) * (Rational(10_500) / 10_000))
    #expect(y2025.note == "inkomens van 2022 geïndexeerd naar 2025 (× 1,1876)")
    #expect(Indexing(index, year: 2022).factor == .one)
    #expect(Indexing(index, year: 2022).note == "inkomens van 2022, niet geïndexeerd (het jaar van de peildatum, 2022, valt niet na het basisjaar)")
    var empty = index
    empty.stijging = []
    #expect(Indexing(empty, year: 2025).note == "inkomens van 2022, niet geïndexeerd (het scenario noemt geen stijging tot en met 2025)")
    let later = Indexing(index, year: 2030)
    #expect(later.factor == Indexing(index, year: 2026).factor)
    #expect(later.note?.contains("na 2026 staat geen stijging in het scenario, dus geen verdere indexering") == true)
    // € 30.000,00 in 2022 is € 35.627,32 in 2025 (× 1,187577, afgerond op centen).
    #expect(y2025.apply(3_000_000, fixedPoint: y2025.fixedPoint) == 3_562_732)
    #expect(Indexing(nil, year: 2025).factor == .one && Indexing(nil, year: 2025).note == nil)
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
    #expect(refusal("stijging: [\(many)]").contains("vermenigvuldigen de bedragen met meer dan 100"))
    let negative = text.replacingOccurrences(of: "  zorgtoeslag: 120", with: "  zorgtoeslag: 1200")
    #expect(throws: (any Error).self) { try Scenario.parse(yaml: negative, path: "s.yaml") }
    // A nested value where a number belongs names what was expected, not "a block".
    let nested = text.replacingOccurrences(of: "  zorgtoeslag: 120", with: "  zorgtoeslag: {a: {b: [1, 2]}}")
    do {
      _ = try Scenario.parse(yaml: nested, path: "s.yaml")
      Issue.record("geweigerd verwacht")
    } catch { #expect("\(error)".contains("veld 'niet_gebruik.zorgtoeslag' heeft het verkeerde soort waarde (verwacht: een enkele waarde"), "\(error)") }
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
    let simulation = try Self.engine.simulate(date: CivilDate(iso: "2025-07-01")!, households: 20_000, seed: 3, scenario: Self.scenario, threads: 2)
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
    // A calibration target the age bands cannot reach is refused with what is reachable.
    #expect(refusal("kalibratie_aow.met_partner", "100000000").contains("kalibratie_aow.met_partner: 100000000 personen van 67 jaar of ouder is met de leeftijdsbanden en de samenstelling niet te halen"))
    #expect(refusal("kalibratie_aow.leeftijd", "129").contains("niet te halen"))
  }

  @Test("de validatie zet ieder gepubliceerd cijfer naast het model, met spreiding, marges en gevoeligheid")
  func validation() throws {
    let specPath = Repository.root.appendingPathComponent("Scenarios/validatie.yaml").path
    let spec = try ValidationSpec.load(path: specPath, outputs: Set(Self.engine.program.allOutputIDs))
    let variants = try (spec.gevoeligheid ?? []).map { try Scenario.load(path: Self.scenarioPath, replacing: $0.pad, with: $0.waarde) }
    let v = try PopulationValidation.run(engine: Self.engine, spec: spec, scenario: Self.scenario, variants: variants, households: 4_000, seeds: [1, 2], threads: 2)
    #expect(v.rows.count == spec.cijfers.count)
    for row in v.rows {
      #expect(row.perSeed.count == 2 && row.sensitivity.count == variants.count)
      #expect(row.mean > 0, "\(row.figure.naam)")
      #expect((row.perSeed.min()!...row.perSeed.max()!).contains(row.mean))
    }
    // The drawn shares follow the scenario within sampling noise (3 percentage points; 11 within one
    // household type, where the eenouders are some 300 of the 4.000 households and one standard error is
    // 2,6 points: about four standard errors, as the margins are many); mean incomes and the renters' over owners' mean income, heavy-tailed, within 10 % of
    // their target (the full validation, on 200.000 households, shows them within a percentage point).
    // The renters' over owners' standardised net income, from the rules' net income beside the published
    // ratio, follows right after the gross ratio it stands behind; on 4.000 households within 15 %.
    let names = v.margins.map(\.name)
    let gross = try #require(names.firstIndex { $0.hasPrefix("gemiddeld gestandaardiseerd bruto-inkomen huurders") })
    #expect(names[gross + 1].hasPrefix("gemiddeld gestandaardiseerd netto-inkomen huurders"), "\(names)")
    // Two-earner couples under the AOW age with about equal loon: some 1.000 couples in 4.000
    // households, one standard error 1,1 points, so within a quarter of the 16 %.
    #expect(v.margins.contains { $0.name.hasPrefix("tweeverdieners onder de AOW-leeftijd") })
    // Owners with a debt per age band of the aanvrager: the 65–74 band holds some 230 owners in 4.000
    // households (one standard error 3,1 points), so the band margins take the subgroup tolerance; the
    // national debt and interest against their published totals are sums of skewed amounts, within 10 %.
    // Loon per household by place against the single person's: the one-parent families with an adult
    // child are some 130 of 4.000 households (mean loon with a standard error of about 7 %, the singles'
    // about 2,5 %), so the ratios within a quarter.
    // The two-earner share is out of reach in the national scenario (independent draws already give more
    // couples with about equal loon; the coupling's chance is 0 and the summary says so, TwoEarnersTests):
    // the margin may only miss upwards.
    for m in v.margins where m.name.hasPrefix("tweeverdieners") { #expect(m.drawn > m.target, "\(m.name)") }
    for m in v.margins where !m.name.hasPrefix("tweeverdieners") {
      let byPlace = m.name.hasPrefix("primair inkomen per huishouden")
      let income = m.name.hasPrefix("gemiddeld persoonlijk inkomen") || m.name.hasPrefix("gemiddeld gestandaardiseerd")
        || m.name.contains("t.o.v. het ijkpunt") || byPlace
      // A vermogen band (renters of 65–74: some 200 of 4.000 households) against its median: a subgroup.
      let withinType = m.name.contains("binnen het type") || m.name.hasPrefix("eigenaren met een eigenwoningschuld") || m.name.contains("onder de mediaan van")
      // The youngest age band holds some 500 persons with income in 4.000 households (a heavy-tailed mean
      // with a standard error of about 5 %; since its adult children at home draw by place, one seed gave
      // +11 %), so within 15 %, as the net-income ratio.
      let young = m.name.hasPrefix("gemiddeld persoonlijk inkomen 18")
      let relative = Rational(byPlace ? 25 : m.name.contains("netto-inkomen") || young ? 15 : 10) / 100
      #expect(
        income ? (m.drawn - m.target).dividedBy(m.target)!.magnitude < relative : (m.drawn - m.target).magnitude < Rational(withinType ? 11 : 3) / 100,
        "\(m.name): \(m.drawn.decimalString(fractionDigits: 3)) tegen \(m.target.decimalString(fractionDigits: 3))")
    }
    // Same seeds, same figures.
    let again = try PopulationValidation.run(engine: Self.engine, spec: spec, scenario: Self.scenario, variants: [], households: 4_000, seeds: [1, 2], threads: 1)
    #expect(again.rows.map(\.perSeed) == v.rows.map(\.perSeed))
    let report = ValidationReport.build(v, scenarioName: "s", specName: spec.naam)
    let markdown = MarkdownRenderer.render(report)
    #expect(markdown.contains("| huishoudens met huurtoeslag | huurtoeslag.maandbedrag | uitgaven | 2025 | 1.500.000 |"))
    #expect(markdown.contains("Niet gevonden, dus niet getoetst: Kindgebonden budget"))
    // Tables of an earlier run that this report does not have are removed; text cells cannot become formulas.
    let dir = try Scratch.directory("validatie-schrijven")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("tabellen"), withIntermediateDirectories: true)
    try "oud".write(to: dir.appendingPathComponent("tabellen/oud.csv"), atomically: true, encoding: .utf8)
    _ = try ReportWriter.write(report, to: dir.path)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tabellen/oud.csv").path))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("tabellen/validatie.csv").path))
    let table = Report.Table(id: "t", title: "t", columns: [.init(name: "naam", kind: "tekst"), .init(name: "waarde", kind: "percentage")], rows: [[Report.Cell(raw: "=1+1", display: "=1+1"), Report.Cell(raw: "-0.5", display: "−0,5 %")]], note: nil, citations: [])
    #expect(ReportWriter.csv(table) == "naam,waarde\r\n'=1+1,-0.5\r\n")
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
    #expect(try refusal(text.replacingOccurrences(of: "samen_met: [zorgtoeslag.medebewoners_jaarbedrag]", with: "samen_met: [zorgtoeslag.medebewoner_jaarbedrag]")).contains("uitvoer 'zorgtoeslag.medebewoner_jaarbedrag' bestaat niet; bedoelt u 'zorgtoeslag.medebewoners_jaarbedrag'?"))
    #expect(try refusal(text.replacingOccurrences(of: "samen_met: [zorgtoeslag.medebewoners_jaarbedrag]", with: "samen_met: [zorgtoeslag.jaarbedrag]")).contains("samen_met noemt 'zorgtoeslag.jaarbedrag', dat al de uitvoer van dit cijfer is"))
    #expect(try refusal(text.replacingOccurrences(of: "samen_met: [zorgtoeslag.medebewoners_jaarbedrag]", with: "samen_met: [zorgtoeslag.medebewoners_jaarbedrag, zorgtoeslag.medebewoners_jaarbedrag]")).contains("samen_met noemt 'zorgtoeslag.medebewoners_jaarbedrag' twee keer"))
    // A YAML syntax error is a Dutch message at line and column, not libyaml's English.
    let duplicated = try refusal(text.replacingOccurrences(of: "    samen_met: [zorgtoeslag.medebewoners_jaarbedrag]\n", with: "    samen_met: [zorgtoeslag.medebewoners_jaarbedrag]\n    maat: ontvangers\n"))
    #expect(duplicated.contains("de sleutel 'maat' komt twee keer voor in hetzelfde blok"), "\(duplicated)")
    #expect(!duplicated.contains("expected all keys"))
  }

  @Test("een cijfer over twee uitvoeren telt een huishouden één keer en telt de bedragen op")
  func figureOverTwoOutputs() throws {
    func figure(_ name: String, _ outputs: [String], _ measure: String) -> String {
      let together = outputs.count > 1 ? "\n    samen_met: [\(outputs.dropFirst().joined(separator: ", "))]" : ""
      return """
          - naam: \(name)
            uitvoer: \(outputs[0])\(together)
            maat: \(measure)
            grondslag: recht
            jaar: 2025
            peildatum: 2025-07-01
            waarde: 1
            bron: test
            betrouwbaarheid: L
            definitie: test
        """
    }
    let own = "zorgtoeslag.jaarbedrag", housemates = "zorgtoeslag.medebewoners_jaarbedrag"
    let yaml = "naam: test\ncijfers:\n" + [
      figure("a", [own], "ontvangers"), figure("b", [housemates], "ontvangers"), figure("ab", [own, housemates], "ontvangers"),
      figure("a-totaal", [own], "jaartotaal"), figure("b-totaal", [housemates], "jaartotaal"), figure("ab-totaal", [own, housemates], "jaartotaal"),
    ].joined(separator: "\n") + "\n"
    let file = try Scratch.file("validatie-samen", ext: "yaml", yaml)
    defer { try? FileManager.default.removeItem(at: file) }
    let spec = try ValidationSpec.load(path: file.path, outputs: Set(Self.engine.program.allOutputIDs))
    // With the toetsingsinkomen as drawn, every household is decided: a household undecided for one
    // output leaves a figure over both, so the totals would not add up (the derived scenario has some).
    var scenario = Self.scenario
    scenario.inkomensbron?.toetsingsinkomen = "opgegeven"
    let v = try PopulationValidation.run(engine: Self.engine, spec: spec, scenario: scenario, variants: [], households: 3_000, seeds: [4], threads: 2)
    let value = Dictionary(uniqueKeysWithValues: v.rows.map { ($0.figure.naam, $0.perSeed[0]) })
    let a = try #require(value["a"]), b = try #require(value["b"]), ab = try #require(value["ab"])
    // Households with both count once: more than either alone, fewer than both added (some have both).
    #expect(ab > max(a, b) && ab < a + b, "\(a) \(b) \(ab)")
    // Totals add up, up to the rounding of each national figure to whole euros.
    let sum = try #require(value["a-totaal"]) + (try #require(value["b-totaal"]))
    #expect(abs(try #require(value["ab-totaal"]) - sum) <= 1)
    #expect(v.rows.first { $0.figure.naam == "ab" }?.figure.outputs == [own, housemates])
  }
}

/// Marginal burden: where it passes 80 %, which rules take something back together.
@Suite("Marginale druk: combinaties")
struct MarginalBurdenCombinationTests {
  @Test("iedere werkende aanvrager boven 80 % staat in precies één combinatie, en iedere combinatie neemt iets terug")
  func combinations() throws {
    let engine = Repository.engine
    let scenario = PopulationValidationTests.scenario
    let date = CivilDate(iso: "2025-07-01")!
    let population = Generator(scenario: scenario, program: engine.program, date: date).generate(count: 8_000, threads: 2)
    let context = AnalysisContext(engine: engine, date: date, scenario: scenario, population: population, threads: 2)
    let m = MarginalBurden.forWorkingAanvragers(context: context, baseline: context.outcomes())
    let over80 = m.bands.filter { $0.lower > 800 }.reduce(0) { $0 + $1.households }
    #expect(over80 > 0, "de bevolking heeft werkenden boven 80 %")
    #expect(m.highBurdenCombinations.reduce(0) { $0 + $1.over80 } == over80)
    #expect(m.highBurdenCombinations.reduce(0) { $0 + $1.over100 } == m.bands.last!.households && m.bands.last!.households == m.cliffs)
    for c in m.highBurdenCombinations {
      #expect(!c.outputs.isEmpty && c.over100 <= c.over80)
      #expect(Set(c.outputs).count == c.outputs.count)
    }
    #expect(zip(m.highBurdenCombinations, m.highBurdenCombinations.dropFirst()).allSatisfy { $0.over80 >= $1.over80 })
  }
}

/// The age bands raked to the AOW recipients (SVB): the margins are met exactly in expectation and
/// within sampling noise in a drawn population; household types keep their totals.
@Suite("Kalibratie van de leeftijden aan de AOW-gerechtigden")
struct AgeCalibrationTests {
  @Test("de verwachte aantallen zijn de doelen, de banden worden alleen vanaf 67 geschaald")
  func expectation() throws {
    let s = PopulationValidationTests.scenario
    let k = try #require(s.kalibratieAow)
    let result = AgeCalibrationResult(s)
    #expect((result.expected.withoutPartner - Rational(Int(k.zonderPartner))).magnitude < Rational(1))
    #expect((result.expected.withPartner - Rational(Int(k.metPartner))).magnitude < Rational(1))
    // The calibration corrects the bands (CBS counts households, the SVB persons with its own notion of
    // living together), but by less than a factor two either way.
    for factor in [result.factors.withoutPartner, result.factors.withPartner] {
      #expect(factor > Rational(1) / 2 && factor < Rational(2) && factor != Rational(1), "\(factor.decimalString(fractionDigits: 3))")
    }
    // Bands are cut at 67: none straddles it.
    for bands in result.bands.values { #expect(!bands.contains { $0[0] < 67 && 67 < $0[1] }) }
    var plain = s
    plain.kalibratieAow = nil
    #expect(AgeCalibrationResult(plain).bands[.alleenstaand] == s.leeftijd["alleenstaand"])
  }

  @Test("een getrokken bevolking haalt de marges binnen de steekproefruis")
  func drawn() throws {
    let s = PopulationValidationTests.scenario
    let k = try #require(s.kalibratieAow)
    let date = CivilDate(iso: "2025-07-01")!
    let p = Generator(scenario: s, program: Repository.engine.program, date: date).generate(count: 60_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: s, date: date)
    let aow = margins.filter { $0.name.contains("67+") }
    #expect(aow.count == 2)
    for m in aow { #expect((m.drawn - m.target).dividedBy(m.target)!.magnitude < Rational(3) / 100, "\(m.name)") }
    #expect(k.leeftijd == 67)
  }
}

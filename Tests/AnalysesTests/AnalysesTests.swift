@testable import Analyses
import ExactArithmetic
import Foundation
import Population
import Reports
import RuleIR
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The analyses before enactment, on the real regulations and a small synthetic population.
@Suite("Analyses vóór invoering")
struct AnalysesTests {
  static let root = Repository.root

  static let directory = Repository.regulations
  static let engine = Repository.engine
  static let scenario = try! Scenario.load(path: root.appendingPathComponent("Scenarios/nederland.yaml").path)
  static let date = CivilDate(iso: "2025-01-01")!
  static let population = Generator(scenario: scenario, program: engine.program, date: date).generate(count: 6_000, threads: 2)

  @Test("een stel dat apart gaat wonen: twee huishoudens, niemand kwijt, geen partnerschap meer")
  func splittingPartners() {
    let p = Self.population
    let couples = (0..<p.householdCount).filter { h in (Int(p.personStart[h])..<Int(p.personStart[h + 1])).contains { p.role[$0] == 1 } }
    let (split, origin) = p.splittingPartners(where: { _ in true })
    #expect(split.householdCount == p.householdCount + couples.count)
    #expect(split.personCount == p.personCount)
    #expect(!split.role.contains(1))
    #expect(origin.count == split.householdCount)
    let none = Int64(Self.engine.program.enumerations["partnerschap"]!.firstIndex(of: "geen")!)
    for i in 0..<split.householdCount where origin[i] == Int32(couples[0]) {
      #expect(split.householdColumns["partnerschap"]![i] == none)
    }
  }

  @Test("een variant leest parameterwaarden zoals de wet ze schrijft, en weigert onzin met uitleg")
  func variantValues() throws {
    let id = SymbolID(law: "kindgebonden_budget", name: "afbouwpercentage")
    #expect(try Self.engine.parameterValue("7,60 %", for: id) == .number(Rational(decimal: "0.076")!))
    #expect(throws: Engine.VariantError.self) { try Self.engine.parameterValue("7,60", for: id) }
    #expect(throws: Engine.VariantError.self) { try Self.engine.parameterValue("zeven", for: id) }
    #expect(throws: Engine.VariantError.self) {
      try Self.engine.changingParameters([.init(id: SymbolID(law: "kindgebonden_budget", name: "bestaat_niet"), value: .number(.one), explanation: "")], on: Self.date, variant: "t")
    }
  }

  @Test("een hoger afbouwpercentage kost niemand minder dan niets en spaart geld uit")
  func reformComparison() throws {
    let path = Self.root.appendingPathComponent("Scenarios/varianten/kgb-afbouw-7,60.yaml").path
    let variant = try Variant.load(path: path)
    let variantEngine = try variant.engine(directory: Self.directory, date: Self.date)
    let context = AnalysisContext(engine: Self.engine, date: Self.date, scenario: Self.scenario, population: Self.population, threads: 2)
    let base = context.outcomes()
    let comparison = ReformComparison(name: variant.naam, context: context, baseline: base, variant: context.outcomes(engine: variantEngine))
    #expect(comparison.winners == 0)
    #expect(comparison.losers > 0)
    #expect(comparison.budgetEffect < 0)
    // Only the kindgebonden budget changes, and with it the net income of the households that have it.
    for e in comparison.effects where e.id != "kindgebonden_budget.jaarbedrag" && !e.id.hasPrefix("netto.") { #expect(e.baseline == e.variant) }
    #expect(comparison.bands.reduce(0) { $0 + $1.households } + comparison.undecided == Self.population.householdCount)
  }

  @Test("een wijziging als geannoteerde tekst geeft hetzelfde als dezelfde wijziging als parameter")
  func amendmentAsText() throws {
    let original = Self.root.appendingPathComponent("Regulations/kindgebonden_budget/2025-01-01.md")
    let text = try String(contentsOf: original, encoding: .utf8)
    #expect(text.contains("Parameter het afbouwpercentage is 7,10 %."))
    // The amendment changes the article's text and its rule together (a value only in the rule is an error).
    let amended = try Scratch.file(
      "wkb-wijziging", ext: "md",
      text.replacingOccurrences(of: "Parameter het afbouwpercentage is 7,10 %.", with: "Parameter het afbouwpercentage is 7,60 %.")
        .replacingOccurrences(of: "[7,10%]{parameterwaarde: afbouwpercentage}", with: "[7,60%]{parameterwaarde: afbouwpercentage}"))
    defer { try? FileManager.default.removeItem(at: amended) }
    let byText = try #require(Engine.compile(directory: Self.directory, amendments: [amended.path]).engine)
    let variant = try Variant.load(path: Self.root.appendingPathComponent("Scenarios/varianten/kgb-afbouw-7,60.yaml").path)
    let byParameter = try variant.engine(directory: Self.directory, date: Self.date)
    let context = AnalysisContext(engine: Self.engine, date: Self.date, scenario: Self.scenario, population: Self.population, threads: 2)
    let a = context.outcomes(engine: byText)
    let b = context.outcomes(engine: byParameter)
    #expect(a.yearly == b.yearly)
    #expect(a.yearly != context.outcomes().yearly)
  }

  @Test("een variant met de wet van een andere datum vergelijkt alleen wat aan beide kanten gecodeerd is")
  func variantOnAnotherDate() throws {
    let variant = try Variant.load(path: Self.root.appendingPathComponent("Scenarios/varianten/wet-2024.yaml").path)
    let context = AnalysisContext(engine: Self.engine, date: Self.date, scenario: Self.scenario, population: Self.population, threads: 2)
    let engine = try variant.engine(directory: Self.directory, date: Self.date)
    let other = context.outcomes(engine: engine, lawDate: variant.lawDate(default: Self.date))
    let r = ReformComparison(name: variant.naam, context: context, baseline: context.outcomes(), variant: other)
    // The inkomstenbelasting, the bijstand as a payment and the net income are encoded from 2025; the rest
    // has a 2024 version and is compared, the huurtoeslag across two regimes.
    #expect(r.onlyInOne == ["bijstand.bruto_jaarbedrag", "bijstand.bruto_jaarbedrag_aanvrager", "bijstand.bruto_jaarbedrag_aio", "bijstand.bruto_jaarbedrag_gemeente", "bijstand.maandbedrag", "bijstand.medebewoners_bruto_jaarbedrag_aio", "bijstand.medebewoners_bruto_jaarbedrag_gemeente", "bijstand.medebewoners_maandbedrag", "inkomstenbelasting.jaarbedrag", "netto.jaarinkomen", "netto.maandinkomen"])
    #expect(r.effects.first { $0.id == "zorgtoeslag.jaarbedrag" }.map { $0.baseline != $0.variant } == true)
    #expect(r.effects.first { $0.id == "huurtoeslag.maandbedrag" }.map { $0.baseline != $0.variant } == true)

    // The law of 2027 has no kindgebonden budget (its amounts are not published): that output is named as
    // compared on one side only; the budget effect leaves it out (ReformComparison).
    let file = try Scratch.file("variant-2027", ext: "yaml", "naam: wet 2027\nwetdatum: 2027-01-01\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let later = try Variant.load(path: file.path)
    let laterOutcomes = context.outcomes(engine: try later.engine(directory: Self.directory, date: Self.date), lawDate: later.lawDate(default: Self.date))
    let r2027 = ReformComparison(name: later.naam, context: context, baseline: context.outcomes(), variant: laterOutcomes)
    #expect(r2027.onlyInOne.contains("kindgebonden_budget.jaarbedrag"))
  }

  @Test("versie_van: de huurtoeslag van 2025 op de huishoudens van 2026, de andere wetten van 2026")
  func oneLawFromAnotherDate() throws {
    let date = CivilDate(iso: "2026-01-01")!
    let population = Generator(scenario: Self.scenario, program: Self.engine.program, date: date).generate(count: 3_000, threads: 2)
    let context = AnalysisContext(engine: Self.engine, date: date, scenario: Self.scenario, population: population, threads: 2)
    let variant = try Variant.load(path: Self.root.appendingPathComponent("Scenarios/varianten/huurtoeslag-2025-op-2026.yaml").path)
    let engine = try variant.engine(directory: Self.directory, date: date)
    // The transplanted version keeps its own toestand in its citations.
    let versions = try #require(engine.program.laws["huurtoeslag"])
    #expect(versions.contains { $0.validFrom == date && $0.toestand == CivilDate(iso: "2025-01-01")! })
    let r = ReformComparison(name: variant.naam, context: context, baseline: context.outcomes(), variant: context.outcomes(engine: engine))
    #expect(r.onlyInOne.isEmpty)
    let changed = Set(r.effects.filter { $0.baseline != $0.variant }.map(\.id))
    #expect(changed == ["huurtoeslag.maandbedrag", "netto.jaarinkomen", "netto.maandinkomen"])
    // A law without a version on the day asked for is refused with the codes that exist.
    let file = try Scratch.file("variant-versie", ext: "yaml", "naam: x\nversie_van:\n  huurtoeslag: 2019-01-01\n")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: VariantLoadError.self) { try Variant.load(path: file.path).engine(directory: Self.directory, date: date) }
    for (body, message) in [
      ("naam: x\nversie_van:\n  huurtoeslg: 2025-01-01\n", "versie_van noemt 'huurtoeslg', maar dat is geen regeling; bedoelt u 'huurtoeslag'?"),
      ("naam: x\nversie_van:\n  huurtoeslag: 9999-01-01\n", "versie_van.huurtoeslag: 9999-01-01 ligt buiten de datums die de wetten kunnen betekenen"),
      ("naam: x\nversie_van: {}\n", "'versie_van' is leeg"),
    ] {
      try body.write(to: file, atomically: true, encoding: .utf8)
      do {
        _ = try Variant.load(path: file.path).engine(directory: Self.directory, date: date)
        Issue.record("geweigerd verwacht: \(body)")
      } catch { #expect("\(error)".contains(message), "\(error)") }
    }
  }

  @Test("een scenario of variant met een verschreven sleutel of onmogelijke gewichten wordt geweigerd, met plaats en uitleg")
  func scenarioAndVariantRefused() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/nederland.yaml"), encoding: .utf8)
    func refusal(_ edited: String) -> String {
      do {
        _ = try Scenario.parse(yaml: edited, path: "s.yaml")
        return ""
      } catch { return "\(error)" }
    }
    #expect(refusal(text).isEmpty)
    // An empty or truncated-to-nothing file, or a single value, is named as such, not as field ''.
    for nothing in ["", "\n", "42\n"] { #expect(refusal(nothing) == "s.yaml: het document is leeg of geen blok met velden (sleutel: waarde)", "\(refusal(nothing))") }
    let misspelled = refusal(text.replacingOccurrences(of: "\npartnertoeslag:", with: "\npartnertoeslg:"))
    let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("partnertoeslag:") }) + 1
    #expect(misspelled.contains("onbekende sleutel 'partnertoeslg'; bedoelt u 'partnertoeslag'?") && misspelled.contains("regel \(line)"))
    #expect(refusal(text.replacingOccurrences(of: "huur_sociaal: [420, 744]", with: "huur_sociaal: [744, 420]")).contains("wonen.huur_sociaal: [van, tot] met 0 ≤ van ≤ tot, niet [744, 420]"))
    #expect(refusal(text.replacingOccurrences(of: "[25, 45, 120]", with: "[20, 45, 120]")).contains("inkomensbron.uitkering_promille: de banden [18, 25) en [20, 45) overlappen"))
    #expect(refusal(text.replacingOccurrences(of: "pensioen_vanaf: 67", with: "pensioen_vanf: 67")).contains("onbekende sleutel 'inkomensbron.pensioen_vanf'; bedoelt u 'pensioen_vanaf'?"))
    #expect(refusal(text.replacingOccurrences(of: "toetsingsinkomen: afgeleid", with: "toetsingsinkomen: afgleid")).contains("inkomensbron.toetsingsinkomen: 'afgeleid' of 'opgegeven', niet 'afgleid'; bedoelt u 'afgeleid'?"))
    // Without a value it is refused, not read as absent; a huge value is shown clipped.
    #expect(refusal(text.replacingOccurrences(of: "  toetsingsinkomen: afgeleid", with: "  toetsingsinkomen:")).contains("inkomensbron.toetsingsinkomen: 'afgeleid' of 'opgegeven', niet leeg"))
    let huge = refusal(text.replacingOccurrences(of: "  toetsingsinkomen: afgeleid", with: "  toetsingsinkomen: " + String(repeating: "x", count: 1_000_000)))
    #expect(huge.contains("niet '" + String(repeating: "x", count: 40) + "…'") && huge.count < 1_000)
    #expect(refusal(text.replacingOccurrences(of: "  alleenstaand: 3340560", with: "  alleenstaand: -5")).contains("samenstelling: een gewicht is een aantal van 0 of meer, niet -5"))
    let zero = text.replacingOccurrences(of: "alleenstaand: [[18, 20, 61], [20, 30, 646], [30, 40, 467], [40, 50, 333], [50, 60, 445], [60, 70, 503], [70, 75, 297], [75, 97, 590]]", with: "alleenstaand: [[18, 30, 0], [30, 45, 0]]")
    #expect(refusal(zero).contains("leeftijd.alleenstaand: alle gewichten zijn 0"))
    #expect(refusal(text.replacingOccurrences(of: "alleenstaand: [[18, 20, 61], [20, 30, 646], [30, 40, 467], [40, 50, 333], [50, 60, 445], [60, 70, 503], [70, 75, 297], [75, 97, 590]]", with: "alleenstaand: []")).contains("leeftijd.alleenstaand: ten minste één gewicht"))
    // Magnitudes that would leave 64-bit arithmetic or the calendar, and a type error, in Dutch.
    #expect(refusal(text.replacingOccurrences(of: "huur_sociaal: [420, 744]", with: "huur_sociaal: [420, 100000000000000000]")).contains("wonen.huur_sociaal: bedragen van 0 tot en met 100000 euro"))
    #expect(refusal(text.replacingOccurrences(of: "[75, 97, 590]]", with: "[75, 300, 590]]")).contains("leeftijd.alleenstaand: leeftijden tot ten hoogste 130 jaar"))
    #expect(refusal(text.replacingOccurrences(of: #"geboren_voor: "1949-11-01""#, with: "geboren_voor: 9999-01-01")).contains("partnertoeslag.geboren_voor: een datum JJJJ-MM-DD van 1850-01-01 tot en met 2199-12-31"))
    #expect(refusal(text.replacingOccurrences(of: "zaad: 2025", with: "zaad: -5")).contains("veld 'zaad' heeft het verkeerde soort waarde (verwacht: een geheel getal van 0 of meer)"))

    let file = try Scratch.file("variant-typo", ext: "yaml", "naam: x\nwetdatum: 2025-01-01\nparameters:\n  - parameter: kindgebonden_budget.afbouwpercentage\n    waard: 8 %\n")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: VariantLoadError.self) { try Variant.load(path: file.path) }
    do { _ = try Variant.load(path: file.path) } catch { #expect("\(error)".contains("onbekende sleutel 'parameters[0].waard'; bedoelt u 'waarde'?")) }
  }

  @Test("de drempels komen uit de regels, met hun artikel; één cent over de vermogensgrens kost de toeslag")
  func thresholds() {
    let found = Discontinuities.thresholds(program: Self.engine.program, date: Self.date)
    let vermogen = found.filter { $0.field == "vermogen" && $0.whose == "aanvrager" }
    #expect(vermogen.contains { $0.cents == 3_739_500 && $0.citations.contains { $0.short.hasPrefix("Awir art. 7") } })
    let context = AnalysisContext(engine: Self.engine, date: Self.date, scenario: Self.scenario, population: Self.population, threads: 2)
    let scan = Discontinuities(context: context)
    #expect(scan.findings.allSatisfy { $0.households == 0 || abs($0.largest) > 100 })
    #expect(scan.findings.contains { $0.households > 0 })
  }

  @Test("de overlevingstafel: CBS-waarden op de tafelleeftijden, niemand voorbij het einde")
  func mortality() {
    let t = MortalityTable.cbs1996to2000Men
    #expect(t.survival(from: Rational(65), to: Rational(70)) == Rational(72_983).dividedBy(Rational(82_769))!)
    #expect(t.survival(from: Rational(80), to: Rational(80)) == .one)
    #expect(t.survival(from: Rational(100), to: Rational(109)) == .zero)
    #expect(t.survivors(at: Rational(105)) == Rational(7))
  }

  @Test("het overgangsrecht van de partnertoeslag houdt de AOW-regels die het gegeven lezen in leven, en eindigt")
  func runoff() throws {
    let regime = TransitionalRunoff.Regime.aowPartnertoeslag(discountRate: Rational(decimal: "0.0225")!, discountSource: "test", upkeepPerYear: nil)
    let r = TransitionalRunoff(regime: regime, program: Self.engine.program, population: Self.population, date: Self.date)
    let names = Set(r.rulesKeptAlive.map(\.0.name))
    #expect(names.contains("partnertoeslag"))
    #expect(names.contains("toeslaggerechtigde"))
    // The sample has households under the regime, so it runs from the date's year to an end.
    #expect(r.householdsNow > 0)
    let end = try #require(r.endYear, "geen eindjaar: de proef heeft niemand onder het overgangsrecht")
    #expect(r.years.first?.year == Self.date.year && r.years.last?.year == end)
    #expect(end > Self.date.year + 2, "\(end)")
    #expect(r.years.allSatisfy { $0.paid <= $0.households })
    // A horizonbepaling ends it: with 1 January 2028 as the end, nobody is under it in 2028 or after,
    // and the years before are the same as without the horizon.
    let ended = TransitionalRunoff.Regime(
      name: regime.name, fact: regime.fact, amount: regime.amount, member: regime.member, upperBound: regime.upperBound,
      abolished: regime.abolished, horizon: CivilDate(iso: "2028-01-01")!, pensionAgeAfterTable: regime.pensionAgeAfterTable,
      lastFixedYear: regime.lastFixedYear, pensionAgeTable: regime.pensionAgeTable, discountRate: regime.discountRate,
      discountSource: regime.discountSource, upkeepPerYear: regime.upkeepPerYear, basis: regime.basis)
    let h = TransitionalRunoff(regime: ended, program: Self.engine.program, population: Self.population, date: Self.date)
    #expect(h.endYear == 2027)
    #expect(h.years.map(\.households) == r.years.prefix(h.years.count).map(\.households))
    #expect(h.years.map(\.payments) == r.years.prefix(h.years.count).map(\.payments))
    #expect(h.years.count < r.years.count && h.annuityFactor < r.annuityFactor)
  }

  @Test("het rapport: iedere link in de HTML komt ergens aan, en dezelfde cijfers met 1 en 2 threads")
  func reportLinksAndDeterminism() throws {
    func report(threads: Int) throws -> ReportPipeline.Output {
      let options = ReportPipeline.Options(
        date: Self.date, households: 3_000, seed: 7, threads: threads, divergenceSample: 500,
        discountRate: Rational(decimal: "0.0225")!, discountSource: "test", upkeepPerYear: nil)
      let path = Self.root.appendingPathComponent("Scenarios/varianten/kgb-afbouw-7,60.yaml").path
      let variant = try! Variant.load(path: path)
      let pair = (variant, try! variant.engine(directory: Self.directory, date: Self.date))
      return try ReportPipeline.run(engine: Self.engine, variant: pair, scenario: Self.scenario, options: options) { _, _, _ in }
    }
    let one = try report(threads: 1)
    let two = try report(threads: 2)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(try encoder.encode(one.report) == encoder.encode(two.report))
    let html = HTMLRenderer.render(one.report)
    let targets = Set(matches(#"id="([^"]+)""#, html))
    let links = Set(matches(##"href="#([^"]+)""##, html))
    #expect(!links.isEmpty)
    #expect(links.subtracting(targets).isEmpty, "links zonder doel: \(links.subtracting(targets))")
    #expect(html.contains("<svg"))
    #expect(!html.contains("<script"))
    for id in ["overzicht", "variant", "samenloop", "fraudegevoeligheid", "overgangsrecht"] { #expect(targets.contains(id)) }
    // Every table also comes out as CSV with one line per row plus the header.
    for t in one.report.sections.flatMap(\.tables) {
      #expect(ReportWriter.csv(t).components(separatedBy: "\r\n").count == t.rows.count + 2)
    }
  }

  func matches(_ pattern: String, _ text: String) -> [String] {
    let re = try! NSRegularExpression(pattern: pattern)
    return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
  }

  @Test("budgetlijnen: ieder punt is een doorrekening van het voorbeeldhuishouden; knikken noemen de regeling")
  func budgetConstraints() throws {
    let date = CivilDate(iso: "2026-01-01")!
    let b = try #require(BudgetConstraint(engine: Self.engine, date: date, stepPercent: 25))
    // 2026: twelve times the minimummaandloon of January (€ 2.294,40).
    #expect(b.minimumWage == 2_753_280)
    let single = b.lines[0]
    let point = try #require(single.points.first { $0.percent == 150 })
    let document = single.household.document(wageCents: point.gross)
    let direct = Self.engine.evaluate(try Self.engine.household(fromJSON: document), on: date, explain: false)
    #expect(point.net.map { Rational(Int($0)) / 100 } == direct.value(of: "netto.jaarinkomen")?.number)
    // A tenant's line bends where the huurtoeslag tapers off, and says so.
    #expect(b.lines.contains { line in line.kinks.contains { k in k.causes.contains { $0.id == "huurtoeslag.maandbedrag" } } })
    // The armoedeval compares the same household with and without wage.
    let trap = try #require(PovertyTrap(engine: Self.engine, date: date))
    for row in trap.rows {
      if let a = row.netWithout, let w = row.netWith { #expect(row.burdenPromille == (row.gross - (w - a)) * 1000 / row.gross) }
    }
  }

}

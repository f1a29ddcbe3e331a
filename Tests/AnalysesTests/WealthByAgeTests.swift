@testable import Analyses
import ExactArithmetic
import Foundation
import HouseholdModel
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Vermogen by age within each tenure (`vermogen_naar_woning.mediaan_naar_leeftijd`): the raking meets
/// every band's median (counting the households that draw elsewhere) and keeps the tenure's class
/// shares, the drawn population shows both in its input margins on any thread count, a malformed section
/// is refused with its path, and medians the generator cannot meet refuse the run (exit 2).
@Suite("Vermogen naar leeftijd binnen huur en koop")
struct WealthByAgeTests {
  static let scenario = PopulationValidationTests.scenario
  static let date = CivilDate(iso: "2025-07-01")!

  /// The share of a group's weight below `amount` (pieces ending at or below it).
  static func shareBelow(_ r: WealthMedianRaking, group g: Int, _ amount: Int64) -> Double {
    let total = r.weights[g].reduce(Int64(0), +)
    let below = zip(r.pieces, r.weights[g]).filter { $0.0.1 <= amount }.reduce(Int64(0)) { $0 + $1.1 }
    return Double(below) / Double(total)
  }

  @Test("de harking haalt de mediaan van iedere band en houdt de aandelen per klasse")
  func rakingMeetsMargins() {
    // Made-up classes and counts: 100 households of the band, 300 of the rest; the band's median
    // (30.000 euros) lies inside the second class, far above the classes' own median (10.000).
    let classes: [[Int64]] = [[0, 10_000, 50], [10_000, 100_000, 40], [100_000, 500_000, 10]]
    let r = WealthMedianRaking(classes: classes, medians: [30_000], households: [100, 300])
    #expect(r.converged && r.rounds > 0)
    #expect(r.pieces.map { [$0.0, $0.1] } == [[0, 10_000], [10_000, 30_000], [30_000, 100_000], [100_000, 500_000]])
    #expect(abs(Self.shareBelow(r, group: 0, 30_000) - 0.5) < 1e-4)
    // All households together keep the classes: 50 % below 10.000, 10 % from 100.000.
    let all = (0..<4).map { k in Double(r.weights[0][k]) + Double(r.weights[1][k]) }
    let sum = all.reduce(0, +)
    #expect(abs(all[0] / sum - 0.5) < 1e-4 && abs(all[3] / sum - 0.1) < 1e-4)
    // The band moved up, so the rest moved down: fewer than half of the rest lies above 10.000.
    #expect(Self.shareBelow(r, group: 1, 10_000) > 0.5)
  }

  @Test("huishoudens die elders trekken tellen mee in de mediaan van hun band")
  func outsideCounts() {
    // 100 households of the band draw here, 100 more (on the bijstand) all lie below the median of
    // 10.000: half of the 200 below means none of the drawn ones may be.
    let classes: [[Int64]] = [[0, 10_000, 50], [10_000, 100_000, 50]]
    let one = WealthMedianRaking.one
    let r = WealthMedianRaking(classes: classes, medians: [10_000], households: [100, 300], outside: [.init(households: 100 * one, below: 100 * one)])
    #expect(r.converged)
    #expect(Self.shareBelow(r, group: 0, 10_000) < 1e-4)
    #expect(r.belowPerMillion[0] > 499_990 && r.belowPerMillion[0] < 500_010)
    // The chance below a median of a uniform draw: all of [0, 1.000), and 6.700 of the 6.770 euros of [1.000, 7.770).
    let below = Generator.expectedBelow([[0, 1_000, 48], [1_000, 7_770, 52]], 7_700)
    let expected = 0.48 + 0.52 * 6_700 / 6_770
    #expect(abs(Double(below) / Double(one) - expected) < 1e-9)
  }

  @Test("onhaalbare medianen: de harking stopt en zegt het; een groep zonder huishoudens trekt de klassen zelf")
  func infeasibleAndEmpty() {
    // Half of a band of 90 % of the households above 100.000, where the tenure has 10 %: impossible.
    let classes: [[Int64]] = [[0, 100_000, 90], [100_000, 200_000, 10]]
    let r = WealthMedianRaking(classes: classes, medians: [150_000], households: [900, 100])
    #expect(!r.converged && r.rounds == WealthMedianRaking.maxRounds)
    let empty = WealthMedianRaking(classes: classes, medians: [50_000], households: [0, 100])
    #expect(empty.converged)
    #expect(empty.weights[0] == WealthMedianRaking.cut(classes, at: [50_000]).map { Int64($0.share) })
  }

  @Test("de bevolking van het scenario: iedere band de helft onder zijn mediaan, het gemiddelde per woonvorm dat van de klassen, op 1 en 2 threads gelijk")
  func drawnPopulation() throws {
    let generator = Generator(scenario: Self.scenario, program: Repository.engine.program, date: Self.date)
    #expect(generator.wealthByAgeNote?.contains("huurders 65–74 jaar € 7.700") == true)
    let p = generator.generate(count: 60_000, threads: 2)
    let margins = InputMargins.wealth(p, scenario: Self.scenario, date: Self.date)
    // Per tenure its lowest and highest class, then its bands: 2 + 2 for renters, 2 + 1 for owners.
    #expect(margins.count == 7, "\(margins.map(\.name))")
    for m in margins {
      // A band of at least some 2.500 households: a share of one half within 4 percentage points (about
      // four standard errors of the sample and the pilot together); a class of a tenure of at least some
      // 20.000 households within 2 points.
      let gap = (m.drawn - m.target).magnitude
      let allowed = m.name.contains("onder de mediaan") ? Rational(4) / 100 : Rational(2) / 100
      #expect(gap < allowed, "\(m.name): \(m.drawn.decimalString(fractionDigits: 4))")
    }
    let one = generator.generate(count: 20_000, threads: 1)
    let two = generator.generate(count: 20_000, threads: 2)
    #expect(one.personColumns["vermogen"] == two.personColumns["vermogen"])
  }

  @Test("zonder medianen trekt iedere leeftijd de klassen van haar woonvorm, zoals voorheen")
  func withoutMedians() throws {
    var s = Self.scenario
    s.vermogenNaarWoning?.mediaanNaarLeeftijd = nil
    let generator = Generator(scenario: s, program: Repository.engine.program, date: Self.date)
    #expect(generator.wealthByAgeNote == nil)
    let margins = InputMargins.wealth(generator.generate(count: 2_000, threads: 1), scenario: s, date: Self.date)
    #expect(margins.count == 4 && margins.map(\.name).allSatisfy { $0.contains("klasse") })
  }

  @Test("de samenvatting van simulate zegt waarop het vermogen geharkt is, in tekst en JSON; zonder de medianen niet")
  func summaryNote() throws {
    let simulation = try Repository.engine.simulate(date: Self.date, households: 2_000, seed: 3, scenario: Self.scenario, threads: 2)
    let summary = SimulationSummary(simulation)
    let text = summary.text(date: Self.date, seed: 3, scenario: "Nederland").replacingOccurrences(of: "\n  ", with: " ")
    #expect(text.contains("Vermogen: vermogen naar leeftijd van de aanvrager geharkt op de medianen (vermogen_naar_woning.mediaan_naar_leeftijd): huurders 65–74 jaar € 7.700, vanaf 75 jaar € 18.500; eigenaren vanaf 65 jaar € 52.000"), "\(text.prefix(3_000))")
    let json = JSONWriter.render(summary.json(date: Self.date, seed: 3, scenario: "Nederland"))
    #expect(json.contains("\"wealth_by_age\": \"vermogen naar leeftijd van de aanvrager geharkt"))
    var s = Self.scenario
    s.vermogenNaarWoning?.mediaanNaarLeeftijd = nil
    let without = SimulationSummary(try Repository.engine.simulate(date: Self.date, households: 500, seed: 3, scenario: s, threads: 1))
    #expect(without.wealthNote == nil)
    #expect(!without.text(date: Self.date, seed: 3, scenario: "Nederland").contains("Vermogen:"))
    #expect(!JSONWriter.render(without.json(date: Self.date, seed: 3, scenario: "Nederland")).contains("wealth_by_age"))
  }

  @Test("medianen die de generator niet kan halen, of een band zonder aanvragers: de run wordt geweigerd met het pad", arguments: [
    ([[0, 131, 500_000]] as [[Int64]], "de medianen zijn samen met de klassen van vermogen_naar_woning.huurders niet haalbaar"),
    ([[125, 131, 5_000]] as [[Int64]], "de band [125, 131) heeft geen huishoudens in de proefsteekproef"),
  ])
  func unmetMediansRefused(_ bands: [[Int64]], _ expected: String) throws {
    var s = Self.scenario
    s.vermogenNaarWoning?.mediaanNaarLeeftijd = .init(huurders: bands, eigenaren: nil)
    let generator = Generator(scenario: s, program: Repository.engine.program, date: Self.date)
    let problem = try #require(generator.calibrationProblems.first)
    #expect(problem.hasPrefix("vermogen_naar_woning.mediaan_naar_leeftijd.huurders: ") && problem.contains(expected), "\(problem)")
    #expect(throws: ScenarioError.self) { _ = try Repository.engine.simulate(date: Self.date, households: 100, seed: 1, scenario: s, threads: 1) }
  }

  @Test("een scenario met onmogelijke medianen wordt geweigerd met het pad", arguments: [
    ("huurders: [[65, 75]]", "iedere band is [van, tot, mediaan]"),
    ("huurders: [[75, 65, 7700]]", "0 ≤ van < tot ≤ 131"),
    ("huurders: [[65, 200, 7700]]", "0 ≤ van < tot ≤ 131"),
    ("huurders: [[65, 80, 7700], [75, 131, 18500]]", "overlappen"),
    ("huurders: [[65, 75, 0]]", "moet binnen de klassen van vermogen_naar_woning.huurders liggen"),
    ("huurders: [[65, 75, 1000000]]", "moet binnen de klassen van vermogen_naar_woning.huurders liggen"),
    ("huurders: [[65, 75, -5]]", "moet binnen de klassen"),
    ("eigenaren: [[65, 131, 99999999999999]]", "moet binnen de klassen van vermogen_naar_woning.eigenaren"),
    ("huurder: [[65, 75, 7700]]", "bedoelt u 'huurders'?"),
    ("huurders: [[65, 75, 7700.5]]", "mediaan_naar_leeftijd.huurders"),
    ("huurders: []", "ten minste één band"),
    ("huurders:", "mediaan_naar_leeftijd.huurders"),
  ])
  func refused(_ line: String, _ expected: String) throws {
    let text = try String(contentsOfFile: PopulationValidationTests.scenarioPath, encoding: .utf8)
    let key = String(line.prefix { $0 != ":" })
    // The scenario's own section with the line for that key replaced (or, for an unknown key, added).
    var lines = text.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "  mediaan_naar_leeftijd:"))
    if let i = lines[(start + 1)...].prefix(while: { $0.hasPrefix("    ") }).firstIndex(where: { $0.hasPrefix("    \(key):") }) {
      lines[i] = "    " + line
    } else {
      lines.insert("    " + line, at: start + 1)
    }
    do {
      _ = try Scenario.parse(yaml: lines.joined(separator: "\n"), path: "s.yaml")
      Issue.record("aanvaard: \(line)")
    } catch {
      #expect("\(error)".contains(expected), "\(error)")
    }
  }
}

import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The bijstand persons spread over ages (`inkomen.bijstand_naar_leeftijd`): each band's chance of no
/// income is its share of the recipients over its share of the adults, the drawn population meets it,
/// a band that asks more than it has adults is capped and said, and malformed bands are refused.
@Suite("Bijstand naar leeftijd")
struct AssistanceByAgeTests {
  static let date = CivilDate(iso: "2025-07-01")!

  @Test("het gewicht per band: zonder_inkomen plus het deel van de personen gedeeld door het aandeel volwassenen")
  func weights() throws {
    var income = AssistanceInIncomeTests.income([[10000, 20000, 200]])
    income.bijstandNaarLeeftijd = [[18, 27, 1], [27, 67, 3]]
    // 200 persons: 50 and 150. Adults 1.000, of whom 100 and 500 in the bands: 100 + 50 × 1000 / 100 = 600,
    // 100 + 150 × 1000 / 500 = 400; outside the bands zonder_inkomen alone (100).
    let spread = try #require(AssistanceByAge(income, adults: ([100, 500], 1000), total: 2400))
    #expect(spread.bands.map(\.weight) == [600, 400])
    #expect(spread.bands.map(\.persons) == [Rational(50), Rational(150)])
    #expect(spread.weight(age: 20) == 600 && spread.weight(age: 66) == 400 && spread.weight(age: 67) == 100 && spread.weight(age: 17) == 100)
    #expect(!spread.bands.contains { $0.capped })
    // A band with far fewer adults than persons: every adult there draws no income, and it says so.
    let capped = try #require(AssistanceByAge(income, adults: ([1, 500], 1000), total: 2400))
    #expect(capped.bands[0].weight == 2400 && capped.bands[0].capped)
    // Without the section, or without persons taken out: nothing to spread.
    #expect(AssistanceByAge(AssistanceInIncomeTests.income([[10000, 20000, 200]]), adults: ([100], 1000), total: 2400) == nil)
    #expect(income.publishedAgeShares == "naar leeftijd verdeeld als de ontvangers (bijstand_naar_leeftijd: 18–26 jaar 25 %, 27–66 jaar 75 %)")
  }

  @Test("in een getrokken bevolking haalt iedere band haar aandeel zonder inkomen; zonder de sectie verandert er niets")
  func drawn() throws {
    // Without leefvormen (AssistanceByHouseholdTests has them): the chance of no income per age alone.
    var s = PopulationValidationTests.scenario
    s.inkomen.bijstandNaarLeefvorm = nil
    let engine = Repository.engine
    let p = Generator(scenario: s, program: engine.program, date: Self.date).generate(count: 20_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: s, date: Self.date).filter { $0.name.hasPrefix("volwassenen van ") }
    #expect(margins.count == 3)
    for m in margins {
      // About 5.000–11.000 adults per band: a standard error under 0,4 procentpunt; 1,2 is three of them.
      #expect(m.drawn - m.target < Rational(12) / 1000 && m.target - m.drawn < Rational(12) / 1000, "\(m.name): \(m.drawn.dutchDecimal(fractionDigits: 4)) tegen \(m.target.dutchDecimal(fractionDigits: 4))")
    }
    // The oldest band asks more than the youngest: the recipients are older than the adults.
    #expect(margins[2].target > margins[0].target)
    var without = s
    without.inkomen.bijstandNaarLeeftijd = nil
    #expect(Generator(scenario: without, program: engine.program, date: Self.date).assistanceSpread == nil)
    #expect(InputMargins.compute(p, scenario: without, date: Self.date).filter { $0.name.hasPrefix("volwassenen van ") }.isEmpty)
  }

  @Test("een band met meer personen dan volwassenen wordt begrensd en de samenvatting zegt het")
  func cappedSummary() throws {
    var s = PopulationValidationTests.scenario
    s.inkomen.bijstandNaarLeefvorm = nil
    // All 394.000 persons in the 30-year-olds, of whom the country has about 230.000.
    s.inkomen.bijstandNaarLeeftijd = [[30, 31, 1000]]
    let simulation = try Repository.engine.simulate(date: Self.date, households: 2_000, seed: 5, scenario: s, threads: 2)
    #expect(simulation.assistanceCapped == [30..<31])
    #expect(
      SimulationSummary(simulation).assistanceNote?.contains(
        "let op: in 30 jaar vraagt bijstand_naar_leeftijd meer personen dan de generator er volwassenen trekt: daar heeft geen volwassene inkomen") == true)
  }

  @Test("banden van de verkeerde vorm, overlappend, zonder personen of zonder bijstand_in_inkomen worden geweigerd")
  func refused() {
    let line = "  bijstand_naar_leeftijd: [[18, 27, 41000], [27, 45, 138000], [45, 67, 228000]]\n"
    let name = "inkomen.bijstand_naar_leeftijd"
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 27]]\n").contains("\(name)[0]: een band is [van, tot, personen], drie gehele getallen, niet 2"))
    let bounds = "van en tot zijn leeftijden met 18 ≤ van < tot ≤ 67 (de AOW-leeftijd van kalibratie_aow; daarboven blijft de bijstand in het inkomen)"
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[27, 18, 5]]\n").contains("\(name)[0]: \(bounds), niet [27, 18]"))
    // Below 18 no income is drawn; from the AOW age the bijstand (AIO) stays in the income.
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[15, 18, 394000], [18, 67, 1]]\n").contains("\(name)[0]: \(bounds), niet [15, 18]"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 131, 1]]\n").contains("\(name)[0]: \(bounds), niet [18, 131]"))
    #expect(
      scenarioRefusal("    - [10000, 20000, 394000]\n", "    - [10000, 20000, 0]\n")
        .contains("\(name): verdeelt de personen van inkomen.bijstand_in_inkomen over leeftijden; zonder personen daar is er niets te verdelen"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 45, 5], [27, 67, 5]]\n").contains("\(name)[1]: de band [27, 67) begint voor het einde van de vorige (45)"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 27, -5]]\n").contains("\(name)[0]: een aantal personen van 0 tot en met 100.000.000, niet -5"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 27, 0]]\n").contains("\(name): ten minste één band met personen"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: []\n").contains("\(name): van 1 tot en met 116 leeftijdsbanden, niet 0"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd:\n").contains("veld 'inkomen.bijstand_naar_leeftijd' heeft geen waarde"))
    #expect(
      scenarioRefusal("  bijstand_in_inkomen:\n    - [10000, 20000, 394000]\n", "")
        .contains("\(name): verdeelt de personen van inkomen.bijstand_in_inkomen over leeftijden; zonder personen daar is er niets te verdelen"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leeftijd: [[18, 27, 1]]\n") == "")
  }
}

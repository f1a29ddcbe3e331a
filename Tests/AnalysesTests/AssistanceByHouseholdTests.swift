import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The bijstand persons spread over ages and leefvormen at once (`inkomen.bijstand_naar_leefvorm`): the
/// raked chances meet both margins, a couple is drawn together, the drawn population meets the chances,
/// an impossible cell is capped and said, and malformed sections are refused.
@Suite("Bijstand naar leefvorm")
struct AssistanceByHouseholdTests {
  static let date = CivilDate(iso: "2025-07-01")!

  static func income() -> Scenario.Income {
    var income = AssistanceInIncomeTests.income([[10000, 20000, 200]])
    income.bijstandNaarLeeftijd = [[18, 27, 1], [27, 67, 3]]
    income.bijstandNaarLeefvorm = .init(alleenstaand: 5, alleenstaandeOuder: 2, paarMetKinderen: 2, paarZonderKinderen: 0, overig: 1)
    return income
  }

  @Test("de geharkte kansen halen beide marges: personen per leeftijdsband en per leefvorm")
  func raking() throws {
    // Units per band (rows) and leefvorm (alleenstaand, ouder, paar met, paar zonder, overig); a couple is one unit of two.
    let units = [[40, 10, 20, 30, 50], [200, 60, 150, 200, 20]]
    let spread = try #require(AssistanceSpread(Self.income(), aowAge: 67, units: units, adults: 1200, total: 2400))
    // 200 persons of 2.400 adults, scaled to the 1.200 counted: 100 persons; by age 25 and 75, by leefvorm 50, 20, 20, 0, 10.
    let persons = { (a: Int, l: Int) in spread.chance[a][l] * (units[a][l] * AssistanceUnit.allCases[l].persons) }
    let close = { (x: Rational, y: Rational) in x - y < Rational(numerator: 1, denominator: 1_000_000) && y - x < Rational(numerator: 1, denominator: 1_000_000) }
    for (a, target) in [Rational(25), Rational(75)].enumerated() {
      #expect(close((0..<5).reduce(Rational(0)) { $0 + persons(a, $1) }, target), "band \(a)")
    }
    for (l, target) in [50, 20, 20, 0, 10].enumerated() {
      #expect(close((0..<2).reduce(Rational(0)) { $0 + persons($1, l) }, Rational(target)), "leefvorm \(l)")
    }
    #expect(spread.capped.isEmpty)
    #expect(spread.band(age: 17) == nil && spread.band(age: 26) == 0 && spread.band(age: 66) == 1 && spread.band(age: 67) == nil)
    // A leefvorm with almost no units cannot carry its share: every unit there is drawn, and it says so.
    let few = [[1, 10, 20, 30, 50], [1, 60, 150, 200, 20]]
    let capped = try #require(AssistanceSpread(Self.income(), aowAge: 67, units: few, adults: 1200, total: 2400))
    #expect(capped.capped.map(\.unit) == [.alleenstaand, .alleenstaand] && capped.chance[0][0] == Rational(1))
    #expect(spread.unplaced.isEmpty && capped.unplaced.isEmpty && spread.emptyBands.isEmpty)
    // A leefvorm with persons but no unit at all (no alleenstaande ouders drawn): named, not silently lost.
    let noParents = try #require(AssistanceSpread(Self.income(), aowAge: 67, units: [[40, 0, 20, 30, 50], [200, 0, 150, 200, 20]], adults: 1200, total: 2400))
    #expect(noParents.unplaced == ["alleenstaande_ouder"] && noParents.emptyBands.isEmpty)
    // An age band without units: named; its persons go to the other band, the leefvormen keep theirs.
    let noYoung = try #require(AssistanceSpread(Self.income(), aowAge: 67, units: [[0, 0, 0, 0, 0], [200, 60, 150, 200, 20]], adults: 1200, total: 2400))
    #expect(noYoung.emptyBands == ["18–26 jaar"] && noYoung.unplaced.isEmpty)
    let young = (0..<5).reduce(Rational(0)) { $0 + noYoung.chance[1][$1] * ([200, 60, 150, 200, 20][$1] * AssistanceUnit.allCases[$1].persons) }
    #expect(young - Rational(100) < Rational(numerator: 1, denominator: 1_000_000) && Rational(100) - young < Rational(numerator: 1, denominator: 1_000_000))
    // Without the section, or without persons taken out: nothing to spread.
    var without = Self.income()
    without.bijstandNaarLeefvorm = nil
    #expect(AssistanceSpread(without, aowAge: 67, units: units, adults: 1200, total: 2400) == nil)
    #expect(
      Self.income().publishedHouseholdShares
        == "naar leefvorm verdeeld als de ontvangers (bijstand_naar_leefvorm: alleenstaand 50 %, alleenstaande_ouder 20 %, paar_met_kinderen 20 %, paar_zonder_kinderen 0 %, overig 10 %; een paar samen)")
  }

  @Test("in een getrokken bevolking haalt iedere band en iedere leefvorm haar aandeel zonder inkomen, en leeft een paar samen van de bijstand")
  func drawn() throws {
    let s = PopulationValidationTests.scenario
    let generator = Generator(scenario: s, program: Repository.engine.program, date: Self.date)
    #expect(generator.assistanceByHousehold != nil && generator.assistanceSpread == nil)
    let p = generator.generate(count: 40_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: s, date: Self.date)
    let ages = margins.filter { $0.name.hasPrefix("volwassenen van ") }
    let places = margins.filter { $0.name.hasPrefix("volwassenen zonder inkomen, leefvorm ") }
    #expect(ages.count == 3 && places.count == 5)
    for m in ages + places {
      // The smallest margin, the alleenstaande ouders, has about 2.800 persons at 16,5 %: a standard error
      // of 0,7 procentpunt; 2,2 is three of them.
      #expect(m.drawn - m.target < Rational(22) / 1000 && m.target - m.drawn < Rational(22) / 1000, "\(m.name): \(m.drawn.dutchDecimal(fractionDigits: 4)) tegen \(m.target.dutchDecimal(fractionDigits: 4))")
    }
    // Alleenstaande ouders live far more often on the bijstand than partners in a couple with children.
    #expect(places[1].target > places[2].target * 2)
    // A couple on the bijstand has no income on either side: far more couples with both partners
    // without income than independent draws would give.
    guard case .int64(let income)? = p.personalIncome else { Issue.record("geen persoonlijk inkomen"); return }
    var couples = 0
    var bothZero = 0
    for h in 0..<p.householdCount where p.householdType[h] == HouseholdType.paarMetKinderen.rawValue {
      let head = Int(p.personStart[h])
      couples += 1
      if income[head] == 0, income[head + 1] == 0 { bothZero += 1 }
    }
    #expect(bothZero * 100 > couples, "\(bothZero) van \(couples) paren met kinderen zonder inkomen aan beide kanten")
  }

  @Test("een cel met meer personen dan eenheden wordt begrensd en de samenvatting zegt het")
  func cappedSummary() throws {
    var s = PopulationValidationTests.scenario
    // All 394.000 persons in the 30-year-olds, among the alleenstaanden alone.
    s.inkomen.bijstandNaarLeeftijd = [[30, 31, 1000]]
    s.inkomen.bijstandNaarLeefvorm = .init(alleenstaand: 1, alleenstaandeOuder: 0, paarMetKinderen: 0, paarZonderKinderen: 0, overig: 0)
    let simulation = try Repository.engine.simulate(date: Self.date, households: 2_000, seed: 5, scenario: s, threads: 2)
    #expect(simulation.assistanceCappedCells == ["30 jaar, alleenstaand"])
    let note = try #require(SimulationSummary(simulation).assistanceNote)
    #expect(note.contains("naar leefvorm verdeeld als de ontvangers (bijstand_naar_leefvorm: alleenstaand 100 %"))
    #expect(note.contains("let op: in 30 jaar, alleenstaand vragen bijstand_naar_leeftijd en bijstand_naar_leefvorm samen meer personen dan de generator er trekt"))
  }

  @Test("een leefvorm die ontbreekt, negatief is, een onbekende sleutel, alles nul of zonder bijstand_in_inkomen wordt geweigerd")
  func refused() {
    let line = "  bijstand_naar_leefvorm: {alleenstaand: 43, alleenstaande_ouder: 20, paar_met_kinderen: 19, paar_zonder_kinderen: 9, overig: 9}\n"
    let name = "inkomen.bijstand_naar_leefvorm"
    let edit = { (body: String) in scenarioRefusal(line, "  bijstand_naar_leefvorm: {\(body)}\n") }
    #expect(edit("alleenstaand: 43, alleenstaande_ouder: 20, paar_met_kinderen: 19, paar_zonder_kinderen: 9").contains("overig"))
    #expect(edit("alleenstaand: -1, alleenstaande_ouder: 20, paar_met_kinderen: 19, paar_zonder_kinderen: 9, overig: 9")
      .contains("\(name).alleenstaand: een aantal of aandeel van 0 tot en met 100.000.000, niet -1"))
    #expect(edit("alleenstaand: 0, alleenstaande_ouder: 0, paar_met_kinderen: 0, paar_zonder_kinderen: 0, overig: 0")
      .contains("\(name): ten minste één leefvorm met personen"))
    #expect(edit("alleenstaand: 43, alleenstaande_oudr: 20, paar_met_kinderen: 19, paar_zonder_kinderen: 9, overig: 9")
      .contains("alleenstaande_ouder"))
    #expect(scenarioRefusal(line, "  bijstand_naar_leefvorm:\n").contains("bijstand_naar_leefvorm"))
    // Without persons taken out (the age bands, checked first, say the same for ages).
    var none = Self.income()
    none.bijstandInInkomen = nil
    #expect(throws: ScenarioError.self) { try none.validateAssistanceByHousehold { ScenarioError(description: $0) } }
    do { try none.validateAssistanceByHousehold { ScenarioError(description: $0) } } catch {
      #expect("\(error)" == "\(name): verdeelt de personen van inkomen.bijstand_in_inkomen over leefvormen; zonder personen daar is er niets te verdelen")
    }
    #expect(scenarioRefusal(line, line) == "")
  }
}

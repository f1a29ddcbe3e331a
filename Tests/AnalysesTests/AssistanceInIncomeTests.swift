import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The bijstand taken out of the CBS personal income (`inkomen.bijstand_in_inkomen`): the classes lose
/// the persons (at the class mean, or with a mean of their own), those persons are drawn without income,
/// and every malformed row is refused with the YAML path and what was expected.
@Suite("Bijstand uit het persoonlijk inkomen")
struct AssistanceInIncomeTests {
  static func income(_ rows: [[Int64]]?) -> Scenario.Income {
    Scenario.Income(
      klassen: [[0, 10000, 500, 4000], [10000, 20000, 1000, 15000], [20000, 30000, 800]], zonderInkomen: 100,
      bijstandInInkomen: rows)
  }

  @Test("zonder gemiddelde houdt de klasse haar gemiddelde; met een gemiddelde houdt de rest het klassetotaal min dat van hen")
  func drawnClasses() {
    let atMean = Self.income([[10000, 20000, 200]])
    #expect(atMean.drawnClasses == [[0, 10000, 500, 4000], [10000, 20000, 800, 15000], [20000, 30000, 800]])
    #expect(atMean.drawnZonderInkomen == 300)
    #expect(atMean.bijstandPersons == 200)
    // (1000 · 15000 − 200 · 12000) / 800 = 15750.
    #expect(Self.income([[10000, 20000, 200, 12000]]).drawnClasses[1] == [10000, 20000, 800, 15750])
    // A class without a published mean: its midpoint is the class total's mean, (800 · 25000 − 100 · 21000) / 700.
    #expect(Self.income([[20000, 30000, 100, 21000]]).drawnClasses[2] == [20000, 30000, 700, 25571])
    #expect(Self.income(nil).drawnClasses == Self.income(nil).klassen)
    #expect(Self.income(nil).assistanceNote(aow: nil) == nil)
    #expect(Self.income([[10000, 20000, 0]]).assistanceNote(aow: nil) == nil)
  }

  @Test("de regel in de samenvatting en het validatierapport noemt het aantal en de klasse")
  func note() {
    #expect(
      PopulationValidationTests.scenario.inkomen.assistanceNote(aow: PopulationValidationTests.scenario.kalibratieAow)
        == "394.000 personen met bijstand als persoonlijk inkomen (394.000 uit de klasse € 10.000–20.000) zonder inkomen getrokken, naar leeftijd verdeeld als de ontvangers (bijstand_naar_leeftijd: 18–26 jaar 10 %, 27–44 jaar 34 %, 45–66 jaar 56 %), naar leefvorm verdeeld als de ontvangers (bijstand_naar_leefvorm: alleenstaand 43 %, alleenstaande_ouder 20 %, paar_met_kinderen 19 %, paar_zonder_kinderen 9 %, overig 9 %; een paar samen); hun bijstand rekenen de regels")
    var even = PopulationValidationTests.scenario.inkomen
    even.bijstandNaarLeefvorm = nil
    even.bijstandNaarLeeftijd = nil
    #expect(even.assistanceNote(aow: PopulationValidationTests.scenario.kalibratieAow)?.hasSuffix("zonder inkomen getrokken onder de 67 jaar; hun bijstand rekenen de regels") == true)
    #expect(Self.income([[10000, 20000, 200]]).assistanceNote(aow: nil)?.hasSuffix("zonder inkomen getrokken; hun bijstand rekenen de regels") == true)
  }

  @Test("alleen onder de AOW-leeftijd: het gewicht wordt met het aandeel volwassenen onder die leeftijd opgeschaald")
  func zeroWeights() {
    // Classes 2.100 after taking 200 out, no income 300: a total of 2.400; 600 AOW recipients leave
    // 1.800 below the age, so 200 become 200 × 2.400 / 1.800 = 266 (rounded down) next to the 100.
    let income = Self.income([[10000, 20000, 200]])
    let aow = Scenario.AgeCalibration(leeftijd: 67, zonderPartner: 200, metPartner: 400)
    #expect(income.zeroWeights(aow: aow) == (belowAge: 366, fromAge: 100, age: 67))
    #expect(income.zeroWeights(aow: nil) == (belowAge: 300, fromAge: 300, age: nil))
    // More AOW recipients than adults: no scaling that could exceed the total.
    #expect(income.zeroWeights(aow: Scenario.AgeCalibration(leeftijd: 67, zonderPartner: 2400, metPartner: 0)) == (belowAge: 300, fromAge: 300, age: nil))
    // The sampler uses the classes without the persons and both weights.
    let sampler = Sampler(PopulationValidationTests.scenario)
    let k = PopulationValidationTests.scenario.inkomen
    // (The bijstand persons move from the classes to no income; those under 18 leave the classes.)
    #expect(sampler.incomeTotal == UInt64(k.klassen.reduce(0) { $0 + $1[2] } - 516_300 + k.zonderInkomen))
    #expect(sampler.incomeZeroFromAge == (age: 67, weight: UInt64(k.zonderInkomen)))
    #expect(sampler.incomeZero > UInt64(k.drawnZonderInkomen))
  }

  @Test("in een getrokken bevolking: wie eruit gaat, heeft geen inkomen; het aandeel zonder inkomen volgt het scenario")
  func drawn() {
    let date = CivilDate(iso: "2025-07-01")!
    let with = PopulationValidationTests.scenario
    var without = with
    without.inkomen.bijstandInInkomen = nil
    func zeroShares(_ s: Scenario) -> (all: Rational, old: Rational) {
      let p = Generator(scenario: s, program: Repository.engine.program, date: date).generate(count: 20_000, threads: 2)
      guard case .int64(let income)? = p.personalIncome, case .int32(let birth)? = p.personColumns["geboortedatum"] else { return (.zero, .zero) }
      let adults = p.role.indices.filter { p.role[$0] <= 1 }
      let old = adults.filter { CivilDate(dayNumber: Int(birth[$0])).age(on: date).years >= 67 }
      return (Rational(adults.filter { income[$0] == 0 }.count) / max(1, adults.count), Rational(old.filter { income[$0] == 0 }.count) / max(1, old.count))
    }
    let target = Rational(Int(with.inkomen.drawnZonderInkomen)) / Int(with.inkomen.drawnClasses.reduce(0) { $0 + $1[2] } + with.inkomen.drawnZonderInkomen)
    let (withShares, withoutShares) = (zeroShares(with), zeroShares(without))
    let (a, b) = (withShares.all, withoutShares.all)
    // Below the AOW age only: from 67 on the share without income is the same with and without (about
    // 9.000 persons of 67 or older: 0,5 procentpunt is well over three standard errors).
    #expect(withShares.old - withoutShares.old < Rational(5) / 1000 && withoutShares.old - withShares.old < Rational(5) / 1000)
    // About 34.000 adults: a standard error of 0,14 procentpunt; 0,5 is more than three of them.
    #expect(a - target < Rational(5) / 1000 && target - a < Rational(5) / 1000, "\(a.dutchDecimal(fractionDigits: 4)) tegen \(target.dutchDecimal(fractionDigits: 4))")
    #expect(a - b > Rational(2) / 100, "met \(a.dutchDecimal(fractionDigits: 4)), zonder \(b.dutchDecimal(fractionDigits: 4))")
  }

  @Test("een rij die geen klasse noemt, te veel personen, een gemiddelde buiten de klasse en een dubbele rij worden geweigerd")
  func refused() throws {
    let row = "    - [10000, 20000, 394000]\n"
    #expect(
      scenarioRefusal(row, "    - [10000, 25000, 394000]\n")
        .contains("inkomen.bijstand_in_inkomen: [10000, 25000) is geen klasse van inkomen.klassen; de klassen zijn [0, 10000), [10000, 20000)"))
    #expect(
      scenarioRefusal(row, "    - [10000, 20000, 2849000]\n")
        .contains("inkomen.bijstand_in_inkomen: de klasse [10000, 20000) telt 2849000 personen; er kunnen er niet 2849000 uit"))
    #expect(scenarioRefusal(row, "    - [10000, 20000, -1]\n").contains("inkomen.bijstand_in_inkomen: iedere rij is [van, tot, personen]"))
    #expect(scenarioRefusal(row, "    - [10000, 20000]\n").contains("inkomen.bijstand_in_inkomen: iedere rij is [van, tot, personen]"))
    #expect(scenarioRefusal(row, "    - [10000, 20000, 394000, 25000]\n").contains("inkomen.bijstand_in_inkomen: het gemiddelde 25000 ligt niet in de klasse [10000, 20000)"))
    // The rest of the class would have a mean of 20.111: outside its middle half.
    #expect(
      scenarioRefusal(row, "    - [10000, 20000, 2000000, 13400]\n")
        .contains("inkomen.bijstand_in_inkomen: na [10000, 20000, 2000000, 13400] blijven in de klasse [10000, 20000) 849000 personen over met een gemiddelde van 20111 euro; dat moet van 12500 tot en met 17500 zijn (het middelste deel van de klasse): neem minder personen of een gemiddelde dichter bij dat van de klasse (15400)"))
    // An empty section is not read as 'no one taken out'.
    #expect(scenarioRefusal("  bijstand_in_inkomen:\n    - [10000, 20000, 394000]\n", "  bijstand_in_inkomen:\n").contains("veld 'inkomen.bijstand_in_inkomen' heeft geen waarde (verwacht: een lijst)"))
    #expect(scenarioRefusal(row, row + row).contains("inkomen.bijstand_in_inkomen: de klasse [10000, 20000) staat er twee keer in"))
    // A class listed twice in inkomen.klassen cannot be named: which one would lose the persons?
    #expect(
      scenarioRefusal("    - [10000, 20000, 2849000, 15400]\n", "    - [10000, 20000, 2849000, 15400]\n    - [10000, 20000, 100000]\n")
        .contains("inkomen.bijstand_in_inkomen: de klasse [10000, 20000) staat meer dan eens in inkomen.klassen"))
    #expect(scenarioRefusal("  bijstand_in_inkomen:\n", "  bijstand_in_inkomn:\n").contains("bijstand_in_inkomen"))
    // No one taken out: valid, once nothing is left to spread over ages and leefvormen either, and no
    // one's vermogen or use of the bijstand is drawn (vermogen_bijstand is left without a leefvorm: refused).
    let spreads =
      "  bijstand_naar_leeftijd: [[18, 27, 41000], [27, 45, 138000], [45, 67, 228000]]\n"
      + "  bijstand_naar_leefvorm: {alleenstaand: 43, alleenstaande_ouder: 20, paar_met_kinderen: 19, paar_zonder_kinderen: 9, overig: 9}\n"
      + "  bijstand_regeling: bijstand\n"
    #expect(scenarioRefusal(row + spreads, "    - [10000, 20000, 0]\n").contains("vermogen_bijstand: vraagt inkomen.bijstand_naar_leefvorm"))
    let text = try String(contentsOfFile: PopulationValidationTests.scenarioPath, encoding: .utf8)
    let wealth = try #require(text.range(of: "vermogen_bijstand: [[0, 1000, 48], [1000, 7770, 52]]\n"))
    let none = text.replacingCharacters(in: wealth, with: "").replacingOccurrences(of: row + spreads, with: "    - [10000, 20000, 0]\n")
    #expect(none.count < text.count - spreads.count)
    #expect(throws: Never.self) { try Scenario.parse(yaml: none, path: "s.yaml") }
  }

  @Test("wie jonger dan 18 is, gaat uit de klassen zonder zonder inkomen te worden getrokken; een onmogelijke rij wordt geweigerd")
  func minors() throws {
    let income = PopulationValidationTests.scenario.inkomen
    // The lowest class loses the 516.300 under 18 (mean 1.408), the rest keeps the class total minus theirs.
    #expect(income.drawnClasses[0] == [0, 10_000, 1_803_800 - 516_300, (1_803_800 * 4_100 - 516_300 * 1_408) / (1_803_800 - 516_300)])
    // They are not drawn at all: the weight without income is only the bijstand persons' and zonder_inkomen.
    #expect(income.drawnZonderInkomen == income.zonderInkomen + 394_000)
    let row = "  jonger_dan_18:\n    - [0, 10000, 516300, 1408]\n"
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n    - [0, 10000, 1803800, 1408]\n").contains("inkomen.jonger_dan_18: de klasse [0, 10000) telt 1803800 personen; er kunnen er niet 1803800 uit"))
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n    - [0, 10000, 516300, 12000]\n").contains("inkomen.jonger_dan_18: het gemiddelde 12000 ligt niet in de klasse [0, 10000)"))
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n    - [0, 10000, 1500000, 0]\n").contains("inkomen.jonger_dan_18: na [0, 10000, 1500000, 0] blijven in de klasse [0, 10000) 303800 personen over"))
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n").contains("veld 'inkomen.jonger_dan_18' heeft geen waarde (verwacht: een lijst)"))
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n    - [5, 10000, 1]\n").contains("inkomen.jonger_dan_18: [5, 10000) is geen klasse van inkomen.klassen"))
    // Together with the bijstand they may not empty a class.
    #expect(scenarioRefusal(row, "  jonger_dan_18:\n    - [10000, 20000, 2500000]\n").contains("samen met inkomen.bijstand_in_inkomen haalt het alle personen uit de klasse [10000, 20000)"))
    // A row of its own mean on a class with an absurd bound: the class is refused, nothing traps (the check
    // that the lists do not empty a class counts persons only; means come after the amounts are checked).
    var text = try String(contentsOfFile: PopulationValidationTests.scenarioPath, encoding: .utf8)
    for (a, b) in [
      ("    - [200000, 500000, 77700, 338000]\n", "    - [200000, 9223372036854775806, 77700, 338000]\n"),
      ("    - [10000, 20000, 394000]\n", "    - [10000, 20000, 394000]\n    - [200000, 9223372036854775806, 10, 300000]\n"),
    ] {
      #expect(text.contains(a))
      text = text.replacingOccurrences(of: a, with: b)
    }
    #expect(throws: ScenarioError.self) { _ = try Scenario.parse(yaml: text, path: "s.yaml") }
    do { _ = try Scenario.parse(yaml: text, path: "s.yaml") } catch { #expect("\(error)".contains("inkomen.klassen: "), "\(error)") }
    // A class the bijstand leaves fine and those under 18 break is blamed on jonger_dan_18, counted after both.
    let both = scenarioRefusal(row, "  jonger_dan_18:\n    - [10000, 20000, 2000000, 12000]\n")
    #expect(both.contains("inkomen.jonger_dan_18: na [10000, 20000, 2000000, 12000] blijven in de klasse [10000, 20000) 455000 personen over"), "\(both)")
    // Without the section the classes are the published ones minus the bijstand only.
    var without = income
    without.jongerDan18 = nil
    #expect(without.drawnClasses[0] == [0, 10_000, 1_803_800, 4_100])
  }
}

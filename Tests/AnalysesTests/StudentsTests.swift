import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Students among the aanvragers living alone (`studenten.alleenstaand`): drawn per age band with both
/// `studerend` and `studiefinanciering`, only in one-person households, and under 27 excluded from the
/// algemene bijstand (Pw art. 13 lid 2 onder c onder 1°) rather than left undecided.
@Suite("Studenten onder de alleenwonende aanvragers")
struct StudentsTests {
  static let date = CivilDate(iso: "2025-07-01")!

  /// Per drawn aanvrager: household type, age, studerend, studiefinanciering, bijstand per maand in cents (nil: onbepaald).
  static func heads(_ s: Scenario, count: Int) -> [(type: UInt8, age: Int, student: UInt8, grant: UInt8, bijstand: Int64?)] {
    guard let simulation = try? Repository.engine.simulate(date: date, households: count, seed: s.zaad, scenario: s, threads: 2),
      case .int32(let birth)? = simulation.population.personColumns["geboortedatum"],
      case .uint8(let studerend)? = simulation.population.personColumns["studerend"],
      case .uint8(let grant)? = simulation.population.personColumns["studiefinanciering"],
      let o = simulation.results.index(of: "bijstand.maandbedrag")
    else {
      Issue.record("de simulatie mist geboortedatum, studerend, studiefinanciering of bijstand.maandbedrag")
      return []
    }
    let p = simulation.population
    // A housemate or adult child who studies does so with studiefinanciering (scenario `medebewoners`),
    // so he has no bijstand of his own (Pw art. 13 lid 2 onder c); no one else besides an aanvrager has it.
    #expect(!p.role.indices.contains { p.role[$0] != 0 && grant[$0] != studerend[$0] })
    #expect(p.role.indices.contains { p.role[$0] != 0 && studerend[$0] != 0 })
    return (0..<p.householdCount).map { h in
      let head = Int(p.personStart[h])
      let amount = simulation.results.isDecided(o, h) ? simulation.results.cents[o][h] : nil
      return (p.householdType[h], CivilDate(dayNumber: Int(birth[head])).age(on: date).years, studerend[head], grant[head], amount)
    }
  }

  @Test("per leeftijdsband het aandeel van het scenario, alleen bij alleenwonenden, en zonder recht op bijstand")
  func drawn() {
    let s = PopulationValidationTests.scenario
    let heads = Self.heads(s, count: 80_000)
    let alone = heads.filter { $0.type == 0 }
    // Only aanvragers of one-person households in a band; both facts together.
    #expect(!heads.contains { $0.type != 0 && ($0.student != 0 || $0.grant != 0) })
    #expect(!heads.contains { $0.student != $0.grant })
    #expect(!alone.contains { ($0.age < 18 || $0.age >= 27) && $0.student != 0 })
    for band in s.studenten?.alleenstaand ?? [] {
      let inBand = alone.filter { Int64($0.age) >= band[0] && Int64($0.age) < band[1] }
      let share = Rational(inBand.filter { $0.student != 0 }.count) / max(1, inBand.count)
      // At least about 650 aanvragers per band (the band 18–20 had 497 of 60.000 households): a standard
      // error under 1,8 procentpunt; 6 is more than three.
      let target = Rational(numerator: Int(band[2]), denominator: 1000)
      #expect(inBand.count > 500 && share - target < Rational(6) / 100 && target - share < Rational(6) / 100, "\(band): \(share.dutchDecimal(fractionDigits: 3)) van \(inBand.count)")
    }
    // Under 27 with studiefinanciering: decided, and no algemene bijstand (art. 13 lid 2 onder c onder 1°).
    let students = alone.filter { $0.student != 0 }
    #expect(students.count > 1_000)
    #expect(students.allSatisfy { $0.bijstand == 0 }, "\(students.filter { $0.bijstand != 0 }.count) studenten met bijstand of onbepaald")
    #expect(alone.contains { $0.student == 0 && $0.age < 27 && ($0.bijstand ?? 0) > 0 })
  }

  @Test("zonder de sectie geen studenten en geen extra trekking: de bevolking blijft dezelfde")
  func withoutSection() {
    var without = PopulationValidationTests.scenario
    without.studenten = Scenario.Students(alleenstaand: [[18, 27, 0]])
    var absent = without
    absent.studenten = nil
    let a = Self.heads(absent, count: 3_000)
    let b = Self.heads(without, count: 3_000)
    #expect(!a.contains { $0.student != 0 })
    #expect(a.map(\.age) == b.map(\.age) && a.map(\.bijstand) == b.map(\.bijstand))
  }

  @Test("de regel in de samenvatting noemt de banden in procenten")
  func note() {
    #expect(
      Scenario.Students(alleenstaand: [[18, 21, 714], [25, 27, 227]]).note
        == "alleenwonende aanvragers met aanspraak op studiefinanciering: 18–20 jaar 71,4 %, 25–26 jaar 22,7 %")
  }

  @Test("een band van de verkeerde vorm, buiten 15–130 jaar, overlappend of boven 1000 per duizend wordt geweigerd")
  func refused() {
    let bands = "  alleenstaand: [[18, 21, 714], [21, 23, 687], [23, 25, 526], [25, 27, 227]]\n"
    let name = "studenten.alleenstaand"
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 21, 714], [21, 23]]\n").contains("\(name)[1]: een band is [van, tot, promille], drie gehele getallen, niet 2"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[12, 21, 714]]\n").contains("\(name)[0]: van en tot zijn leeftijden met 15 ≤ van < tot ≤ 130, niet [12, 21]"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[21, 18, 714]]\n").contains("\(name)[0]: van en tot zijn leeftijden met 15 ≤ van < tot ≤ 130, niet [21, 18]"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 23, 714], [21, 27, 687]]\n").contains("\(name)[1]: de band [21, 27) begint voor het einde van de vorige (23)"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 21, 1001]]\n").contains("\(name)[0]: een aantal per duizend van 0 tot en met 1000, niet 1001"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 21, -1]]\n").contains("niet -1"))
    #expect(scenarioRefusal(bands, "  alleenstaand: []\n").contains("\(name): ten minste één leeftijdsband"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 21, 9223372036854775807]]\n").contains("niet 9223372036854775807"))
    #expect(scenarioRefusal(bands, "  alleenstaande: [[18, 21, 714]]\n").contains("alleenstaand"))
    #expect(scenarioRefusal("studenten:\n" + bands, "studenten:\n").contains("'studenten' heeft geen waarde; verwacht: een sectie met alleenstaand, of laat de sleutel weg"))
    #expect(scenarioRefusal("medebewoners:\n  studerend_promille: 406\n  studie_tot: 30\n  commerciele_huurder_promille: 300\n", "medebewoners: ~\n").contains("'medebewoners' heeft geen waarde"))
    // A free-key section left empty would silently drop the non-take-up.
    #expect(scenarioRefusal("niet_gebruik:\n  zorgtoeslag: 120\n  huurtoeslag: 110\n  kindgebonden_budget: 80\n  bijstand: 291\n", "niet_gebruik:\n").contains("'niet_gebruik' heeft geen waarde; verwacht: een sectie met sleutels en waarden"))
    #expect(scenarioRefusal("niet_gebruik:\n  zorgtoeslag: 120\n  huurtoeslag: 110\n  kindgebonden_budget: 80\n  bijstand: 291\n", "niet_gebruik: {}\n").contains("'niet_gebruik' is leeg; verwacht: een sectie met sleutels en waarden, of laat de sleutel weg"))
    #expect(scenarioRefusal(bands, "  alleenstaand: [[18, 21, 0]]\n") == "")
  }
}

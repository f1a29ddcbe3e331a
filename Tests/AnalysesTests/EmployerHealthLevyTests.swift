import Foundation
import ExactArithmetic
import Population
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The werkgeversheffing Zvw taken out of the CBS personal income (`inkomensbron.werkgeversheffing_zvw`):
/// exact below and above the maximum bijdrage-inkomen, continuous at the maximum, refused when out of range,
/// and in a drawn population taken out of loon and uitkering only.
@Suite("Werkgeversheffing Zvw uit het persoonlijk inkomen")
struct EmployerHealthLevyTests {
  static let levy = Scenario.EmployerHealthLevy(perTienduizend: 675, maximumBijdrageInkomen: 59_706)
  static let maximum: Int64 = 59_706_00

  @Test("onder het maximum: het loon is het inkomen gedeeld door 1,0675, op centen")
  func belowMaximum() {
    // 10.675,00 = 10.000,00 × 1,0675 exactly.
    #expect(Self.levy.wage(inPersonalIncome: 10_675_00, maximum: Self.maximum) == 10_000_00)
    // 40.000,00 / 1,0675 = 37.470,7259… → 37.470,73.
    #expect(Self.levy.wage(inPersonalIncome: 40_000_00, maximum: Self.maximum) == 37_470_73)
    // To the nearest cent: 1 cent / 1,0675 = 0,937 cent → 1 cent.
    #expect(Self.levy.wage(inPersonalIncome: 1, maximum: Self.maximum) == 1)
  }

  @Test("boven het maximum: het inkomen min de heffing over het maximum; aan de grens gelijk")
  func aboveMaximum() {
    // Heffing over the maximum: 6,75 % × 59.706,00 = 4.030,155 → 4.030,16.
    #expect(Self.levy.wage(inPersonalIncome: 100_000_00, maximum: Self.maximum) == 100_000_00 - 4_030_16)
    // At the maximum both formulas give the maximum itself: 59.706 × 1,0675 = 63.736,155 euro.
    let atMaximum = Self.levy.wage(inPersonalIncome: 63_736_15, maximum: Self.maximum)
    let justAbove = Self.levy.wage(inPersonalIncome: 63_736_16, maximum: Self.maximum)
    #expect(atMaximum == 59_706_00)
    #expect(justAbove == 63_736_16 - 4_030_16)
    #expect(justAbove == 59_706_00)
  }

  @Test("de toelichting noemt percentage en maximum, zoals de samenvatting en het validatierapport haar tonen")
  func note() {
    #expect(Self.levy.note == "loon en uitkering zonder de werkgeversheffing Zvw die in het persoonlijk inkomen zit (6,75 % tot € 59.706 in het jaar van de inkomens, mee geïndexeerd)")
  }

  @Test("geen inkomen, een nulpercentage en een heel groot inkomen")
  func edges() {
    #expect(Self.levy.wage(inPersonalIncome: 0, maximum: Self.maximum) == 0)
    #expect(Self.levy.wage(inPersonalIncome: -5, maximum: Self.maximum) == 0)
    let none = Scenario.EmployerHealthLevy(perTienduizend: 0, maximumBijdrageInkomen: 59_706)
    #expect(none.wage(inPersonalIncome: 12_345_67, maximum: Self.maximum) == 12_345_67)
    // No overflow near the top of Int64: the intermediate products are 128-bit.
    #expect(Self.levy.wage(inPersonalIncome: Int64.max, maximum: Int64.max / 2) > 0)
  }

  @Test("in een getrokken bevolking: loon en uitkering zonder de heffing, pensioen onaangeroerd, boven het maximum één bedrag")
  func drawn() throws {
    let date = CivilDate(iso: "2025-07-01")!
    let scenario = PopulationValidationTests.scenario
    let sources = try #require(scenario.inkomensbron)
    let levy = try #require(sources.werkgeversheffingZvw)
    let p = Generator(scenario: scenario, program: Repository.engine.program, date: date).generate(count: 20_000, threads: 2)
    guard case .int64(let personal)? = p.personalIncome, case .int32(let birth)? = p.personColumns["geboortedatum"],
      case .int64(let loon)? = p.personColumns["loon"], case .int64(let uitkering)? = p.personColumns["uitkering"],
      case .int64(let pensioen)? = p.personColumns["pensioen"]
    else {
      Issue.record("kolommen ontbreken")
      return
    }
    var aowParts = Set<Int64>()
    var levies = Set<Int64>()
    var (below, above) = (0, 0)
    for i in personal.indices where personal[i] > 0 {
      let age = CivilDate(dayNumber: Int(birth[i])).age(on: date).years
      if age >= sources.pensioenVanaf {
        // Pension untouched: the drawn income minus one (indexed) AOW part.
        #expect(loon[i] == 0 && uitkering[i] == 0)
        if pensioen[i] > 0 { aowParts.insert(personal[i] - pensioen[i]) }
        continue
      }
      #expect(pensioen[i] == 0 && (loon[i] == 0 || uitkering[i] == 0))
      let wage = loon[i] + uitkering[i]
      if personal[i] < 50_000_00 {
        // Far below the indexed maximum (59.706 × 1,1876 × 1,0675 ≈ 75.700 euro): the maximum plays no part.
        #expect(wage == levy.wage(inPersonalIncome: personal[i], maximum: Int64.max / 4), "persoon \(i)")
        below += 1
      } else if personal[i] > 100_000_00 {
        levies.insert(personal[i] - wage)
        above += 1
      }
    }
    #expect(below > 1_000 && above > 50)
    #expect(aowParts.count == 1)
    // Above the maximum everyone pays 6,75 % of the same indexed maximum: one amount, about 4.800 euro.
    #expect(levies.count == 1)
    let amount = try #require(levies.first)
    #expect((4_500_00...5_100_00).contains(amount), "\(amount)")
  }

  @Test("een percentage of maximum buiten het bereik en een onbekende sleutel worden geweigerd")
  func refused() {
    #expect(scenarioRefusal("per_tienduizend: 675", "per_tienduizend: 2001").contains("inkomensbron.werkgeversheffing_zvw.per_tienduizend: een percentage in tienduizendsten van 0 tot en met 2.000 (20 %), niet 2001"))
    #expect(scenarioRefusal("per_tienduizend: 675", "per_tienduizend: -1").contains("niet -1"))
    #expect(scenarioRefusal("maximum_bijdrage_inkomen: 59706", "maximum_bijdrage_inkomen: 0").contains("inkomensbron.werkgeversheffing_zvw.maximum_bijdrage_inkomen: euro's per jaar van 1 tot en met 10.000.000, niet 0"))
    #expect(scenarioRefusal("maximum_bijdrage_inkomen: 59706", "maximum_bijdrage_inkomn: 59706").contains("maximum_bijdrage_inkomen"))
    // An empty section is not read as 'no levy'.
    #expect(
      scenarioRefusal("  werkgeversheffing_zvw:\n    per_tienduizend: 675\n    maximum_bijdrage_inkomen: 59706\n", "  werkgeversheffing_zvw:\n")
        .contains("'inkomensbron.werkgeversheffing_zvw' heeft geen waarde; verwacht: een sectie met maximum_bijdrage_inkomen, per_tienduizend"))
  }
}

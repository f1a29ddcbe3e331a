import ExactArithmetic
import Foundation
import Population
import Synthesis
import TestSupport
import Testing

/// Rents of the scenario's base years brought to the peildatum: each sector's rises count from 1 July of
/// their year, exactly, in the drawn population, and impossible rises are refused with their YAML path.
@Suite("Huurstijging per 1 juli")
struct RentIndexingTests {
  static let scenario = PopulationValidationTests.scenario

  @Test("een stijging telt vanaf 1 juli van haar jaar; na de laatste genoemde geen verdere")
  func july() throws {
    let rises = try #require(Self.scenario.wonen.huurstijging)
    let social = Rational(10_560) / 10_000 * (Rational(10_510) / 10_000)
    #expect(RentIndexing(rises, date: CivilDate(iso: "2025-07-01")!).social.factor == social)
    // On 30 June 2025 only the rise of July 2024 counts; on 1 January 2024 none.
    #expect(RentIndexing(rises, date: CivilDate(iso: "2025-06-30")!).social.factor == Rational(10_560) / 10_000)
    #expect(RentIndexing(rises, date: CivilDate(iso: "2024-01-01")!).social.factor == .one)
    let free = Rational(10_380) / 10_000 * (Rational(10_450) / 10_000) * (Rational(10_500) / 10_000) * (Rational(10_440) / 10_000)
    #expect(RentIndexing(rises, date: CivilDate(iso: "2025-07-01")!).free.factor == free)
    let later = RentIndexing(rises, date: CivilDate(iso: "2026-12-03")!)
    #expect(later.social.factor == social && later.free.factor == free)
    #expect(
      later.note
        == "kale huren van corporaties: die van 2023 naar 1 juli 2025 (× 1,1099), na 1 juli 2025 staat geen stijging in het scenario; van overige verhuurders: die van 2021 naar 1 juli 2025 (× 1,1891), na 1 juli 2025 staat geen stijging in het scenario")
    #expect(
      RentIndexing(rises, date: CivilDate(iso: "2025-07-01")!).note
        == "kale huren van corporaties: die van 2023 naar 1 juli 2025 (× 1,1099); van overige verhuurders: die van 2021 naar 1 juli 2025 (× 1,1891)")
    // Before July the last rise is the year before's; before any rise, the note says so with the base year.
    #expect(
      RentIndexing(rises, date: CivilDate(iso: "2024-03-01")!).note
        == "kale huren van corporaties: die van 2023, niet geïndexeerd (geen stijging na 2023 op of vóór de peildatum); van overige verhuurders: die van 2021 naar 1 juli 2023 (× 1,0847)")
    #expect(RentIndexing(nil, date: CivilDate(iso: "2025-07-01")!).note == nil)
  }

  @Test("de getrokken huren zijn de trekking uit het bereik maal de factor van hun sector")
  func drawnRents() throws {
    let date = CivilDate(iso: "2025-07-01")!
    var plain = Self.scenario
    plain.wonen.huurstijging = nil
    let indexed = Generator(scenario: Self.scenario, program: Repository.engine.program, date: date).generate(count: 20_000, threads: 2)
    let base = Generator(scenario: plain, program: Repository.engine.program, date: date).generate(count: 20_000, threads: 2)
    guard case .int64(let rentIndexed)? = indexed.householdColumns["woning.rekenhuur"], case .int64(let rentBase)? = base.householdColumns["woning.rekenhuur"] else {
      Issue.record("kolom woning.rekenhuur ontbreekt")
      return
    }
    // The same draws, only multiplied: every household's rent is its base rent times one of the two
    // factors, rounded to cents; owners pay none in both.
    let r = RentIndexing(Self.scenario.wonen.huurstijging, date: date)
    let (social, free) = (r.social, r.free)
    var (socialCount, freeCount) = (0, 0)
    for h in rentBase.indices {
      let s = social.apply(rentBase[h], fixedPoint: social.fixedPoint)
      let f = free.apply(rentBase[h], fixedPoint: free.fixedPoint)
      #expect(rentIndexed[h] == s || rentIndexed[h] == f, "huishouden \(h): \(rentBase[h]) werd \(rentIndexed[h])")
      if rentBase[h] > 0 && rentIndexed[h] == s && s != f { socialCount += 1 }
      if rentBase[h] > 0 && rentIndexed[h] == f && s != f { freeCount += 1 }
    }
    // About 704 per mille of renters rent from a corporation.
    let share = Rational(socialCount) / max(1, socialCount + freeCount)
    #expect(share > Rational(68) / 100 && share < Rational(73) / 100, "\(share.decimalString(fractionDigits: 3))")
  }

  @Test("een huurstijging met een gat of een onmogelijke stijging wordt geweigerd met het pad")
  func refused() throws {
    let social = "stijging: [[2024, 560], [2025, 510]]"
    #expect(scenarioRefusal(social, "stijging: [[2025, 510]]").contains("wonen.huurstijging.sociaal.stijging: de jaren volgen op elkaar vanaf 2024; verwacht 2024, niet 2025"))
    #expect(scenarioRefusal(social, "stijging: [[2024, -6000]]").contains("wonen.huurstijging.sociaal.stijging: een stijging van −5000 tot en met 5000 basispunten"))
    #expect(scenarioRefusal("      basisjaar: 2021\n", "      basisjaar: 99999\n").contains("wonen.huurstijging.vrij.basisjaar: een jaar van 1850 tot en met 2199, niet 99999"))
    #expect(scenarioRefusal("basisjaar: 2021\n      stijging: [[2022, 380], [2023, 450], [2024, 500], [2025, 440]]", "basisjaar: 2198\n      stijging: [[2199, 100], [2200, 100]]").contains("wonen.huurstijging.vrij.stijging: jaren tot en met 2199, niet 2200"))
    // Falls that would bring rents below a hundredth of the base year's are refused too.
    let falls = (2024...2031).map { "[\($0), -5000]" }.joined(separator: ", ")
    #expect(scenarioRefusal(social, "stijging: [\(falls)]").contains("wonen.huurstijging.sociaal.stijging: de dalingen tot en met 2030 brengen de bedragen onder een honderdste van die van 2023"))
    #expect(scenarioRefusal("    vrij:\n", "    vrije:\n").contains("bedoelt u 'vrij'?"))
    // A factor above 100 in any year is refused, even when later years bring it back down.
    let upDown = scenarioRefusal(social, "stijging: [[2024, 5000], [2025, 5000], [2026, 5000], [2027, 5000], [2028, 5000], [2029, 5000], [2030, 5000], [2031, 5000], [2032, 5000], [2033, 5000], [2034, 5000], [2035, 5000], [2036, -5000], [2037, -5000]]")
    #expect(upDown.contains("wonen.huurstijging.sociaal.stijging: de stijgingen tot en met 2035 vermenigvuldigen de bedragen met meer dan 100"), "\(upDown)")
  }

  @Test("huurklassen: een klasse naar gewicht, de huur uniform erbinnen; onmogelijke klassen geweigerd met het pad")
  func rentClasses() throws {
    let date = CivilDate(iso: "2025-07-01")!
    var s = Self.scenario
    s.wonen.huurstijging = nil
    s.wonen.sociaalPromille = 0
    s.wonen.huurVrij = .classes([[450, 752, 500], [752, 1000, 320], [1000, 1824, 180]])
    let p = Generator(scenario: s, program: Repository.engine.program, date: date).generate(count: 20_000, threads: 2)
    guard case .int64(let rent)? = p.householdColumns["woning.rekenhuur"] else {
      Issue.record("kolom woning.rekenhuur ontbreekt")
      return
    }
    let renters = rent.filter { $0 > 0 }
    #expect(renters.allSatisfy { (45_000..<182_400).contains($0) }, "\(renters.min() ?? 0)…\(renters.max() ?? 0)")
    let regulated = Rational(renters.filter { $0 < 75_200 }.count) / max(1, renters.count)
    let top = Rational(renters.filter { $0 >= 100_000 }.count) / max(1, renters.count)
    #expect(regulated > Rational(48) / 100 && regulated < Rational(52) / 100, "\(regulated.decimalString(fractionDigits: 3))")
    #expect(top > Rational(16) / 100 && top < Rational(20) / 100, "\(top.decimalString(fractionDigits: 3))")
    // The mean is the classes' weighted midpoints: 0,5 × 601 + 0,32 × 876 + 0,18 × 1.412 = € 834,98.
    let mean = Rational(Int(renters.reduce(Int64(0), +))) / (100 * max(1, renters.count))
    #expect((mean - Rational(83_498) / 100).magnitude < Rational(8), "\(mean.decimalString(fractionDigits: 2))")

    let line = "huur_vrij: [[450, 752, 500], [752, 1000, 320], [1000, 1824, 180]]"
    func refusal(_ new: String) -> String { scenarioRefusal(line, new) }
    #expect(refusal("huur_vrij: [[450, 752]]").contains("wonen.huur_vrij: iedere klasse is [van, tot, gewicht]"))
    #expect(refusal("huur_vrij: [[752, 450, 1]]").contains("wonen.huur_vrij: iedere klasse is [van, tot, gewicht] met 0 ≤ van < tot, niet [752, 450]"))
    #expect(refusal("huur_vrij: [752, 450]").contains("wonen.huur_vrij: [van, tot] met 0 ≤ van ≤ tot, niet [752, 450]"))
    #expect(refusal("huur_vrij: [[450, 752, 0]]").contains("wonen.huur_vrij: alle gewichten zijn 0"))
    #expect(refusal("huur_vrij: [[450, 752, -3]]").contains("wonen.huur_vrij: een gewicht is een aantal van 0 tot en met 1000000000, niet -3"))
    #expect(refusal("huur_vrij: [[450, 200000, 1]]").contains("wonen.huur_vrij: bedragen van 0 tot en met 100000 euro"))
    #expect(refusal("huur_vrij: []").contains("wonen.huur_vrij: ten minste één klasse"))
    #expect(refusal("huur_vrij: [450, 752, 800]").contains("wonen.huur_vrij: [van, tot] in euro's per maand, of klassen [[van, tot, gewicht], …]; niet [450, 752, 800]"))
    #expect(refusal("huur_vrij: [450, 752]") == "")
    #expect(refusal("huur_vrij: [[700, 700, 5]]").contains("wonen.huur_vrij: iedere klasse is [van, tot, gewicht] met 0 ≤ van < tot, niet [700, 700]"))
    #expect(refusal("huur_vrij: [0, 0]").contains("wonen.huur_vrij: een huurder betaalt huur; [0, 0] geeft 0 euro per maand"))
    // A decimal is named as such at its element, not as a list that was expected.
    let decimal = refusal("huur_vrij: [420.5, 744]")
    #expect(decimal.contains("wonen.huur_vrij[0]") && !decimal.contains("verwacht: een lijst"), "\(decimal)")
  }

  @Test("met een huurstijging voor één sector noemt de regel de andere als niet geïndexeerd")
  func oneSector() throws {
    var rises = try #require(Self.scenario.wonen.huurstijging)
    rises.vrij = nil
    #expect(
      RentIndexing(rises, date: CivilDate(iso: "2025-07-01")!).note
        == "kale huren van corporaties: die van 2023 naar 1 juli 2025 (× 1,1099); van overige verhuurders: niet geïndexeerd (het scenario noemt voor deze sector geen huurstijging)")
    #expect(RentIndexing(Scenario.RentRises(), date: CivilDate(iso: "2025-07-01")!).note?.hasPrefix("kale huren van corporaties: niet geïndexeerd") == true)
  }
}

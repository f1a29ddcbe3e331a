import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Income by place in the household (`inkomen.naar_leefvorm`): the calibration meets the published
/// ratios in expectation and keeps every age band's mean, a drawn population meets them as input margins,
/// the places follow the children's ages, and malformed sections are refused.
@Suite("Inkomen naar leefvorm")
struct IncomeByPlaceTests {
  static let date = CivilDate(iso: "2025-07-01")!

  /// Two bands of means 20.000 and 40.000 and the outside row; the six household places and the two
  /// places of adult children, with persons, loon and households.
  static func calibration(reach: ClosedRange<Int64> = 1_000...1_000_000) -> PlaceCalibration {
    var c = PlaceCalibration(
      bandMeans: [20_000, 40_000, 30_000], targets: [355, 334, 558, 866, 1085, 1231], reach: reach, index: 1_000_000_000_000_000_000)
    c.persons = [[300, 40, 10, 200, 100, 20, 60, 150], [500, 100, 80, 600, 900, 400, 10, 40], [0, 0, 0, 0, 0, 0, 0, 0]]
    c.described = c.persons
    // Loon is 80 % of the drawn income everywhere, except for the couples without children (100 %).
    c.loon = c.persons.map { row in row.enumerated().map { $0 == 3 ? Int128($1) * 100 : Int128($1) * 80 } }
    c.drawn = c.persons.map { row in row.map { Int128($0) * 100 } }
    c.households = [800, 140, 80, 400, 500, 200]
    // A pensioner's loon in the couples with an adult child (euros · 1000).
    c.others = [0, 0, 0, 0, 0, 20 * 5_000_000]
    return c
  }

  @Test("de gewichten geven de gepubliceerde verhoudingen van het loon per huishouden, de ouders van een meerderjarig kind het gewicht van het jonge gezin, en iedere band houdt zijn gemiddelde")
  func calibrates() {
    let c = Self.calibration()
    let w = c.weights()
    #expect(w[0] == PlaceCalibration.one)
    #expect(w[IncomePlace.alleenstaandeOuderMeerderjarigKind.rawValue] == w[IncomePlace.alleenstaandeOuder.rawValue])
    #expect(w[IncomePlace.paarMeerderjarigKind.rawValue] == w[IncomePlace.paarMetKinderen.rawValue])
    // The adult children earn less than the band's persons drawn by place on average here: their weight is below one.
    #expect(w[IncomePlace.kindBijPaar.rawValue] != PlaceCalibration.one)
    let e = c.expectedLoon(w)
    for p in 1..<6 {
      // E_p / E_0 against R_p / R_0, to a ten-thousandth: the means are whole euros (about 20.000), so
      // the ratios cannot be closer than some hundred-thousandths.
      let gap = e[p] * Int128(c.targets[0]) * 1_000_000 / (e[0] * Int128(c.targets[p]))
      #expect((999_900...1_000_100).contains(gap), "plaats \(p): \(gap) per miljoen")
    }
    // Each band's mean over its persons drawn by place is the band's mean (to a euro per person, rounding down).
    let m = c.means(w)
    for (b, mean) in [20_000, 40_000].enumerated() {
      let n = c.persons[b].reduce(Int128(0), +)
      let total = zip(c.persons[b], m[b]).reduce(Int128(0)) { $0 + $1.0 * $1.1 }
      #expect(total <= n * Int128(mean) && total + n >= n * Int128(mean), "band \(b)")
    }
    // A band without anyone weighs the places equally, without dividing by zero.
    #expect(m[2] == w.map { 30_000 * $0 * 8 / w.reduce(0, +) })
    // With the classes' mean every band is scaled by one factor, so that all persons with income (placed
    // and not) together have that mean; the ratios between the places stay.
    var scaled = PlaceCalibration(bandMeans: c.bandMeans, targets: c.targets, reach: c.reach, index: c.index, classMean: 33_000)
    (scaled.persons, scaled.described, scaled.loon, scaled.drawn, scaled.households, scaled.others) = (c.persons, c.described, c.loon, c.drawn, c.households, c.others)
    scaled.unplaced = [120, 70, 0]
    let bands = scaled.scaledBandMeans
    let perBand = zip(scaled.persons, scaled.unplaced).map { $0.reduce(Int128(0), +) + $1 }
    let sum = zip(perBand, bands).reduce(Int128(0)) { $0 + $1.0 * Int128($1.1) }
    let all = perBand.reduce(0, +)
    #expect(sum <= all * 33_000 && sum + all >= all * 33_000, "\(bands)")
    #expect(bands[0] < 20_000 && bands[1] < 40_000 && bands[1] / 2 - bands[0] <= 1)
    let sm = scaled.unboundedMeans(w)
    let back = sm[1][4] * 40_000 / Int128(bands[1])
    #expect(back - m[1][4] <= 2 && m[1][4] - back <= 2, "\(back) tegen \(m[1][4])")
    #expect(c.meanScale.numerator == 1 && c.meanScale.denominator == 1)
    // A mean the income classes cannot reach stops inside their reach, and the fixed point works with it.
    let narrow = Self.calibration(reach: 18_000...30_000)
    let clamped = narrow.means(narrow.weights())
    #expect(clamped.allSatisfy { $0.allSatisfy { (18_001...29_999).contains($0) } })
    // The summary names the cells that stopped at the edge, only those with persons; none in the wide reach.
    #expect(c.clamped(w).isEmpty)
    let edges = narrow.clamped(narrow.weights())
    #expect(!edges.isEmpty && edges.allSatisfy { $0.band < 2 && narrow.persons[$0.band][$0.place.rawValue] > 0 })
    #expect(edges.contains { $0.band == 1 && $0.place == .paarMeerderjarigKind })
    #expect(PlaceCalibration.isBound(16 * PlaceCalibration.one) && PlaceCalibration.isBound(PlaceCalibration.one / 16))
    #expect(!PlaceCalibration.isBound(PlaceCalibration.one) && !PlaceCalibration.isBound(15 * PlaceCalibration.one))
  }

  @Test("een getrokken bevolking haalt de verhoudingen als invoermarge, en de ouders volgen de leeftijd van de kinderen")
  func drawn() throws {
    let s = PopulationValidationTests.scenario
    let generator = Generator(scenario: s, program: Repository.engine.program, date: Self.date)
    let table = try #require(generator.sampler.incomeByPlace)
    // Ages from 67 on and the households with housemates draw by age alone.
    #expect(table.distribution(age: 67, place: .alleenstaand).choice.cumulative == table.unplaced[table.row(age: 67)].choice.cumulative)
    #expect(table.distribution(age: 40, place: nil).expectedEuros == table.unplaced[table.row(age: 40)].expectedEuros)
    #expect(table.distribution(age: 40, place: .paarMetKinderen).expectedEuros == table.cells[table.row(age: 40)][IncomePlace.paarMetKinderen.rawValue].distribution.expectedEuros)
    // A couple with young children earns more per person than a single person of the same age.
    let row = table.row(age: 40)
    #expect(table.cells[row][IncomePlace.paarMetKinderen.rawValue].mean > table.cells[row][IncomePlace.alleenstaand.rawValue].mean)
    // The summary line names every place with its own weight, and warns of nothing in the national scenario.
    let note = try #require(generator.incomeByPlaceNote)
    for place in [IncomePlace.alleenstaandeOuder, .paarZonderKinderen, .paarMetKinderen, .kindBijAlleenstaandeOuder, .kindBijPaar] {
      #expect(note.contains("\(place.label) "), "\(place.label) ontbreekt in: \(note)")
    }
    #expect(!note.contains("let op") && !note.contains("paar met een kind van 18 of ouder "), "\(note)")
    let p = generator.generate(count: 60_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: s, date: Self.date).filter { $0.name.hasPrefix("primair inkomen per huishouden, ") }
    #expect(margins.count == 5)
    for m in margins {
      // Within 4 % of the ratio: the single persons (about 12.000 below 67) and the smallest place (about
      // 2.000 one-parent families with an adult child) each carry about 1,5 % of sampling noise.
      let relative = (m.drawn - m.target).dividedBy(m.target) ?? .zero
      #expect(relative < Rational(4) / 100 && relative > Rational(-4) / 100, "\(m.name): \(m.drawn.dutchDecimal(fractionDigits: 3)) tegen \(m.target.dutchDecimal(fractionDigits: 3))")
    }
    // The age bands keep their means with the section (the margins of inkomen.naar_leeftijd). Within 3
    // points of the national mean: since the tilt is in log income the bands above the national mean keep
    // more weight above 100.000 euros, and at 60.000 households the band 25–44 came out 2,6 points high
    // (about three standard errors); in the validation (5 × 200.000 households) it is within 0,1 point.
    for m in InputMargins.compute(p, scenario: s, date: Self.date) where m.name.hasPrefix("gemiddeld persoonlijk inkomen ") {
      #expect(m.drawn - m.target < Rational(3) / 100 && m.target - m.drawn < Rational(3) / 100, "\(m.name): \(m.drawn.dutchDecimal(fractionDigits: 4)) tegen \(m.target.dutchDecimal(fractionDigits: 4))")
    }
    // The children's ages are drawn before the incomes: a family's place follows them.
    #expect(IncomePlace(.paarMetKinderen, adultChild: true) == .paarMeerderjarigKind && IncomePlace(.metMedebewoners, adultChild: false) == nil)
    // Without the section nobody draws by place, and no margin is shown.
    var without = s
    without.inkomen.naarLeefvorm = nil
    let plain = Generator(scenario: without, program: Repository.engine.program, date: Self.date)
    #expect(plain.sampler.incomeByPlace == nil && plain.incomeByPlaceNote == nil)
    #expect(InputMargins.compute(plain.generate(count: 2_000, threads: 1), scenario: without, date: Self.date).allSatisfy { !$0.name.hasPrefix("primair inkomen per huishouden") })
  }

  @Test("een leefvorm die ontbreekt, nul is, te ver uiteen ligt, een onbekende sleutel, een leeftijd buiten bereik of zonder inkomensbron wordt geweigerd")
  func refused() {
    let line = "  naar_leefvorm: {tot_leeftijd: 67, alleenstaand: 35500, alleenstaande_ouder: 33400, alleenstaande_ouder_meerderjarig_kind: 55800, paar_zonder_kinderen: 86600, paar_met_kinderen: 108500, paar_meerderjarig_kind: 123100}\n"
    let name = "inkomen.naar_leefvorm"
    let edit = { (body: String) in scenarioRefusal(line, "  naar_leefvorm: {\(body)}\n") }
    let rest = "alleenstaande_ouder_meerderjarig_kind: 55800, paar_zonder_kinderen: 86600, paar_met_kinderen: 108500, paar_meerderjarig_kind: 123100"
    #expect(edit("tot_leeftijd: 67, alleenstaand: 35500, \(rest)").contains("alleenstaande_ouder"))
    #expect(edit("tot_leeftijd: 67, alleenstaand: 0, alleenstaande_ouder: 33400, \(rest)")
      .contains("\(name).alleenstaand: een gemiddeld primair inkomen per huishouden (of een verhoudingsgetal) van 1 tot en met 10.000.000, niet 0"))
    #expect(edit("tot_leeftijd: 67, alleenstaand: 20000, alleenstaande_ouder: 33400, \(rest)")
      .contains("\(name): de grootste verhouding (123100) is meer dan vier keer de kleinste (20000)"))
    #expect(edit("tot_leeftijd: 12, alleenstaand: 35500, alleenstaande_ouder: 33400, \(rest)").contains("\(name).tot_leeftijd: een leeftijd van 19 tot en met 130 (jonger dan 18 wordt geen inkomen getrokken), niet 12"))
    // 18 would leave the section without anyone to apply to.
    #expect(edit("tot_leeftijd: 18, alleenstaand: 35500, alleenstaande_ouder: 33400, \(rest)").contains("\(name).tot_leeftijd: een leeftijd van 19 tot en met 130"))
    #expect(edit("tot_leeftijd: 67, alleenstaand: 35500, alleenstaande_oudr: 33400, \(rest)").contains("alleenstaande_ouder"))
    #expect(scenarioRefusal(line, line) == "")
    var noSources = PopulationValidationTests.scenario
    noSources.inkomensbron = nil
    noSources.inkomen.tweeverdieners = nil
    #expect(throws: ScenarioError.self) { try noSources.validate(path: "s.yaml") }
  }
}

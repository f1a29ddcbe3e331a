@testable import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing

/// The check on two-earner couples (`inkomen.tweeverdieners`): which couples count, where "less than
/// 20 % difference" ends, and the scenario keys refused with their path.
@Suite("Tweeverdieners met een gelijkwaardig loon")
struct TwoEarnersTests {
  static let scenario = PopulationValidationTests.scenario
  static let date = CivilDate(iso: "2025-07-01")!

  @Test("telt paren onder de AOW-leeftijd die allebei loon hebben; minder dan 20 % verschil is gelijkwaardig, precies 20 % niet")
  func counting() throws {
    let p = Generator(scenario: Self.scenario, program: Repository.engine.program, date: Self.date).generate(count: 3_000, threads: 1)
    guard case .int64(let loon)? = p.personColumns["loon"], case .int32(let birth)? = p.personColumns["geboortedatum"] else {
      Issue.record("kolommen loon en geboortedatum ontbreken")
      return
    }
    // By hand, in exact fractions: the lower loon over the higher above 4/5.
    var (couples, equal) = (0, 0)
    for h in 0..<p.householdCount {
      let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
      guard let a = members.first(where: { p.role[$0] == 0 }), let b = members.first(where: { p.role[$0] == 1 }) else { continue }
      let young = [a, b].allSatisfy { CivilDate(dayNumber: Int(birth[$0])).age(on: Self.date).years < 67 }
      guard young, loon[a] > 0, loon[b] > 0 else { continue }
      couples += 1
      if Rational(Int(min(loon[a], loon[b]))) / Int(max(loon[a], loon[b])) > Rational(4) / 5 { equal += 1 }
    }
    let margins = InputMargins.twoEarners(p, scenario: Self.scenario, date: Self.date)
    let margin = try #require(margins.first)
    #expect(margins.count == 1 && couples > 500)
    #expect(margin.drawn == Rational(equal) / couples)
    #expect(margin.target == Rational(16) / 100)
    #expect(margin.name == "tweeverdieners onder de AOW-leeftijd met een gelijkwaardig loon (minder dan 20 % verschil)")
    #expect(margin.source.contains("gekalibreerd"))
    // Two households by hand: € 800 against € 1.000 is exactly 20 % apart, € 801 against € 1.000 less.
    for (second, counted) in [(Int64(80_000), Rational.zero), (Int64(80_100), Rational.one)] {
      let couple = Self.couple(loon: [100_000, second])
      #expect(InputMargins.twoEarners(couple, scenario: Self.scenario, date: Self.date).first?.drawn == counted, "\(second)")
    }
    // Without the check, or without any two-earner couple, there is no row.
    var without = Self.scenario
    without.inkomen.tweeverdieners = nil
    #expect(InputMargins.twoEarners(p, scenario: without, date: Self.date).isEmpty)
    #expect(InputMargins.twoEarners(Self.couple(loon: [100_000, 0]), scenario: Self.scenario, date: Self.date).isEmpty)
  }

  @Test("de samenhang is de kans die het doel haalt tussen los en op dezelfde rang, begrensd op 0 en 1")
  func couplingChance() throws {
    let independent = TwoEarnerShare.Count(couples: 1_000, equal: 150)
    let comonotone = TwoEarnerShare.Count(couples: 1_000, equal: 950)
    #expect(PartnerIncomeCoupling(target: Rational(16) / 100, independent: independent, comonotone: comonotone).perMillion == 12_500)
    #expect(PartnerIncomeCoupling(target: Rational(1) / 10, independent: independent, comonotone: comonotone).perMillion == 0)
    #expect(PartnerIncomeCoupling(target: Rational(99) / 100, independent: independent, comonotone: comonotone).perMillion == 1_000_000)
    #expect(PartnerIncomeCoupling(target: Rational(1) / 2, independent: comonotone, comonotone: independent).perMillion == 0, "zonder stijging geen samenhang")
    // A target outside the two pilots is flagged, so the report can say it was not met.
    #expect(!PartnerIncomeCoupling(target: Rational(16) / 100, independent: independent, comonotone: comonotone).isOutOfReach)
    #expect(PartnerIncomeCoupling(target: Rational(1) / 10, independent: independent, comonotone: comonotone).isOutOfReach)
    #expect(PartnerIncomeCoupling(target: Rational(99) / 100, independent: independent, comonotone: comonotone).isOutOfReach)
    #expect(PartnerIncomeCoupling(target: .zero, independent: independent, comonotone: comonotone).isOutOfReach, "een doel van 0 % is ook een doel")
    #expect(!PartnerIncomeCoupling(perMillion: 0).isOutOfReach)
    // The national scenario's 16 % lies below what independent draws give since incomes are tilted in
    // log income (December 2026: partners draw from one distribution per age and place, without a main
    // and a second earner): the chance is 0 and the report says the target is out of reach.
    let g = Generator(scenario: Self.scenario, program: Repository.engine.program, date: Self.date)
    let coupling = try #require(g.partnerCoupling)
    #expect(coupling.perMillion == 0 && coupling.isOutOfReach && coupling.target.map { coupling.independentShare > $0 } == true, "\(coupling)")
    #expect(coupling.note.contains("let op: het doel van 16,0 % is niet haalbaar"))
    // A chance of 0 reads as what it means; a chance above 0 names it.
    #expect(coupling.note.hasPrefix("de inkomens van partners worden los van elkaar getrokken (geen paar op dezelfde rang), gekalibreerd op"), "\(coupling.note)")
    #expect(PartnerIncomeCoupling(target: Rational(16) / 100, independent: independent, comonotone: comonotone).note.hasPrefix("bij "))
    #expect(!PartnerIncomeCoupling(target: Rational(16) / 100, independent: independent, comonotone: comonotone).note.contains("let op"))
  }

  @Test("het inkomen op een rang: stijgend in de rang, van de laagste klasse tot de hoogste, met het gemiddelde van de klassen")
  func incomeAtRank() {
    let classes: [[Int64]] = [[0, 10000, 1803800, 4100], [10000, 20000, 2849000, 15400], [50000, 100000, 2778100, 66700], [200000, 500000, 77700, 338000]]
    let d = IncomeDistribution(classes: classes)
    var previous = Int64.min
    var sum: Int128 = 0
    let steps: UInt64 = 100_000
    for i in 0..<steps {
      let euros = d.euros(atQuantile: (UInt64.max / steps) * i + UInt64.max / (2 * steps))
      #expect(euros >= previous)
      previous = euros
      sum += Int128(euros)
    }
    #expect(d.euros(atQuantile: 0) == 0)
    #expect((499_990..<500_000).contains(d.euros(atQuantile: UInt64.max)))
    // Evenly spread ranks give the classes' published means: the expected income within 0,1 %.
    let mean = Rational(numeratorDigits: String(sum), denominatorDigits: String(steps))!
    let expected = Rational(Int(d.expectedEuros))
    #expect((mean - expected).dividedBy(expected)!.magnitude < Rational(1) / 1000, "\(mean.decimalString(fractionDigits: 1)) tegen \(d.expectedEuros)")
    // Random ranks give what `sample` gives: per class and per half of a class the same share, within
    // half a percentage point over 200.000 draws each (one standard error is at most 0,11 point).
    var r = RandomSource(seed: 7, stream: 1)
    var bySample = [Int](repeating: 0, count: 2 * classes.count)
    var byRank = bySample
    func cell(_ euros: Int64) -> Int {
      let k = classes.lastIndex { $0[0] <= euros }!
      return 2 * k + (euros >= (classes[k][0] + classes[k][1]) / 2 ? 1 : 0)
    }
    for _ in 0..<200_000 {
      bySample[cell(d.sample(&r) / 100)] += 1
      byRank[cell(d.euros(atQuantile: r.next()))] += 1
    }
    for (a, b) in zip(bySample, byRank) { #expect(abs(a - b) < 1_000, "\(bySample) tegen \(byRank)") }
  }

  @Test("een aandeel of verschil buiten het bereik, of een verkeerd gespelde sleutel, wordt geweigerd met het pad")
  func refusals() {
    let block = "  tweeverdieners:\n    gelijkwaardig_promille: 160\n    verschil_promille: 200\n"
    #expect(scenarioRefusal(block, "  tweeverdieners:\n    gelijkwaardig_promille: 1600\n    verschil_promille: 200\n").contains("inkomen.tweeverdieners.gelijkwaardig_promille: een aantal per duizend van 0 tot en met 1000, niet 1600"))
    #expect(scenarioRefusal(block, "  tweeverdieners:\n    gelijkwaardig_promille: 160\n    verschil_promille: 1000\n").contains("inkomen.tweeverdieners.verschil_promille: een verschil per duizend van het hoogste loon, van 1 tot en met 999, niet 1000"))
    #expect(scenarioRefusal(block, "  tweeverdieners:\n    gelijkwaardig_promile: 160\n    verschil_promille: 200\n").contains("bedoelt u 'gelijkwaardig_promille'?"))
    let sources = "inkomensbron:\n  uitkering_promille: [[18, 25, 94], [25, 45, 120], [45, 67, 223]]\n  pensioen_vanaf: 67\n  aow_in_inkomen: 15000\n  toetsingsinkomen: afgeleid\n  werkgeversheffing_zvw:\n    per_tienduizend: 675\n    maximum_bijdrage_inkomen: 59706\n"
    #expect(scenarioRefusal(sources, "").contains("inkomen.tweeverdieners: vergelijkt het loon van partners en vraagt daarom inkomensbron"))
  }

  /// One household: an aanvrager and a partner born on 1 January 1985, with this loon (cents per year).
  static func couple(loon: [Int64]) -> PopulationData {
    let birth = Int32(CivilDate(iso: "1985-01-01")!.dayNumber)
    return PopulationData(
      householdCount: 1, personStart: [0, 2], role: [0, 1], householdColumns: [:],
      personColumns: ["loon": .int64(loon), "geboortedatum": .int32([birth, birth])], householdType: [HouseholdType.paarZonderKinderen.rawValue])
  }
}

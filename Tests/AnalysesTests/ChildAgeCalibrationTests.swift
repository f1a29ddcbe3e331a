import ExactArithmetic
import Foundation
import Population
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The ages of children living at home raked to the published bands (`kinderen.leeftijd`): the
/// expectation meets every band, a drawn population follows it, every child fits its youngest parent's age,
/// and bands that do not fit are refused with their YAML path.
@Suite("Leeftijden van thuiswonende kinderen")
struct ChildAgeCalibrationTests {
  static let scenario = PopulationValidationTests.scenario
  static let bands = "leeftijd: [[0, 13, 2279927], [13, 18, 950000], [18, 21, 493400], [21, 25, 478900], [25, 30, 214700], [30, 50, 253976]]"

  @Test("de verwachte aandelen zijn de gepubliceerde; de ouderste banden wegen na de kalibratie zwaarder")
  func expectation() throws {
    let c = try #require(ChildAgeCalibration(Self.scenario))
    for (reached, wanted) in zip(c.expected, c.target) { #expect((reached - wanted).magnitude <= Rational(1) / 100_000) }
    // Only aanvragers of 48 and over can have a child of 30: the band's weight must rise above its share.
    let published = try #require(Self.scenario.kinderen.leeftijd)
    let before = Rational(Int(published[5][2])).dividedBy(Rational(Int(published[0][2])))!
    let after = Rational(Int(c.bands[5][2])).dividedBy(Rational(Int(c.bands[0][2])))!
    #expect(after > before)
    // Without the section the generator keeps the draw of earlier scenarios.
    var without = Self.scenario
    without.kinderen.leeftijd = nil
    without.kinderen.ouderBijGeboorte = nil
    #expect(ChildAgeCalibration(without) == nil)
  }

  @Test("een getrokken bevolking volgt de banden, en ieder kind past bij de leeftijd van zijn jongste ouder")
  func drawn() throws {
    let date = CivilDate(iso: "2025-07-01")!
    let p = Generator(scenario: Self.scenario, program: Repository.engine.program, date: date).generate(count: 30_000, threads: 2)
    guard case .uint8(let parent)? = p.personColumns["kind_van"], case .int32(let birth)? = p.personColumns["geboortedatum"] else {
      Issue.record("kolommen kind_van en geboortedatum ontbreken")
      return
    }
    let c = try #require(ChildAgeCalibration(Self.scenario))
    var perBand = [Int](repeating: 0, count: c.bands.count)
    var children = 0
    for h in 0..<p.householdCount {
      let rows = Int(p.personStart[h])..<Int(p.personStart[h + 1])
      // The youngest parent: the aanvrager, or in a couple the younger of aanvrager and partner.
      let parents = rows.filter { p.role[$0] <= 1 }.map { CivilDate(dayNumber: Int(birth[$0])).age(on: date).years }
      let youngest = parents.min() ?? 0
      for row in rows where parent[row] != 0 && p.role[row] >= 2 {
        let age = CivilDate(dayNumber: Int(birth[row])).age(on: date).years
        // Born when the youngest parent was 18 to 45 (a birthday between the two draws may add a year),
        // and no parent was younger.
        #expect((17...46).contains(youngest - age), "jongste ouder \(youngest), kind \(age)")
        #expect(parents.allSatisfy { $0 - age >= 17 }, "ouders \(parents), kind \(age)")
        children += 1
        if let b = c.bands.firstIndex(where: { Int($0[0]) <= age && age < Int($0[1]) }) { perBand[b] += 1 }
      }
    }
    #expect(children > 10_000)
    for (b, wanted) in c.target.enumerated() {
      let share = Rational(perBand[b]) / children
      #expect((share - wanted).magnitude < Rational(1) / 100, "band \(b): \(share.decimalString(fractionDigits: 3)) tegen \(wanted.decimalString(fractionDigits: 3))")
    }
  }

  @Test("banden die niet aansluiten, een ontbrekend venster of een onhaalbaar aandeel worden geweigerd")
  func refused() {
    #expect(scenarioRefusal(Self.bands, "leeftijd: [[0, 13, 2279927], [14, 18, 950000]]").contains("kinderen.leeftijd[1]: de banden sluiten op elkaar aan vanaf 0; verwacht van = 13, niet 14"))
    #expect(scenarioRefusal(Self.bands, "leeftijd: [[0, 13, 0]]").contains("kinderen.leeftijd[0]: een aantal kinderen van 1 tot en met 100.000.000, niet 0"))
    #expect(scenarioRefusal(Self.bands, "leeftijd: [[0, 13, 5], [13, 12, 5]]").contains("kinderen.leeftijd[1]: van < tot, tot ten hoogste 100, niet [13, 12]"))
    #expect(scenarioRefusal("  ouder_bij_geboorte: [18, 46]\n", "").contains("kinderen.leeftijd zonder kinderen.ouder_bij_geboorte"))
    #expect(scenarioRefusal("ouder_bij_geboorte: [18, 46]", "ouder_bij_geboorte: [46, 18]").contains("kinderen.ouder_bij_geboorte: [van, tot] in jaren"))
    // Children of 60 to 99 need youngest parents of 78 and over, which these households do not have.
    #expect(
      scenarioRefusal(Self.bands, "leeftijd: [[0, 60, 1000], [60, 100, 1000]]").contains("kinderen.leeftijd[1]: het aandeel kinderen van 60 tot 100 jaar is met de leeftijden van de jongste ouders en kinderen.ouder_bij_geboorte niet te halen (gevraagd 50,0 %, het dichtstbij 0,0 %)"))
  }
}

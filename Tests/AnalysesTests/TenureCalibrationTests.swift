import Analyses
import ExactArithmetic
import Foundation
import Population
@testable import Synthesis
import TestSupport
import Testing

/// Who rents: the types the scenario names rent with their published share, the other types take the
/// rest of the national share, and renters' incomes stand to owners' as published — all at once, in a
/// drawn population; a scenario whose shares cannot add up is refused with its YAML path.
@Suite("Huur naar huishoudtype en inkomen")
struct TenureCalibrationTests {
  static let scenario = PopulationValidationTests.scenario
  static let date = CivilDate(iso: "2025-07-01")!

  @Test("een getrokken bevolking haalt het landelijke aandeel, het aandeel per genoemd type en de inkomensverhouding binnen 2 %")
  func drawnMargins() throws {
    let p = Generator(scenario: Self.scenario, program: Repository.engine.program, date: Self.date).generate(count: 60_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: Self.scenario, date: Self.date)
    let tenure = margins.filter { $0.name.hasPrefix("huishoudens die huren") || $0.name.hasPrefix("gemiddeld inkomen huurders") }
    // The national share, one per named type (two in nederland.yaml) and the income ratio.
    #expect(tenure.count == 2 + Self.scenario.tenureShares.count, "\(tenure.map(\.name))")
    #expect(Self.scenario.tenureShares.count == 2)
    for m in tenure {
      #expect((m.drawn - m.target).dividedBy(m.target)!.magnitude < Rational(2) / 100, "\(m.name): \(m.drawn.decimalString(fractionDigits: 4)) tegen \(m.target.decimalString(fractionDigits: 4))")
    }
  }

  @Test("de typen die het scenario niet noemt, vullen het landelijke aandeel aan, naar hun inkomen")
  func restFollowsIncome() throws {
    let p = Generator(scenario: Self.scenario, program: Repository.engine.program, date: Self.date).generate(count: 60_000, threads: 2)
    guard case .uint8(let renters)? = p.householdColumns["woning.huurder"] else {
      Issue.record("kolom woning.huurder ontbreekt")
      return
    }
    var households = [Int](repeating: 0, count: HouseholdType.allCases.count)
    var renting = households
    for h in 0..<p.householdCount {
      households[Int(p.householdType[h])] += 1
      renting[Int(p.householdType[h])] += Int(renters[h])
    }
    func share(_ t: HouseholdType) -> Double { Double(renting[Int(t.rawValue)]) / Double(max(1, households[Int(t.rawValue)])) }
    // Singles have lower household incomes than couples without children, so they rent more often.
    #expect(share(.alleenstaand) > share(.paarZonderKinderen) + 0.05, "\(share(.alleenstaand)) tegen \(share(.paarZonderKinderen))")
    #expect(share(.eenouder) > share(.paarMetKinderen) + 0.4)
  }

  @Test("zonder inkomensverhouding huurt ieder genoemd type met zijn aandeel, zonder gradiënt")
  func typesWithoutIncome() throws {
    var s = Self.scenario
    s.wonen.huurNaarInkomen = nil
    s.wonen.huurNaarHuishoudtype = ["alleenstaand": 600]
    let g = Generator(scenario: s, program: Repository.engine.program, date: Self.date)
    let profile = try #require(g.tenure)
    #expect(profile.target == nil)
    // One level per group and no slope: every quintile of a type has the same chance.
    for row in profile.perMillion { #expect(Set(row).count == 1, "\(row)") }
    #expect(profile.perMillion[Int(HouseholdType.alleenstaand.rawValue)][0] == 600_000)
  }

  @Test("aandelen die niet kunnen kloppen, alle vijf typen of een onbekend type: geweigerd met het pad")
  func refusals() throws {
    let text = try String(contentsOf: Repository.root.appendingPathComponent("Scenarios/nederland.yaml"), encoding: .utf8)
    func refusal(_ old: String, _ new: String) -> String {
      #expect(text.contains(old), "\(old) staat niet in het scenario")
      do {
        _ = try Scenario.parse(yaml: text.replacingOccurrences(of: old, with: new), path: "s.yaml")
        return ""
      } catch { return "\(error)" }
    }
    let block = "  huur_naar_huishoudtype:\n    paar_met_kinderen: 200\n    eenouder: 700\n"
    let impossible = refusal(block, "  huur_naar_huishoudtype:\n    paar_met_kinderen: 1000\n    eenouder: 1000\n    alleenstaand: 1000\n")
    #expect(impossible.contains("wonen.huur_naar_huishoudtype: met deze aandelen en de samenstelling zouden de overige typen (paar_zonder_kinderen, met_medebewoners) met -") && impossible.contains("dat kan niet"), "\(impossible)")
    let all = "  huur_naar_huishoudtype:\n    alleenstaand: 500\n    paar_zonder_kinderen: 300\n    paar_met_kinderen: 200\n    eenouder: 700\n    met_medebewoners: 500\n"
    #expect(refusal(block, all).contains("noem niet alle vijf typen"))
    #expect(refusal(block, "  huur_naar_huishoudtype:\n    eenouder: 1001\n").contains("wonen.huur_naar_huishoudtype.eenouder: een aantal per duizend van 0 tot en met 1000, niet 1001"))
    #expect(refusal(block, "  huur_naar_huishoudtype:\n    eenouders: 700\n").contains("bedoelt u 'eenouder'?"))
  }
}

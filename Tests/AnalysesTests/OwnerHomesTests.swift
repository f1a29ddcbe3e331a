@testable import Analyses
import ExactArithmetic
import Foundation
import Population
@testable import Synthesis
import TestSupport
import Testing

/// Owners' homes (`eigen_woning`): drawn on a stream of their own, only for owners, within the classes,
/// the interest exactly the debt times the rate; the margins count what was drawn; bad keys are refused.
@Suite("Eigen woning in de synthetische bevolking")
struct OwnerHomesTests {
  /// The national scenario with a test section: made-up classes, not a published table (the national
  /// scenario's own section is read in ``national()``).
  static let section = Scenario.OwnerOccupation(
    wozWaarde: [[100_000, 300_000, 3], [300_000, 600_000, 5], [600_000, 2_000_000, 2]],
    schuldKlassen: [[1, 700], [700, 1000], [1000, 1200]],
    schuldNaarLeeftijd: [[18, 45, 10, 50, 30, 10], [45, 65, 25, 60, 10, 5], [65, 130, 60, 38, 2, 0]],
    renteBasispunten: 275)
  static let scenario: Scenario = {
    var s = PopulationValidationTests.scenario
    s.eigenWoning = section
    return s
  }()
  static let sectionYAML = """
    eigen_woning:
      woz_waarde: [[100000, 300000, 3], [300000, 600000, 5], [600000, 2000000, 2]]
      schuld_klassen: [[1, 700], [700, 1000], [1000, 1200]]
      schuld_naar_leeftijd: [[18, 45, 10, 50, 30, 10], [45, 65, 25, 60, 10, 5], [65, 130, 60, 38, 2, 0]]
      rente_basispunten: 275
    """
  static let date = CivilDate(iso: "2025-07-01")!

  /// The national scenario's text without its own `eigen_woning` section (its comment lines stay), so a
  /// test section can take its place.
  static func nationalWithoutSection() throws -> String {
    let lines = try String(contentsOfFile: PopulationValidationTests.scenarioPath, encoding: .utf8).components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: "eigen_woning:") else { return lines.joined(separator: "\n") }
    let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("#") } ?? lines.count
    return (lines[..<start] + lines[end...]).joined(separator: "\n")
  }

  static func generate(_ s: Scenario, count: Int = 4_000, threads: Int = 1) -> PopulationData {
    Generator(scenario: s, program: Repository.engine.program, date: date).generate(count: count, threads: threads)
  }

  @Test("de eigen woning verschuift geen andere trekking; huurders hebben geen WOZ-waarde en geen rente")
  func ownStream() throws {
    let e = try #require(Self.scenario.eigenWoning)
    let with = Self.generate(Self.scenario)
    var without = Self.scenario
    without.eigenWoning = nil
    let base = Self.generate(without)
    #expect(base.householdColumns["woning.woz_waarde"] == nil && base.householdColumns["woning.eigenwoningrente"] == nil)
    #expect(with.personStart == base.personStart && with.role == base.role)
    for (name, column) in base.householdColumns { #expect(with.householdColumns[name] == column, "\(name)") }
    for (name, column) in base.personColumns { #expect(with.personColumns[name] == column, "\(name)") }
    guard case .uint8(let renters)? = with.householdColumns["woning.huurder"], case .int64(let woz)? = with.householdColumns["woning.woz_waarde"],
      case .int64(let interest)? = with.householdColumns["woning.eigenwoningrente"]
    else {
      Issue.record("kolommen van de woning ontbreken")
      return
    }
    let lowest = e.wozWaarde.map { $0[0] }.min()! * 100
    let highest = e.wozWaarde.map { $0[1] }.max()! * 100
    let maxRatio = e.schuldKlassen.map { $0[1] }.max()!
    var owners = 0
    for h in 0..<with.householdCount {
      if renters[h] == 1 {
        #expect(woz[h] == 0 && interest[h] == 0)
        continue
      }
      owners += 1
      #expect(woz[h] >= lowest && woz[h] < highest && woz[h] % 100 == 0)
      // The interest never exceeds the highest loan-to-value class times the rate.
      #expect(interest[h] >= 0 && interest[h] <= woz[h] * maxRatio / 1000 * e.renteBasispunten / 10_000)
    }
    #expect(owners > 1_000)
    // The same population on two threads.
    #expect(Self.generate(Self.scenario, threads: 2).householdColumns["woning.eigenwoningrente"] == with.householdColumns["woning.eigenwoningrente"])
  }

  @Test("de schuld is de waarde maal een verhouding binnen de klasse, de rente de schuld maal het percentage, naar beneden op centen")
  func drawByHand() throws {
    let section = Scenario.OwnerOccupation(
      wozWaarde: [[300_000, 300_001, 1]], schuldKlassen: [[500, 501]], schuldNaarLeeftijd: [[18, 60, 0, 1], [60, 130, 1, 0]],
      renteBasispunten: 333)
    let sampler = try #require(OwnerHomeSampler(section))
    var r = RandomSource(seed: 1, stream: 2)
    // 300.000 × 0,5 = 150.000 debt; 3,33 % of it = 4.995 euros.
    #expect(sampler.draw(age: 40, &r) == OwnerHomeSampler.Home(wozCents: 30_000_000, debtCents: 15_000_000, interestCents: 499_500))
    #expect(sampler.draw(age: 75, &r) == OwnerHomeSampler.Home(wozCents: 30_000_000, debtCents: 0, interestCents: 0))
    // An age beyond the last band takes the last band.
    #expect(sampler.draw(age: 140, &r).debtCents == 0)
    // Rounding down: 100.001 euros at 0,01 % is 10,0001 euros, so 1.000 cents.
    let odd = try #require(
      OwnerHomeSampler(Scenario.OwnerOccupation(wozWaarde: [[100_001, 100_002, 1]], schuldKlassen: [[1000, 1001]], schuldNaarLeeftijd: [[0, 130, 0, 1]], renteBasispunten: 1)))
    #expect(odd.draw(age: 30, &r).interestCents == 1_000)
  }

  @Test("de marges tellen de eigenaren met schuld per leeftijdsband en de gemiddelde WOZ-waarde")
  func margins() throws {
    let e = try #require(Self.scenario.eigenWoning)
    let p = Self.generate(Self.scenario, count: 20_000)
    let margins = InputMargins.ownerHomes(p, scenario: Self.scenario, date: Self.date)
    #expect(margins.count == e.schuldNaarLeeftijd.count + 1)
    for m in margins {
      // Sampling noise at 20.000 households: a few percentage points at most.
      #expect((m.drawn - m.target).magnitude <= Rational(4) / 100, "\(m.name): \(m.drawn) tegen \(m.target)")
    }
    var without = Self.scenario
    without.eigenWoning = nil
    #expect(InputMargins.ownerHomes(p, scenario: without, date: Self.date).isEmpty)
  }

  @Test("een scenario met een onmogelijke eigen woning wordt geweigerd met het pad", arguments: [
    ("woz_waarde: [[0, 0, 1]]", "eigen_woning.woz_waarde"),
    ("woz_waarde: [[0, 100000, 0]]", "ten minste één klasse met een positief gewicht"),
    ("schuld_klassen: [[800, 700]]", "eigen_woning.schuld_klassen"),
    ("schuld_naar_leeftijd: [[18, 40, 1, 1]]", "getallen"),
    ("schuld_naar_leeftijd: [[18, 40, 1, 1, 1, 1], [45, 130, 1, 1, 1, 1]]", "sluiten aan"),
    ("schuld_naar_leeftijd: [[25, 130, 1, 1, 1, 1]]", "18 jaar of jonger"),
    ("schuld_naar_leeftijd: [[18, 130, 0, 0, 0, 0]]", "niet alle nul"),
    ("rente_basispunten: -5", "eigen_woning.rente_basispunten"),
    ("rente_bp: 5", "onbekende sleutel"),
    ("ijkpunten: {schuld: 0, rente: 1, bron: x}", "eigen_woning.ijkpunten.schuld"),
    ("ijkpunten: {schuld: 1, rente: 20000000000000, bron: x}", "eigen_woning.ijkpunten.rente"),
    ("ijkpunten: {schuld: 1, rente: 1, bron: \" \"}", "eigen_woning.ijkpunten.bron"),
    ("ijkpunten: {schuld: 1, rente: 1, bron: x, jaar: 2024}", "onbekende sleutel"),
    ("ijkpunten: {schuld: 1, rente: 1, bron: null}", "eigen_woning.ijkpunten.bron"),
    ("ijkpunten: {schuld: 1, rente: 1, bron: 12345}", "eigen_woning.ijkpunten.bron"),
    ("woz_waarde: [[100000, 300000, 1000000000000000], [300000, 600000, 1]]", "de gewichten samen"),
    ("woz_waarde: [[75000, 100000000000000000000, 1]]", "eigen_woning.woz_waarde[0][1]' heeft het verkeerde soort waarde (verwacht: een geheel getal); een geheel getal staat er zonder decimalen of eenheid, met hoogstens 18 cijfers"),
    ("schuld_naar_leeftijd: [[18, 45, 1, 600000000000000, 600000000000000, 1], [45, 130, 1, 1, 1, 1]]", "de gewichten samen"),
    ("schuld_naar_leeftijd: [[18, 45, 1, 5000000000000000000, 5000000000000000000, 1], [45, 130, 1, 1, 1, 1]]", "een gewicht is ten hoogste 1000000000000000"),
  ])
  func refused(_ line: String, _ expected: String) throws {
    let text = try Self.nationalWithoutSection()
    let key = String(line.prefix { $0 != ":" })
    // The test section with the line for that key replaced (or, for an unknown key, added).
    var section = Self.sectionYAML.components(separatedBy: "\n").map { $0.hasPrefix("  \(key):") ? "  " + line : $0 }
    if !section.contains("  " + line) { section.append("  " + line) }
    do {
      _ = try Scenario.parse(yaml: text + "\n" + section.joined(separator: "\n") + "\n", path: "s.yaml")
      Issue.record("aanvaard: \(line)")
    } catch {
      #expect("\(error)".contains(expected), "\(error)")
    }
  }

  @Test("ijkpunten: de rente van de steekproef geschaald naar Nederland, de schuld teruggerekend uit de rente")
  func nationalTotals() {
    let t = Scenario.OwnerOccupation.Totals(schuld: 1_000_000, rente: 25_000, bron: "b")
    // 10 households with 1.500 euros of interest together, scaled to 200 households: 30.000 euros;
    // at 2,50 % that is a debt of 1.200.000 euros.
    let m = InputMargins.nationalTotals(t, interestCents: 150_000, basisPoints: 250, sample: 10, national: 200)
    #expect(m.map(\.drawn) == [Rational(12) / 10, Rational(30_000) / 25_000])
    #expect(m.allSatisfy { $0.target == Rational(1) && $0.source.hasSuffix(": b") })
    #expect(InputMargins.nationalTotals(t, interestCents: 1, basisPoints: 250, sample: 0, national: 200).isEmpty)
  }

  @Test("de eigen woning van het landelijke scenario haalt haar ijkpunten en marges binnen de steekproefruis")
  func national() throws {
    let s = PopulationValidationTests.scenario
    let e = try #require(s.eigenWoning, "het landelijke scenario heeft een sectie eigen_woning")
    #expect(e.ijkpunten != nil)
    let margins = InputMargins.ownerHomes(Self.generate(s, count: 100_000, threads: 2), scenario: s, date: Self.date)
    #expect(margins.count == e.schuldNaarLeeftijd.count + 3)
    // At 40.000 households (about 23.000 owners) one standard error was about 0,35 % for the mean WOZ
    // value, 0,8 points for the smallest age band and 0,9 % for the debt and interest totals (61 seeds
    // drawn in review); at 40.000 the band 65–74 once came out 3,1 points low (December 2026, after the
    // income tilt reshuffled the draws; 64,5 % against 65 % in the validation's 5 × 200.000). At 100.000
    // households the errors are about 0,6 times those: the tolerances are four or more of them.
    for m in margins {
      let tolerance = m.name.contains("t.o.v. het ijkpunt") ? 5 : m.name.hasPrefix("eigenaren met") ? 3 : 2
      #expect((m.drawn - m.target).magnitude <= Rational(tolerance) / 100, "\(m.name): \(m.drawn) tegen \(m.target)")
    }
  }

  @Test("de testsectie zelf wordt aanvaard en gelezen zoals bedoeld")
  func accepted() throws {
    let text = try Self.nationalWithoutSection()
    let s = try Scenario.parse(yaml: text + "\n" + Self.sectionYAML + "\n", path: "s.yaml")
    #expect(s.eigenWoning?.schuldNaarLeeftijd == Self.section.schuldNaarLeeftijd && s.eigenWoning?.renteBasispunten == 275)
  }
}

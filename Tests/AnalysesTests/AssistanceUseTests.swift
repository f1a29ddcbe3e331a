@testable import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Who uses the bijstand (`inkomen.bijstand_regeling`, `vermogen_bijstand`): the generator marks the units
/// it draws on the bijstand as users and the others of their ages as non-users, gives the users a
/// vermogen under the vermogenstoets, and non-take-up follows the marks instead of drawing again.
@Suite("Gebruik van de bijstand")
struct AssistanceUseTests {
  static let date = CivilDate(iso: "2025-07-01")!

  /// 20.000 households of the national scenario on 2 threads, checked to carry the same marks on 1 thread.
  static func marked() -> PopulationData {
    let generator = Generator(scenario: PopulationValidationTests.scenario, program: Repository.engine.program, date: date)
    let p = generator.generate(count: 20_000, threads: 2)
    #expect(p.assistanceUse.count == p.householdCount)
    #expect(generator.generate(count: 20_000, threads: 1).assistanceUse == p.assistanceUse)
    return p
  }

  @Test("de generator merkt wie van de bijstand leeft als gebruiker, de anderen van die leeftijden niet, op ieder aantal threads gelijk")
  func marks() throws {
    let p = Self.marked()
    guard case .int64(let income)? = p.personalIncome, case .int64(let vermogen)? = p.personColumns["vermogen"],
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { Issue.record("geen inkomen, vermogen of geboortedatum"); return }
    var counts: [AssistanceUse: Int] = [:]
    func partnerAge(_ h: Int) -> Int { CivilDate(dayNumber: Int(birth[Int(p.personStart[h]) + 1])).age(on: Self.date).years }
    for h in 0..<p.householdCount {
      let head = Int(p.personStart[h])
      let couple = p.personStart[h + 1] - p.personStart[h] > 1 && p.role[head + 1] == 1
      let age = CivilDate(dayNumber: Int(birth[head])).age(on: Self.date).years
      let use = p.assistanceUse(h)
      counts[use, default: 0] += 1
      switch use {
      case .user:
        // No income on either side, a vermogen from vermogen_bijstand (at most 7.770 euro), of the ages drawn.
        #expect(income[head] == 0 && (!couple || income[head + 1] == 0), "huishouden \(h)")
        #expect(vermogen[head] + (couple ? vermogen[head + 1] : 0) < 777_000, "huishouden \(h)")
        #expect((18..<67).contains(age), "huishouden \(h): \(age) jaar")
      case .nonUser:
        #expect((18..<67).contains(age) && (!couple || partnerAge(h) < 67), "huishouden \(h): \(age) jaar")
      case .unknown:
        // Outside the ages of the draw, or a partner past them: an AIO case.
        #expect(!(18..<67).contains(age) || (couple && partnerAge(h) >= 67), "huishouden \(h): \(age) jaar")
      }
    }
    // About 297.000 of 8,2 million households live on the bijstand (3,6 %); three standard errors on 20.000.
    let users = counts[.user, default: 0]
    #expect(abs(users - 724) < 80, "\(users) gebruikers")
    #expect(counts[.nonUser, default: 0] > 10 * users)
    // A household document says nothing about it; splitting a couple keeps the mark on both halves.
    let (split, origin) = p.splittingPartners { p.assistanceUse($0) == .user }
    #expect(split.assistanceUse.count == split.householdCount)
    #expect((0..<split.householdCount).allSatisfy { split.assistanceUse[$0] == p.assistanceUse[Int(origin[$0])] })
    var joined = p
    joined.append(p)
    #expect(joined.assistanceUse == p.assistanceUse + p.assistanceUse)
    #expect(PopulationData.concatenate([p, p]).assistanceUse == p.assistanceUse + p.assistanceUse)
  }

  @Test("een gebruiker vraagt aan, een niet-gebruiker van die leeftijden niet, de rest trekt het percentage; andere regelingen negeren het")
  func declines() throws {
    let nonTakeUp = NonTakeUp(scenario: PopulationValidationTests.scenario, seed: 7)
    let draw = try #require(nonTakeUp.draw(forOutput: "bijstand.maandbedrag"))
    #expect(draw.rate == 291 && draw.drawnUsers != nil)
    #expect(draw.note == "aanvrager (en partner) 18–66 jaar: alleen wie als bijstandsontvanger getrokken is (inkomen.bijstand_in_inkomen) vraagt aan; overige aanvragers (zoals de AIO) 29,1 %")
    let n = 20_000
    #expect((0..<n).allSatisfy { !draw.declines($0, use: .user, amount: 1, norm: 1) })
    #expect((0..<n).allSatisfy { draw.declines($0, use: .nonUser, amount: 1, norm: 1) })
    #expect((0..<n).allSatisfy { draw.declines($0, use: .unknown, amount: 1, norm: 1) == draw.declines($0) })
    let older = (0..<n).filter { draw.declines($0, use: .unknown, amount: 1, norm: 1) }.count
    #expect(abs(older - 5_820) < 200, "\(older)")
    // The zorgtoeslag has no drawn users: the mark is not read.
    let zorg = try #require(nonTakeUp.draw(forOutput: "zorgtoeslag.jaarbedrag"))
    #expect(zorg.drawnUsers == nil && zorg.note == "12 %")
    #expect((0..<2_000).allSatisfy { zorg.declines($0, use: .user, amount: nil, norm: nil) == zorg.declines($0) })
    // Through the outcomes, household by household of the population they belong to.
    let population = PopulationData(
      householdCount: 3, personStart: [0, 1, 2, 3], role: [0, 0, 0], householdColumns: [:], personColumns: [:],
      householdType: [0, 0, 0], assistanceUse: [AssistanceUse.user, .nonUser, .unknown].map(\.rawValue))
    let outcomes = Outcomes(
      outputs: [], ids: ["bijstand.maandbedrag"], factors: [12], kinds: [.payment], payments: [0],
      yearly: [[100, 100, 100]], undecided: [[false, false, false]], householdCount: 3)
    let declines = outcomes.decliner(draw, population: population)
    #expect(!declines(0) && declines(1) && declines(2) == draw.declines(2))
    // In a variant, a non-user the baseline did not entitle was no counted non-user: it draws the rate.
    let variant = outcomes.decliner(draw, population: population, entitledBefore: { $0 != 1 })
    #expect(!variant(0) && variant(1) == draw.declines(1) && variant(2) == draw.declines(2))
    // Only a regeling with a norm can be the bijstand's.
    var s = PopulationValidationTests.scenario
    s.inkomen.bijstandRegeling = "zorgtoeslag"
    #expect(Repository.engine.scenarioProblems(s, path: "s.yaml").contains { $0.hasPrefix("s.yaml: inkomen.bijstand_regeling: 'zorgtoeslag' heeft geen norm, de bijstand wel") })
    #expect(Repository.engine.scenarioProblems(PopulationValidationTests.scenario, path: "s.yaml").isEmpty)
  }

  @Test("recht is uitgaven plus niet-gebruik; de samenvatting zegt hoe, en telt als uitgaven alleen de gebruikers")
  func figures() throws {
    let engine = Repository.engine
    let measured = try PopulationValidation.measure(engine, PopulationValidationTests.scenario, seed: 3, date: Self.date, households: 10_000, threads: 2)
    func figure(_ grondslag: String, _ maat: String) -> Int128 {
      let f = ValidationSpec.Figure(
        naam: "x", uitvoer: "bijstand.bruto_jaarbedrag_gemeente", samenMet: nil, maat: maat, grondslag: grondslag, jaar: 2025,
        peildatum: "2025-07-01", waarde: 1, bron: "b", betrouwbaarheid: "H", definitie: "d")
      return measured.figure(f, national: 10_000)
    }
    for maat in ["ontvangers", "jaartotaal"] {
      let (all, claimed, left) = (figure("recht", maat), figure("uitgaven", maat), figure("niet_gebruik", maat))
      #expect(claimed > 0 && left > 0)
      // Each is rounded to whole households or euros on its own.
      #expect(abs(all - claimed - left) <= 1, "\(maat): \(all) tegen \(claimed) + \(left)")
    }
    // The municipal bijstand goes to households below the AOW age: only the drawn users claim it.
    let p = measured.population
    let o = try #require(measured.outcomes.index(of: "bijstand.bruto_jaarbedrag_gemeente"))
    let users = (0..<p.householdCount).filter { p.assistanceUse($0) == .user && !measured.outcomes.undecided[o][$0] && measured.outcomes.yearly[o][$0] != 0 }.count
    #expect(figure("uitgaven", "ontvangers") == Int128(users))
  }

  @Test("de samenvatting van simulate zegt wie de bijstand gebruikt en waar hun vermogen vandaan komt")
  func summary() throws {
    let simulation = try Repository.engine.simulate(date: Self.date, households: 2_000, seed: 5, scenario: PopulationValidationTests.scenario, threads: 2)
    let summary = SimulationSummary(simulation)
    #expect(summary.assistanceNote?.hasSuffix("; hun vermogen uit vermogen_bijstand (€ 0–7.770)") == true)
    let bijstand = try #require(summary.outputs.first { $0.id == "bijstand.maandbedrag" }?.claimed)
    #expect(bijstand.drawnUsers == "aanvrager (en partner) 18–66 jaar: alleen wie als bijstandsontvanger getrokken is (inkomen.bijstand_in_inkomen) vraagt aan")
    // The long lines are broken between words; joined again for the comparison.
    let text = summary.text(date: Self.date, seed: 5, scenario: "s.yaml").replacingOccurrences(of: "\n" + String(repeating: " ", count: 15), with: " ")
    // The share that results comes first: it is not one of the rates.
    let entitled = try #require(summary.outputs.first { $0.id == "bijstand.maandbedrag" }).recipients
    let share = DutchFormat.number(
      (Rational((entitled - bijstand.recipients) * 100) / entitled).rounded(to: Rational(numerator: 1, denominator: 10), mode: .rekenkundig), maxFractionDigits: 1, minFractionDigits: 1)
    #expect(!share.contains("≈"))
    #expect(text.contains("ontvangers (niet-gebruik \(share) % van de rechthebbenden; aanvrager (en partner) 18–66 jaar: alleen wie als bijstandsontvanger getrokken is (inkomen.bijstand_in_inkomen) vraagt aan; overige aanvragers (zoals de AIO) 29,1 %)"))
    #expect(text.contains("ontvangers (niet-gebruik 12 %)"))
    let json = "\(summary.json(date: Self.date, seed: 5, scenario: "s.yaml"))"
    #expect(json.contains("drawn_users"))
  }

  @Test("een lege of verschreven bijstand_regeling, een regeling zonder niet_gebruik, vermogen_bijstand zonder leefvorm of met een verkeerde klasse: geweigerd")
  func refused() throws {
    let line = "  bijstand_regeling: bijstand\n"
    #expect(scenarioRefusal(line, "  bijstand_regeling: bijstnd\n").contains("inkomen.bijstand_regeling: 'bijstnd' staat niet in niet_gebruik; bedoelt u 'bijstand'?"))
    #expect(scenarioRefusal(line, "  bijstand_regeling:\n").contains("'inkomen.bijstand_regeling' heeft geen waarde; verwacht: een waarde, of laat de sleutel weg"))
    #expect(scenarioRefusal(line, "  bijstand_regeling: ''\n").contains("inkomen.bijstand_regeling: de code van een regeling uit niet_gebruik (bijstand, huurtoeslag, kindgebonden_budget, zorgtoeslag), geen lege tekst"))
    #expect(scenarioRefusal(line, "  bijstand_regelng: bijstand\n").contains("bedoelt u 'bijstand_regeling'?"))
    #expect(scenarioRefusal("  bijstand: 291\n", "").contains("inkomen.bijstand_regeling: 'bijstand' staat niet in niet_gebruik"))
    let wealth = "vermogen_bijstand: [[0, 1000, 48], [1000, 7770, 52]]\n"
    #expect(scenarioRefusal(wealth, "vermogen_bijstand:\n").contains("'vermogen_bijstand' heeft geen waarde"))
    #expect(scenarioRefusal(wealth, "vermogen_bijstand: [[0, 1000, 48], [1000, 900, 52]]\n").contains("vermogen_bijstand: iedere klasse is [van, tot, gewicht]"))
    #expect(scenarioRefusal(wealth, "vermogen_bijstand: [[0, 1000, -48], [1000, 7770, 52]]\n").contains("vermogen_bijstand"))
    #expect(scenarioRefusal(wealth, "vermogen_bijstand: [[0, 1000, 0], [1000, 7770, 0]]\n").contains("vermogen_bijstand"))
    #expect(scenarioRefusal(wealth, "vermogen_bijstand: [[0, 1000, 48], [1000, 200000000000, 52]]\n").contains("vermogen_bijstand: bedragen van 0 tot en met"))
    // Both need the units drawn per leefvorm.
    var s = PopulationValidationTests.scenario
    s.inkomen.bijstandNaarLeefvorm = nil
    #expect(throws: ScenarioError.self) { try s.validateAssistanceRegeling { ScenarioError(description: $0) } }
    do { try s.validateAssistanceRegeling { ScenarioError(description: $0) } } catch {
      #expect("\(error)".hasPrefix("vermogen_bijstand: vraagt inkomen.bijstand_naar_leefvorm"))
    }
    s.vermogenBijstand = nil
    do { try s.validateAssistanceRegeling { ScenarioError(description: $0) } } catch {
      #expect("\(error)".hasPrefix("inkomen.bijstand_regeling: vraagt inkomen.bijstand_naar_leefvorm"))
    }
    #expect(scenarioRefusal(line, line) == "" && scenarioRefusal(wealth, wealth) == "")
  }
}

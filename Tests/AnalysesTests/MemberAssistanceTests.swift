@testable import Analyses
import ExactArithmetic
import Population
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The bijstand of those who live with the aanvrager (Participatiewet artikel 4, the outputs
/// `bijstand.medebewoners_…`): the generator marks a household whose adult child or housemate it drew on
/// the bijstand, and non-take-up of those outputs follows that mark, not the aanvrager's.
@Suite("Eigen bijstand van medebewoners")
struct MemberAssistanceTests {
  static let date = CivilDate(iso: "2025-07-01")!

  @Test("de generator merkt een huishouden met een medebewoner in de bijstand; die heeft geen inkomen en studeert niet")
  func marks() throws {
    let p = AssistanceUseTests.marked()
    guard case .int64(let income)? = p.personalIncome, case .int32(let birth)? = p.personColumns["geboortedatum"],
      case .uint8(let studying)? = p.personColumns["studerend"], case .uint8(let grant)? = p.personColumns["studiefinanciering"],
      case .uint8(let lodger)? = p.personColumns["commerciele_huurder"]
    else { Issue.record("een kolom ontbreekt"); return }
    var counts: [AssistanceUse: Int] = [:]
    for h in 0..<p.householdCount {
      let use = p.assistanceUse(h, members: true)
      counts[use, default: 0] += 1
      // The others of the household: adults who are not the aanvrager or the partner, nor a lodger.
      let others = (Int(p.personStart[h])..<Int(p.personStart[h + 1])).filter {
        p.role[$0] >= 2 && lodger[$0] == 0 && CivilDate(dayNumber: Int(birth[$0])).age(on: Self.date).years >= 18
      }
      let ofAges = others.filter { (18..<67).contains(CivilDate(dayNumber: Int(birth[$0])).age(on: Self.date).years) }
      switch use {
      case .user:
        #expect(ofAges.contains { income[$0] == 0 && studying[$0] == 0 && grant[$0] == 0 }, "huishouden \(h)")
      case .nonUser:
        #expect(!ofAges.isEmpty, "huishouden \(h)")
      case .unknown:
        #expect(ofAges.isEmpty, "huishouden \(h)")
      }
      // Whoever studies has studiefinanciering (scenario `medebewoners`): no bijstand (Pw art. 13 lid 2 onder c).
      for i in others { #expect(studying[i] == grant[i], "persoon \(i)") }
    }
    // 9 % of 394.000 users live as 'overig' (bijstand_naar_leefvorm): about 35.000 in 8,4 million
    // households, 85 in 20.000; a lodger among them has his own household and no mark here.
    let users = counts[.user, default: 0]
    #expect((45...125).contains(users), "\(users) huishoudens")
    // The aanvrager's mark is untouched by it.
    #expect((0..<p.householdCount).allSatisfy { p.assistanceUse($0) == AssistanceUse(packed: p.assistanceUse[$0], members: false) })
  }

  @Test("het niet-gebruik van bijstand.medebewoners_… volgt de trekking van de medebewoners, met een eigen trekking voor de rest")
  func declines() throws {
    let nonTakeUp = NonTakeUp(scenario: PopulationValidationTests.scenario, seed: 7)
    let own = try #require(nonTakeUp.draw(forOutput: "bijstand.maandbedrag"))
    let members = try #require(nonTakeUp.draw(forOutput: "bijstand.medebewoners_maandbedrag"))
    #expect(!own.members && members.members && members.rate == own.rate)
    #expect(members.note.hasPrefix("medebewoners (kinderen van 18 jaar of ouder, huisgenoten) 18–66 jaar: alleen waar een van hen als bijstandsontvanger getrokken is"))
    #expect(members.note.hasSuffix("; overige medebewoners (zoals de AIO) 29,1 %"))
    // The others who are not of the draw's ages draw apart from their aanvrager.
    #expect((0..<2_000).contains { members.declines($0) != own.declines($0) })
    // Another regeling's members' output has no drawn users.
    let zorg = try #require(nonTakeUp.draw(forOutput: "zorgtoeslag.medebewoners_jaarbedrag"))
    #expect(!zorg.members && zorg.drawnUsers == nil)
    #expect(NonTakeUp.isMembersOutput("bijstand.medebewoners_bruto_jaarbedrag_gemeente") && !NonTakeUp.isMembersOutput("medebewoners_x.y"))
    let marks: [UInt8] = [
      AssistanceUse.packed(unit: .user, members: .nonUser), AssistanceUse.packed(unit: .nonUser, members: .user),
      AssistanceUse.packed(unit: .unknown, members: .unknown),
    ]
    let population = PopulationData(
      householdCount: 3, personStart: [0, 1, 2, 3], role: [0, 0, 0], householdColumns: [:], personColumns: [:],
      householdType: [0, 0, 0], assistanceUse: marks)
    let outcomes = Outcomes(
      outputs: [], ids: ["bijstand.maandbedrag", "bijstand.medebewoners_maandbedrag"], factors: [12, 12], kinds: [.payment, .payment],
      payments: [0, 1], yearly: [[100, 100, 100], [100, 100, 100]], undecided: [[false, false, false], [false, false, false]], householdCount: 3)
    let unit = outcomes.decliner(own, population: population), others = outcomes.decliner(members, population: population)
    #expect(!unit(0) && unit(1) && unit(2) == own.declines(2))
    #expect(others(0) && !others(1) && others(2) == members.declines(2))
  }

  @Test("simulate telt als uitgaven van de medebewoners alleen de huishoudens waar een van hen getrokken is")
  func summary() throws {
    let simulation = try Repository.engine.simulate(date: Self.date, households: 20_000, seed: 5, scenario: PopulationValidationTests.scenario, threads: 2)
    let summary = SimulationSummary(simulation)
    let out = try #require(summary.outputs.first { $0.id == "bijstand.medebewoners_maandbedrag" })
    let claimed = try #require(out.claimed)
    #expect(claimed.drawnUsers?.hasPrefix("medebewoners (kinderen van 18 jaar of ouder, huisgenoten)") == true)
    #expect(claimed.recipients > 0 && claimed.recipients < out.recipients)
    let p = simulation.population
    let users = (0..<p.householdCount).filter { p.assistanceUse($0, members: true) == .user }.count
    // Nearly every drawn housemate has a right (no income, no vermogen); the few others are AIO-aged
    // housemates beside them, who draw the rate.
    #expect(claimed.recipients <= users + users / 5 && claimed.recipients * 10 >= users * 8, "\(claimed.recipients) tegen \(users)")
  }
}

@testable import Analyses
import ExactArithmetic
import Population
import RuleIR
@testable import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Non-take-up by the size of the aanvulling (`niet_gebruik_naar_aanvulling`): the same draw per household
/// meets the rate of its side of the boundary, undecided amounts keep the flat rate, a reform that moves a
/// household across the boundary moves its rate, and malformed sections are refused with the path.
@Suite("Niet-gebruik naar de hoogte van de aanvulling")
struct NonTakeUpByTopUpTests {
  static let split = Scenario.NonTakeUpByTopUp(bedrag: "bijstand.maandbedrag", norm: "bijstand.maandnorm", grensProcent: 80, vanafGrens: 169, onderGrens: 731)

  static func draw(_ split: Scenario.NonTakeUpByTopUp? = split) throws -> NonTakeUp.Draw {
    // The rates of the split's derivation (Inspectie SZW, 2018), without the national scenario's drawn users.
    var s = PopulationValidationTests.scenario
    s.nietGebruik?["bijstand"] = 350
    s.inkomen.bijstandRegeling = nil
    s.nietGebruikNaarAanvulling = split.map { ["bijstand": $0] }
    return try #require(NonTakeUp(scenario: s, seed: 11).draw(forOutput: "bijstand.maandbedrag"))
  }

  @Test("vanaf de grens het ene percentage, eronder het andere, met dezelfde trekking; zonder bedrag of norm het vaste")
  func rates() throws {
    let d = try Self.draw()
    let n = 100_000
    let full = (0..<n).filter { d.declines($0, amount: 80_000, norm: 100_000) }.count
    let small = (0..<n).filter { d.declines($0, amount: 79_999, norm: 100_000) }.count
    let open = (0..<n).filter { d.declines($0, amount: nil, norm: 100_000) }.count
    // Three standard errors of a binomial count of 100.000 are at most about 450.
    #expect(abs(full - 16_900) < 450 && abs(small - 73_100) < 450 && abs(open - 35_000) < 450, "\(full), \(small), \(open)")
    // One draw per household: whoever declines at the low rate also declines at the higher ones.
    #expect((0..<n).allSatisfy { !d.declines($0, amount: 90_000, norm: 100_000) || d.declines($0, amount: 10_000, norm: 100_000) })
    #expect((0..<2_000).allSatisfy { d.declines($0, amount: 5, norm: 0) == d.declines($0) })
    // With both rates equal to niet_gebruik nothing changes, and without the section neither.
    let same = try Self.draw(Scenario.NonTakeUpByTopUp(bedrag: "bijstand.maandbedrag", norm: "bijstand.maandnorm", grensProcent: 80, vanafGrens: 350, onderGrens: 350))
    let flat = try Self.draw(nil)
    #expect((0..<5_000).allSatisfy { h in same.declines(h, amount: Int64(h * 37 % 2_000), norm: 1_000) == flat.declines(h) })
    #expect((0..<5_000).allSatisfy { h in flat.declines(h, amount: Int64(h % 3), norm: 2) == flat.declines(h) })
  }

  @Test("per huishouden op zijn eigen uitkomsten: wie in de variant de grens passeert, heeft daar het andere percentage")
  func crossing() throws {
    let d = try Self.draw()
    func outcomes(amount: Int64) -> Outcomes {
      Outcomes(
        outputs: [], ids: ["bijstand.maandbedrag", "bijstand.maandnorm"], factors: [12, 12], kinds: [.payment, .norm], payments: [0],
        yearly: [[Int64](repeating: amount, count: 1_000), [Int64](repeating: 1_200_000, count: 1_000)],
        undecided: [[Bool](repeating: false, count: 1_000), [Bool](repeating: false, count: 1_000)], householdCount: 1_000)
    }
    // The scenario names no bijstand_regeling here: the population's draw of who lives on it is not read.
    let none = PopulationData.concatenate([])
    let small = outcomes(amount: 120_000).decliner(d, population: none)
    let full = outcomes(amount: 1_200_000).decliner(d, population: none)
    #expect((0..<1_000).allSatisfy { small($0) == d.declines($0, amount: 120_000, norm: 1_200_000) && full($0) == d.declines($0, amount: 1, norm: 1) })
    #expect((0..<1_000).filter(small).count > (0..<1_000).filter(full).count + 400)
    // An undecided norm gives the flat rate.
    var open = outcomes(amount: 120_000)
    open = Outcomes(
      outputs: [], ids: open.ids, factors: open.factors, kinds: open.kinds, payments: open.payments, yearly: open.yearly,
      undecided: [open.undecided[0], [Bool](repeating: true, count: 1_000)], householdCount: 1_000)
    #expect((0..<1_000).allSatisfy { open.decliner(d, population: none)($0) == d.declines($0) })
  }

  @Test("een onbekende sleutel, een grens of percentage buiten bereik, een uitvoer van een andere regeling of zonder niet_gebruik: geweigerd met het pad")
  func refused() {
    // The national scenario has no split of its own (the bijstand's users are drawn): the section is
    // put in front of niet_gebruik, with one piece of it changed.
    let section = """
      niet_gebruik_naar_aanvulling:
        bijstand:
          bedrag: bijstand.maandbedrag
          norm: bijstand.maandnorm
          grens_procent: 80
          vanaf_grens: 169
          onder_grens: 731

      """
    func refusal(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
      #expect(section.contains(old), sourceLocation: sourceLocation)
      return scenarioRefusal("\nniet_gebruik:\n", "\n" + section.replacingOccurrences(of: old, with: new) + "niet_gebruik:\n", sourceLocation: sourceLocation)
    }
    #expect(scenarioRefusal("\nniet_gebruik:\n", "\n" + section + "niet_gebruik:\n") == "")
    let line = "    onder_grens: 731\n"
    #expect(refusal(line, "    onder_grns: 731\n").contains("onbekende sleutel 'niet_gebruik_naar_aanvulling.bijstand.onder_grns'; bedoelt u 'onder_grens'?"))
    #expect(refusal("    grens_procent: 80\n", "    grens_procent: 0\n").contains("niet_gebruik_naar_aanvulling.bijstand.grens_procent: een percentage van 1 tot en met 100, niet 0"))
    #expect(refusal(line, "    onder_grens: 1001\n").contains("niet_gebruik_naar_aanvulling.bijstand.onder_grens: een aantal per duizend van 0 tot en met 1000, niet 1001"))
    #expect(refusal("    norm: bijstand.maandnorm\n", "    norm: huurtoeslag.maandbedrag\n").contains("niet_gebruik_naar_aanvulling.bijstand.norm: een uitvoer van de regeling bijstand"))
    #expect(refusal("    norm: bijstand.maandnorm\n", "    norm: bijstand.maandbedrag\n").contains("bedrag en norm zijn dezelfde uitvoer"))
    // Without a flat rate for the regeling.
    let rates = "\nniet_gebruik:\n  zorgtoeslag: 120\n  huurtoeslag: 110\n  kindgebonden_budget: 80\n  bijstand: 291\n"
    let withoutRate = "\n" + section + rates.replacingOccurrences(of: "  bijstand: 291\n", with: "")
    #expect(scenarioRefusal(rates, withoutRate).contains("niet_gebruik_naar_aanvulling.bijstand: vraagt ook niet_gebruik.bijstand"))
    // A misspelled regeling is named with what was probably meant, not sent to niet_gebruik.
    #expect(refusal("niet_gebruik_naar_aanvulling:\n  bijstand:\n", "niet_gebruik_naar_aanvulling:\n  bijstandd:\n").contains("niet_gebruik_naar_aanvulling.bijstandd: geen regeling uit niet_gebruik (bijstand, huurtoeslag, kindgebonden_budget, zorgtoeslag); bedoelt u 'bijstand'?"))
  }

  @Test("wat alleen de regels zien: een verschreven uitvoer met suggestie, een bedrag dat geen betaling is, een ander type")
  func problems() {
    let engine = PopulationValidationTests.engine
    func problems(_ split: Scenario.NonTakeUpByTopUp) -> [String] {
      var s = PopulationValidationTests.scenario
      s.nietGebruikNaarAanvulling = ["bijstand": split]
      return engine.scenarioProblems(s, path: "s.yaml")
    }
    var s = Self.split
    #expect(problems(s).isEmpty)
    s.norm = "bijstand.maandnrm"
    #expect(problems(s) == ["s.yaml: niet_gebruik_naar_aanvulling.bijstand.norm: geen uitvoer 'bijstand.maandnrm'; bedoelt u 'bijstand.maandnorm'?"])
    s = Self.split
    s.bedrag = "bijstand.maandnorm"
    s.norm = "bijstand.maandbedrag"
    #expect(problems(s).contains { $0.contains("bedrag: 'bijstand.maandnorm' is een norm, geen betaling") })
    s = Self.split
    s.norm = "bijstand.bruto_jaarbedrag"
    #expect(problems(s).contains { $0.contains("bedrag en norm hebben een ander type") })
  }

  @Test("een uitvoer die op de peildatum niet geldt, wordt genoemd; op een datum waarop hij geldt niet")
  func outOfForce() throws {
    let engine = PopulationValidationTests.engine
    var s = PopulationValidationTests.scenario
    s.nietGebruikNaarAanvulling = ["bijstand": Self.split]
    let before = try #require(CivilDate(iso: "2023-07-01"))
    let during = try #require(CivilDate(iso: "2025-07-01"))
    #expect(engine.scenarioProblems(s, path: "s.yaml", dates: [during]).isEmpty)
    let problems = engine.scenarioProblems(s, path: "s.yaml", dates: [during, before, before])
    #expect(problems == [
      "s.yaml: niet_gebruik_naar_aanvulling.bijstand.bedrag: 'bijstand.maandbedrag' geldt niet op 1 juli 2023 (geen versie van die regeling met deze uitvoer); zonder bedrag of norm gold dan voor ieder huishouden het vaste niet_gebruik",
      "s.yaml: niet_gebruik_naar_aanvulling.bijstand.norm: 'bijstand.maandnorm' geldt niet op 1 juli 2023 (geen versie van die regeling met deze uitvoer); zonder bedrag of norm gold dan voor ieder huishouden het vaste niet_gebruik",
    ])
  }
}

import Analyses
import ExactArithmetic
import Population
import RuleIR
import RuleKernel
import Synthesis
import TestSupport
import Testing

/// A population that leaves the toetsingsinkomen to the rules (`inkomensbron.toetsingsinkomen:
/// afgeleid`): the column is absent where the Awir of the date derives it and present where it does
/// not (2024), the drawn income stays for the analyses, and the kernel gives what the reference gives,
/// also after the misreport that gives one partner's estimate.
@Suite("Afgeleid toetsingsinkomen in de synthetische bevolking")
struct DerivedIncomeTests {
  static let engine = Repository.engine

  static let scenario: Scenario = {
    var s = DifferentialTests.scenario
    s.zaad = 17
    s.inkomensbron?.toetsingsinkomen = "afgeleid"
    s.eigenWoning = DifferentialTests.ownerScenario.eigenWoning
    return s
  }()

  static func generate(_ s: Scenario, on date: CivilDate, count: Int = 2_500) -> PopulationData {
    Generator(scenario: s, program: engine.program, date: date).generate(count: count, threads: 2)
  }

  @Test("Vanaf 2025 leiden de regels het toetsingsinkomen af; in 2024 leest de Awir alleen het opgegeven")
  func derivesWhenAbsent() {
    let program = Self.engine.program
    #expect(!program.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2024-07-01")!))
    #expect(program.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2025-07-01")!))
    #expect(program.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2026-01-01")!))
    #expect(program.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2026-07-01")!))
    // From 2027 the Awir of 2026 still holds, but the inkomstenbelasting it derives from ends ('Gebruik … tot').
    #expect(!program.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2027-03-01")!))
    // A field no rule asks about (the rent) is never derived; an unknown field neither.
    #expect(!program.derivesWhenAbsent(field: "woning.rekenhuur", on: CivilDate(iso: "2026-01-01")!))
    #expect(!program.derivesWhenAbsent(field: "geen_veld", on: CivilDate(iso: "2026-01-01")!))
  }

  @Test("Een regel die het inkomen leest zonder te vragen of het is opgegeven, houdt het veld verplicht")
  func unguardedReadKeepsTheField() throws {
    func derives(_ rules: String) throws -> Bool {
      let law = RegulationFixture.header(code: "test") + "## Artikel 1\n\n```regels\n" + rules + "\n```\n"
      let (program, diagnostics) = RegulationFixture.compile(["test.md": law])
      let p = try #require(program, "\(RegulationFixture.errors(diagnostics))")
      return p.derivesWhenAbsent(field: "toetsingsinkomen", on: CivilDate(iso: "2025-06-01")!)
    }
    let guarded = """
      Het bedrag is het inkomen van de aanvrager indien het inkomen van de aanvrager is opgegeven.
      Anders is het bedrag € 0 per jaar.
      """
    #expect(try derives(guarded))
    #expect(try !derives(guarded + "\nHet gezinsbedrag is het inkomen van de aanvrager."))
    #expect(try !derives("Het gezinsbedrag is € 5 per jaar indien het inkomen van de aanvrager bedraagt meer dan € 0."))
    // The guard must be for the person read, required, and not negated; a read inside a sum is unguarded.
    #expect(try !derives("Het bedrag is het inkomen van de partner indien het inkomen van de aanvrager is opgegeven.\nAnders is het bedrag € 0 per jaar."))
    #expect(try !derives("Het bedrag is het inkomen van de aanvrager indien het inkomen van de aanvrager is niet opgegeven.\nAnders is het bedrag € 0 per jaar."))
    #expect(try !derives("Het bedrag is de som van het inkomen van de kinderen indien het inkomen van de aanvrager is opgegeven.\nAnders is het bedrag € 0 per jaar."))
  }

  @Test("De kolom ontbreekt waar de regels afleiden; het getrokken inkomen blijft", arguments: ["2024-07-01", "2025-07-01", "2026-01-01"])
  func columns(date: String) throws {
    let day = CivilDate(iso: date)!
    let derived = Self.generate(Self.scenario, on: day, count: 3_000)
    var givenScenario = Self.scenario
    givenScenario.inkomensbron?.toetsingsinkomen = "opgegeven"
    let given = Self.generate(givenScenario, on: day, count: 3_000)
    let derives = day.year >= 2025
    #expect((derived.personColumns["toetsingsinkomen"] == nil) == derives)
    // The drawn personal income is always kept: beside a given, fiscal toetsingsinkomen since the scenario
    // takes the werkgeversheffing Zvw out (inkomensbron.werkgeversheffing_zvw).
    #expect(derived.personColumns[PopulationData.personalIncomeColumn] != nil)
    #expect(derived.derivesToetsingsinkomen == derives)
    // With the werkgeversheffing Zvw taken out, a given toetsingsinkomen is fiscal and the drawn personal
    // income stays beside it, for the deciles and the calibrations.
    #expect(!given.derivesToetsingsinkomen && given.personColumns[PopulationData.personalIncomeColumn] != nil)
    // The same draws. The derived population keeps CBS's personal income; a given toetsingsinkomen is
    // fiscal: loon or uitkering without the werkgeversheffing Zvw (inkomensbron.werkgeversheffing_zvw),
    // the rest (pension with the AOW part, no income) as drawn.
    #expect(derived.personalIncome == given.personalIncome)
    #expect(derived.householdPersonalIncome() == given.householdPersonalIncome())
    guard case .int64(let personal)? = derived.personalIncome, case .int64(let toets)? = given.personColumns["toetsingsinkomen"],
      case .int64(let loon)? = given.personColumns["loon"], case .int64(let uitkering)? = given.personColumns["uitkering"]
    else {
      Issue.record("kolommen persoonlijk inkomen, toetsingsinkomen, loon of uitkering ontbreken")
      return
    }
    var levied = 0
    for i in personal.indices {
      let wage = loon[i] + uitkering[i]
      #expect(toets[i] == (wage > 0 ? wage : personal[i]), "persoon \(i)")
      if wage > 0, wage < personal[i] { levied += 1 }
    }
    // In 2024 both populations give the (fiscal) toetsingsinkomen, so there is nothing to compare it with.
    #expect(!derives || levied > 100)
    for (name, column) in given.personColumns where name != "toetsingsinkomen" { #expect(derived.personColumns[name] == column, "\(name)") }
    // A 2024 variant on the derived population gives the same fiscal toetsingsinkomen as the generator.
    #expect(derived.givingToetsingsinkomen(where: Self.engine.program, on: CivilDate(iso: "2024-07-01")!).personColumns["toetsingsinkomen"] == (derives ? given.personColumns["toetsingsinkomen"] : derived.personColumns["toetsingsinkomen"]))
    #expect(derived.householdColumns.keys.sorted() == given.householdColumns.keys.sorted())
  }

  @Test("Kernel gelijk aan de referentie met een afgeleid toetsingsinkomen", arguments: ["2024-07-01", "2025-07-01", "2026-01-01"])
  func kernelEqualsReference(date: String) {
    let day = CivilDate(iso: date)!
    let (m, _) = DifferentialTests.mismatches(Self.generate(Self.scenario, on: day), date: day)
    #expect(m.isEmpty, "\(m.prefix(10))")
  }

  @Test("Het geschatte inkomen van de partner: opgegeven voor de partner alleen, de rest afgeleid")
  func partnerEstimate() throws {
    let day = CivilDate(iso: "2026-01-01")!
    let population = Self.generate(Self.scenario, on: day, count: 1_500)
    let misreport = try #require(Misreport.catalogue.first { $0.id == "inkomen-partner" })
    let (edited, origin, applies) = misreport.apply(to: population, program: Self.engine.program)
    #expect(origin == nil && applies.contains(true))
    let presence = try #require(edited.personColumns[PopulationData.presenceColumn(for: "toetsingsinkomen")])
    for row in 0..<edited.personCount { #expect(presence[row] == (edited.role[row] == 1 ? 1 : 0)) }
    let (m, _) = DifferentialTests.mismatches(edited, date: day)
    #expect(m.isEmpty, "\(m.prefix(10))")
    // Households with bijstand are left out when the truthful outcomes are given: the model would also
    // drop the aanvrager's bruto bijstand from his toetsingsinkomen.
    let truth = Outcomes.compute(program: Self.engine.program, population: population, date: day, threads: 2)
    let b = try #require(truth.index(of: "bijstand.bruto_jaarbedrag"))
    let withBijstand = (0..<population.householdCount).filter { truth.yearly[b][$0] != 0 && applies[$0] }
    #expect(!withBijstand.isEmpty)
    let (_, _, refined) = misreport.apply(to: population, program: Self.engine.program, baseline: truth)
    for h in 0..<population.householdCount { #expect(refined[h] == (applies[h] && truth.yearly[b][h] == 0 && !truth.undecided[b][h])) }
    // The estimate matters: some household gets more zorgtoeslag than with the partner's derived income.
    #expect(Self.total("zorgtoeslag.jaarbedrag", edited, date: day) > Self.total("zorgtoeslag.jaarbedrag", population, date: day))
  }

  @Test("Een variant met de wet van 2024 op een afgeleide bevolking van 2025 krijgt het fiscale inkomen, niet € 0")
  func lawThatCannotDerive() throws {
    let program = Self.engine.program
    let population = Self.generate(Self.scenario, on: CivilDate(iso: "2025-07-01")!, count: 1_500)
    #expect(population.derivesToetsingsinkomen)
    let law2024 = CivilDate(iso: "2024-07-01")!
    let restored = population.givingToetsingsinkomen(where: program, on: law2024)
    // The fiscal income, as the generator gives it for 2024: loon or uitkering (without the werkgeversheffing
    // Zvw), otherwise the drawn income.
    guard case .int64(let personal)? = population.personalIncome, case .int64(let given)? = restored.personColumns["toetsingsinkomen"],
      case .int64(let loon)? = population.personColumns["loon"], case .int64(let uitkering)? = population.personColumns["uitkering"]
    else {
      Issue.record("kolommen ontbreken")
      return
    }
    for i in personal.indices { #expect(given[i] == (loon[i] + uitkering[i] > 0 ? loon[i] + uitkering[i] : personal[i])) }
    #expect(personal.indices.contains { given[$0] < personal[$0] })
    // Under a law that derives it, nothing changes.
    #expect(population.givingToetsingsinkomen(where: program, on: CivilDate(iso: "2025-07-01")!).personColumns["toetsingsinkomen"] == nil)
    let outcomes = Outcomes.compute(program: program, population: population, date: law2024, threads: 2)
    let expected = Outcomes.compute(program: program, population: restored, date: law2024, threads: 2)
    #expect(outcomes.yearly == expected.yearly && outcomes.undecided == expected.undecided)
    var zero = population
    zero.personColumns["toetsingsinkomen"] = .int64(Array(repeating: 0, count: population.personCount))
    #expect(Outcomes.compute(program: program, population: zero, date: law2024, threads: 2).yearly != outcomes.yearly)
  }

  /// The kernel's total of one output over the decided households, in cents.
  static func total(_ output: String, _ population: PopulationData, date: CivilDate) -> Int128 {
    let program = engine.program
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: 2)
    guard let o = results.outputIDs.firstIndex(of: output) else { return 0 }
    return (0..<population.householdCount).filter { results.isDecided(o, $0) }.reduce(Int128(0)) { $0 + Int128(results.cents[o][$1]) }
  }
}

import ExactArithmetic
import Foundation
import HouseholdModel
import Population
import ReferenceEvaluator
import RuleIR
import RuleKernel
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// The compiled kernel must give exactly what the reference evaluator gives: the same amount to the
/// cent, and undecided exactly where the reference is undecided.
@Suite("Kernel tegen referentie-evaluator")
struct DifferentialTests {
  static let root = Repository.root

  static let engine = Repository.engine
  static let scenario = try! Scenario.load(path: root.appendingPathComponent("Scenarios/nederland.yaml").path)

  /// Outputs the kernel does not compile yet, with the reason it gives; the reference evaluator computes
  /// them. Pinned here so the list cannot grow unnoticed.
  static let knownUnsupported: [String: String] = [:]

  /// Every household and output: kernel result against the reference evaluator. `exactRows` counts the
  /// rows of compiled outputs that fell back to the reference evaluator.
  static func mismatches(_ population: PopulationData, date: CivilDate, threads: Int = 2) -> (list: [String], exactRows: Int) {
    let program = engine.program
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    #expect(Set(kernel.unsupported.map(\.id)) == Set(knownUnsupported.keys))
    for (id, reason) in kernel.unsupported { #expect(reason.hasPrefix(knownUnsupported[id] ?? "?"), "\(id): \(reason)") }
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: threads)
    var out: [String] = []
    for h in 0..<population.householdCount {
      let evaluator = Evaluator(program: program, household: population.household(h, program: program))
      for (o, id) in results.outputIDs.enumerated() {
        let symbol = program.outputs(on: date).first { $0.id == id }!.symbol
        let reference: String
        switch evaluator.value(of: symbol, on: date) {
        // An amount beyond 64-bit cents cannot be a simulation result: the pipeline calls it undecided.
        case .success(.number(let r)) where (r * 100).intValue.flatMap { Int64(exactly: $0) } == nil: reference = "onbepaald"
        case .success(.number(let r)): reference = r.exactString
        case .success(let v): reference = v.machineString
        case .failure: reference = "onbepaald"
        }
        let k = !results.isDecided(o, h) ? "onbepaald" : Rational(Int(results.cents[o][h])).dividedBy(Rational(100))!.exactString
        if k != reference { out.append("huishouden \(h) \(id) \(date.iso): kernel \(k), referentie \(reference)") }
      }
    }
    let compiled = results.outputIDs.indices.filter { knownUnsupported[results.outputIDs[$0]] == nil }
    return (out, compiled.map { results.exactRows[$0] }.reduce(0, +))
  }

  @Test("Synthetische bevolking: ieder huishouden gelijk", arguments: ["2024-06-01", "2025-01-01", "2026-01-01"])
  func synthetic(date: String) {
    let day = CivilDate(iso: date)!
    var s = Self.scenario
    s.zaad = 42
    let population = Generator(scenario: s, program: Self.engine.program, date: day).generate(count: 2_500, threads: 2)
    let (m, exact) = Self.mismatches(population, date: day)
    #expect(m.isEmpty, "\(m.prefix(10))")
    #expect(exact == 0, "gewone bedragen passen in de vaste komma; geen terugval op de referentie")
  }

  /// The national scenario with owners' homes drawn (made-up classes for the test, not a published table).
  static let ownerScenario: Scenario = {
    var s = scenario
    s.zaad = 9
    s.eigenWoning = Scenario.OwnerOccupation(
      wozWaarde: [[10_000, 80_000, 1], [80_000, 600_000, 6], [600_000, 3_000_000, 1]], schuldKlassen: [[1, 700], [700, 1100]],
      schuldNaarLeeftijd: [[18, 50, 1, 3, 2], [50, 130, 3, 2, 0]], renteBasispunten: 300)
    return s
  }()

  @Test("Eigen woning: forfait, rente, aftrek wegens geringe schuld en tariefaanpassing gelijk", arguments: ["2025-07-01", "2026-01-01"])
  func ownerHomes(date: String) {
    let day = CivilDate(iso: date)!
    let population = Generator(scenario: Self.ownerScenario, program: Self.engine.program, date: day).generate(count: 2_500, threads: 2)
    let (m, _) = Self.mismatches(population, date: day)
    #expect(m.isEmpty, "\(m.prefix(10))")
  }

  @Test("Een bevolking uit documenten: 'is opgegeven' per huishouden, zoals de documenten het zeggen")
  func presencePerRow() throws {
    let day = CivilDate(iso: "2026-01-01")!
    let documents = [
      #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01", "loon": "30000", "toetsingsinkomen": "20000"}]}"#,
      #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01", "loon": "30000"}]}"#,
    ]
    let households = try documents.map { try Self.household($0) }
    let population = try PopulationData(households: households, program: Self.engine.program)
    let kernel = KernelCompiler.compile(program: Self.engine.program, date: day, population: population)
    let results = KernelRunner.run(kernel: kernel, program: Self.engine.program, population: population, date: day, threads: 1)
    let o = try #require(results.index(of: "zorgtoeslag.jaarbedrag"))
    for (h, household) in households.enumerated() {
      let direct = Self.engine.evaluate(household, on: day, explain: false).value(of: "zorgtoeslag.jaarbedrag")?.number
      #expect(results.isDecided(o, h) && direct == Rational(Int(results.cents[o][h])) / 100, "huishouden \(h)")
    }
    // The given toetsingsinkomen (€ 20.000) and the derived one (€ 30.000 loon) give different toeslagen.
    #expect(results.cents[o][0] != results.cents[o][1])
  }

  @Test("Een som over de maanden met een nieuwe AOW-versie in juli: twee segmenten, niet maand voor maand")
  func segmentedMonths() {
    let day = CivilDate(iso: "2026-01-01")!
    var s = Self.scenario
    s.zaad = 9
    let population = Generator(scenario: s, program: Self.engine.program, date: day).generate(count: 400, threads: 2)
    let kernel = KernelCompiler.compile(program: Self.engine.program, date: day, population: population)
    // The income tax sums the AOW over the months; January–June and July–December differ (a new AOW
    // version), so the short path takes two months instead of twelve and keeps the tax.
    #expect(kernel.stable?.outputs.contains { $0.id == "inkomstenbelasting.jaarbedrag" } == true)
    #expect(kernel.rest?.outputs.contains { $0.id == "inkomstenbelasting.jaarbedrag" } != true)
    #expect(kernel.stable!.instructionCount < kernel.unrolled.instructionCount)
  }

  @Test("Grenzen en uitersten: inkomens, vermogens, verjaardagen, schrikkeldag, overloop", arguments: ["2024-03-01", "2025-07-01"])
  func adversarial(date: String) throws {
    let day = CivilDate(iso: date)!
    let population = try PopulationData(households: Self.adversarialHouseholds(), program: Self.engine.program)
    let (m, exact) = Self.mismatches(population, date: day)
    #expect(m.isEmpty, "\(m.prefix(10))")
    // Only the astronomically large amounts overflow 64 bits and go to the reference evaluator: at most
    // every output of the households that hold one.
    let households = try Self.adversarialHouseholds()
    let extreme = households.filter { h in
      h.persons.contains { p in p.facts.values.contains { v in
        if case .number(let r) = v { return r > Rational(1_000_000_000) } else { return false }
      } }
    }.count
    let outputs = Self.engine.program.outputs(on: day).count
    #expect(exact > 0 && exact <= extreme * outputs, "\(exact) terugvallers, \(extreme) huishoudens met een reusachtig bedrag")
  }

  @Test("Ontbrekende gegevens: onbepaald in de kernel waar de referentie onbepaald is")
  func missingFacts() throws {
    // Samenwonenden without the Awir art. 3 lid 2 facts: the column is absent for everyone.
    var households: [Household] = []
    for (i, income) in [0, 2_000_000, 5_000_000].enumerated() {
      households.append(try Self.household(#"{"partnerschap": "samenwonend", "personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-0\#(i + 1)", "toetsingsinkomen": "\#(income)"}, {"rol": "partner", "geboortedatum": "1991-01-01"}]}"#))
      households.append(try Self.household(#"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-05-0\#(i + 1)", "toetsingsinkomen": "\#(income)"}]}"#))
    }
    let population = try PopulationData(households: households, program: Self.engine.program)
    #expect(population.householdColumns["relatie.gezamenlijk_kind"] == nil)
    let (m, _) = Self.mismatches(population, date: CivilDate(iso: "2025-01-01")!)
    #expect(m.isEmpty, "\(m)")
  }

  @Test("Dezelfde bevolking en uitkomsten met 1 en 2 threads")
  func threads() throws {
    let day = CivilDate(iso: "2025-01-01")!
    let one = try Self.engine.simulate(date: day, households: 20_000, seed: 9, scenario: Self.scenario, threads: 1)
    let two = try Self.engine.simulate(date: day, households: 20_000, seed: 9, scenario: Self.scenario, threads: 2)
    let a = JSONWriter.render(SimulationSummary(one).json(date: day, seed: 9, scenario: "x"))
    let b = JSONWriter.render(SimulationSummary(two).json(date: day, seed: 9, scenario: "x"))
    #expect(a == b)
    #expect(one.population.personStart == two.population.personStart)
  }

  static func household(_ json: String) throws -> Household {
    try HouseholdDecoder(program: engine.program).decode(text: json)
  }

  /// Households at and around every threshold, with extreme values and awkward birthdays.
  static func adversarialHouseholds() throws -> [Household] {
    let incomes = ["0", "0.01", "26819.42", "26819.43", "28405.72", "28405.73", "37496", "37497", "39719", "39720",
      "47368", "47369", "50206", "50207", "999999999.99", "92233720368547758.07"]
    let wealth = ["0", "140213", "140214", "141896", "141897", "177301", "179429", "179430", "92233720368547758.07"]
    let births = ["2006-03-01", "2006-03-02", "2007-01-01", "2007-01-02", "2007-12-31", "2008-02-29", "2006-12-01",
      "2005-06-15", "1990-05-01", "1930-01-01"]
    let relations = ["geen", "gehuwd", "geregistreerd_partnerschap", "samenwonend"]
    let kinships = ["geen", "kind", "ouder", "stiefkind", "schoonouder", "pleegkind", "broer_of_zus", "kleinkind", "zwager_of_schoonzus"]
    let parents = ["niemand", "aanvrager", "partner", "aanvrager_en_partner", "medebewoner"]
    let rents = ["0", "250.00", "477.20", "682.96", "900.07"]
    // Around the eigenwoningforfait's brackets (Wet IB 2001 art. 3.112, 2025 and 2026) and beyond.
    let wozValues = ["0", "12500", "12500.01", "75000", "400000", "1330000", "1330000.01", "1350000.01", "92233720368547758.07"]
    let interests = ["0", "0.01", "1400", "8000", "999999999.99"]
    var random = RandomSource(seed: 77, stream: 1)
    func pick(_ list: [String]) -> String { list[Int(random.below(UInt64(list.count)))] }
    // Income components for the income tax, the bijstand and the net income: none (the toetsingsinkomen
    // alone), or loon, uitkering and pensioen from the same edge values.
    func components() -> String {
      guard random.below(3) != 0 else { return "" }
      return #", "loon": "\#(pick(incomes))", "uitkering": "\#(pick(incomes))", "pensioen": "\#(pick(incomes))""#
    }
    var out: [Household] = []
    for i in 0..<400 {
      let relation = relations[i % relations.count]
      var persons = [#"{"rol": "aanvrager", "geboortedatum": "\#(pick(births))", "toetsingsinkomen": "\#(pick(incomes))", "vermogen": "\#(pick(wealth))", "zorgverzekerd": \#(random.below(10) != 0), "ingezetene": \#(random.below(20) != 0)\#(components())}"#]
      if relation != "geen" {
        persons.append(#"{"rol": "partner", "geboortedatum": "\#(pick(births))", "toetsingsinkomen": "\#(pick(incomes))", "vermogen": "\#(pick(wealth))", "zorgverzekerd": \#(random.below(4) != 0), "eerstegraads_verwant": \#(random.below(10) == 0), "verwantschap": "\#(pick(kinships))", "zorgbehoefte": \#(random.below(3) == 0)\#(components())}"#)
      }
      for _ in 0..<Int(random.below(3)) { persons.append(#"{"rol": "kind", "geboortedatum": "\#(pick(births))"}"#) }
      for _ in 0..<Int(random.below(3)) {
        persons.append(#"{"rol": "medebewoner", "geboortedatum": "\#(pick(births))", "toetsingsinkomen": "\#(pick(incomes))", "verwantschap": "\#(pick(kinships))", "kind_van": "\#(pick(parents))", "commerciele_huurder": \#(random.below(3) == 0)}"#)
      }
      let b = { random.below(2) == 0 }
      let relatie = #""relatie": {"gezamenlijk_kind": \#(b()), "erkend_kind": \#(b()), "pensioenpartner": \#(b()), "gezamenlijke_eigen_woning": \#(b()), "partner_vorig_jaar": \#(b()), "zakelijke_huurovereenkomst": \#(b()), "samenlevingscontract": \#(b()), "verzoek_geen_partners": \#(b())}"#
      let woning = #""woning": {"huurder": \#(b()), "zelfstandig": true, "rekenhuur": "\#(pick(rents))", "woz_waarde": "\#(pick(wozValues))", "eigenwoningrente": "\#(pick(interests))"}"#
      out.append(try household(#"{"partnerschap": "\#(relation)", \#(relatie), \#(woning), "personen": [\#(persons.joined(separator: ", "))]}"#))
    }
    return out
  }
}

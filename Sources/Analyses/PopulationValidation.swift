import ExactArithmetic
import Population
import Synthesis
import Toetssteen

/// The synthetic population held against what the Netherlands publishes.
///
/// For every published figure of a ``ValidationSpec``: the same figure from the population, scaled to
/// the country's households, on several seeds (the spread is the sampling uncertainty), its deviation
/// from the published value, and the share of households the rules left undecided (which lowers the
/// model's figure). Beside them the input margins (what the generator drew against what the scenario
/// asks) and the sensitivity runs (one scenario value changed). Counts and euros are exact integers.
public struct PopulationValidation: Sendable {
  public struct Row: Sendable {
    public let figure: ValidationSpec.Figure
    /// The model's national figure per seed (households, or whole euros per year).
    public let perSeed: [Int128]
    /// Undecided households for the output, per mille of all households (first seed).
    public let undecidedPromille: Int64
    /// Per sensitivity run (same order as the spec): the national figure on the first seed.
    public var sensitivity: [Int128] = []

    /// The mean over the seeds, rounded half up.
    public var mean: Int128 {
      let n = Int128(perSeed.count)
      let sum = perSeed.reduce(0, +)
      return sum >= 0 ? (2 * sum + n) / (2 * n) : -((-2 * sum + n) / (2 * n))
    }

    /// (model − published) / published.
    public var deviation: Rational {
      Rational(numeratorDigits: String(mean - Int128(figure.waarde)), denominatorDigits: String(figure.waarde))!
    }
  }

  /// A margin of the input: the share the scenario asks for and the share drawn (first seed).
  public struct Margin: Sendable {
    public let name: String
    public let source: String
    public let target: Rational
    public let drawn: Rational
  }

  public let rows: [Row]
  public let margins: [Margin]
  public let seeds: [UInt64]
  public let households: Int
  public let nationalHouseholds: Int64
  public let sensitivities: [ValidationSpec.Sensitivity]
  /// Per peildatum, what the incomes stand for (scenario `indexering`).
  public let incomeNotes: [String]
  /// Per peildatum, what the rents stand for (scenario `wonen.huurstijging`).
  public let rentNotes: [String]
  /// Who among the aanvragers studies with studiefinanciering (scenario `studenten`), if the scenario says.
  public let studentNote: String?
  /// How vermogen follows age within each tenure (scenario `vermogen_naar_woning.mediaan_naar_leeftijd`).
  public var wealthNote: String?
  /// Figures the spec could not find.
  public let missing: [String]
  /// Households by income decile and type beside the published table (the spec's `inkomensverdeling`),
  /// on the first population; `nil` without the section.
  public var deciles: DecileComposition?

  /// Runs the populations: one per peildatum and seed, plus one per sensitivity and peildatum.
  /// `variants` are the scenarios of the sensitivity runs, in the spec's order.
  public static func run(
    engine: Engine, spec: ValidationSpec, scenario: Scenario, variants: [Scenario], households: Int, seeds: [UInt64], threads: Int,
    progress: ((String) -> Void)? = nil
  ) throws -> PopulationValidation {
    let national = AnalysisContext.nationalHouseholds(of: scenario)
    var perSeed: [[Int128]] = Array(repeating: [], count: spec.cijfers.count)
    var undecided = [Int64](repeating: 0, count: spec.cijfers.count)
    var sensitivity: [[Int128]] = Array(repeating: [], count: spec.cijfers.count)
    var margins: [Margin] = []
    var notes: [String] = []
    var rentNotes: [String] = []
    var deciles: DecileComposition?
    var wealthNote: String?
    if let note = scenario.assistanceNote { notes.append(note) }
    for date in spec.dates {
      let indices = spec.cijfers.indices.filter { CivilDate(iso: spec.cijfers[$0].peildatum) == date }
      if let note = Indexing(scenario.indexering, year: Int64(date.year)).note { notes.append("\(date.iso): \(note)") }
      if let levy = scenario.inkomensbron?.werkgeversheffingZvw { notes.append("\(date.iso): \(levy.note)") }
      if let note = RentIndexing(scenario.wonen.huurstijging, date: date).note { rentNotes.append("\(date.iso): \(note)") }
      for (s, seed) in seeds.enumerated() {
        progress?("peildatum \(date.iso), zaad \(seed)")
        let m = try measure(engine, scenario, seed: seed, date: date, households: households, threads: threads)
        for i in indices {
          perSeed[i].append(m.figure(spec.cijfers[i], national: national))
          if s == 0 { undecided[i] = m.undecidedPromille(spec.cijfers[i].outputs) }
        }
        if s == 0 && margins.isEmpty {
          if let coupling = m.coupling { notes.append("partners: " + coupling.note) }
          wealthNote = m.wealthNote
          margins = InputMargins.compute(m.population, scenario: scenario, date: date)
          // The check on net income comes right after the gross ratio it stands behind.
          if let net = InputMargins.disposableRatio(m.population, outcomes: m.outcomes, scenario: scenario) {
            let at = (margins.firstIndex { $0.name.hasPrefix("gemiddeld gestandaardiseerd bruto-inkomen") }).map { $0 + 1 } ?? margins.endIndex
            margins.insert(net, at: at)
          }
          if let table = spec.inkomensverdeling {
            deciles = DecileComposition(m.population, outcomes: m.outcomes, scenario: scenario, table: table)
          }
        }
      }
      for (v, variant) in variants.enumerated() {
        progress?("peildatum \(date.iso), gevoeligheid \(spec.gevoeligheid?[v].naam ?? "")")
        let m: Measured
        do { m = try measure(engine, variant, seed: seeds[0], date: date, households: households, threads: threads) } catch {
          throw ScenarioError(description: "gevoeligheid[\(v)] ('\(spec.gevoeligheid?[v].naam ?? "")'): \(error)")
        }
        for i in indices { sensitivity[i].append(m.figure(spec.cijfers[i], national: national)) }
      }
    }
    let rows = spec.cijfers.indices.map { i in
      var row = Row(figure: spec.cijfers[i], perSeed: perSeed[i], undecidedPromille: undecided[i])
      row.sensitivity = sensitivity[i]
      return row
    }
    var missing = spec.ontbreekt ?? []
    if let table = spec.inkomensverdeling, deciles == nil {
      missing.append(
        "Inkomensverdeling: de tabel naar deciel en huishoudtype is niet naast het model gezet, want \(scenario.wonen.huurNaarInkomen?.scale == nil ? "het scenario heeft geen equivalentiefactoren (wonen.huur_naar_inkomen)" : "de regels gaven minder dan tien huishoudens een \(table.uitvoer)").")
    }
    var validation = PopulationValidation(
      rows: rows, margins: margins, seeds: seeds, households: households, nationalHouseholds: national,
      sensitivities: spec.gevoeligheid ?? [], incomeNotes: notes, rentNotes: rentNotes, studentNote: scenario.studenten?.note, missing: missing)
    validation.deciles = deciles
    validation.wealthNote = wealthNote
    return validation
  }

  /// One population and its outcomes.
  static func measure(_ engine: Engine, _ scenario: Scenario, seed: UInt64, date: CivilDate, households: Int, threads: Int) throws -> Measured {
    var s = scenario
    s.zaad = seed
    let generator = Generator(scenario: s, program: engine.program, date: date)
    try generator.requireCalibrated()
    let population = generator.generate(count: households, threads: threads)
    let outcomes = Outcomes.compute(program: engine.program, population: population, date: date, threads: threads)
    return Measured(
      population: population, outcomes: outcomes, nonTakeUp: NonTakeUp(scenario: s, seed: seed), coupling: generator.partnerCoupling,
      wealthNote: generator.wealthByAgeNote)
  }


  struct Measured {
    let population: PopulationData
    let outcomes: Outcomes
    let nonTakeUp: NonTakeUp
    let coupling: PartnerIncomeCoupling?
    let wealthNote: String?

    /// The figure for the population, scaled to `national` households: households, or whole euros.
    /// With several outputs a household counts once, when any of them gives it an amount after that
    /// output's non-take-up (for `niet_gebruik`: an amount it leaves); undecided households are left
    /// out of every output, as with one.
    func figure(_ f: ValidationSpec.Figure, national: Int64) -> Int128 {
      let columns = f.outputs.compactMap { outcomes.index(of: $0) }
      guard columns.count == f.outputs.count else { return 0 }
      let declines = f.outputs.map { f.grondslag != "recht" ? nonTakeUp.draw(forOutput: $0).map { outcomes.decliner($0, population: population) } : nil }
      let leftOnly = f.grondslag == "niet_gebruik"
      var count: Int128 = 0
      var cents: Int128 = 0
      for h in 0..<outcomes.householdCount where !columns.contains(where: { outcomes.undecided[$0][h] }) {
        var receives = false
        for (k, o) in columns.enumerated() where outcomes.yearly[o][h] != 0 {
          let declined = declines[k]?(h) ?? false
          if leftOnly ? !declined : declined { continue }
          receives = true
          cents += Int128(outcomes.yearly[o][h])
        }
        if receives { count += 1 }
      }
      let n = Int128(max(1, outcomes.householdCount))
      let value = f.maat == "ontvangers" ? count * Int128(national) : cents * Int128(national) / 100
      return (2 * value + n) / (2 * n)
    }

    /// Households undecided for any of `ids`, per mille of all households.
    func undecidedPromille(_ ids: [String]) -> Int64 {
      let columns = ids.compactMap { outcomes.index(of: $0) }
      guard columns.count == ids.count, outcomes.householdCount > 0 else { return 0 }
      let open = (0..<outcomes.householdCount).reduce(0) { n, h in n + (columns.contains { outcomes.undecided[$0][h] } ? 1 : 0) }
      return Int64(open * 1000 / outcomes.householdCount)
    }
  }
}

extension AnalysisContext {
  /// The households the scenario's composition counts (CBS 37975), for scaling to the country.
  public static func nationalHouseholds(of scenario: Scenario) -> Int64 {
    let s = scenario.samenstelling
    return s.alleenstaand + s.paarZonderKinderenGehuwd + s.paarZonderKinderenSamenwonend + s.paarMetKinderenGehuwd
      + s.paarMetKinderenSamenwonend + s.eenouder + s.metMedebewoners
  }
}

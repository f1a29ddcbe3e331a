import ExactArithmetic
import HouseholdModel
import Population
import ReferenceEvaluator
import RuleIR
import RuleKernel
import Synthesis

/// The figures of a simulation per output: recipients, total, mean, and their distribution over
/// income deciles and household types. All sums are exact integers in cents.
public struct SimulationSummary: Sendable {
  public struct Group: Sendable {
    public let label: String
    public var households = 0
    public var recipients = 0
    public var totalCents: Int128 = 0
  }

  public struct Output: Sendable {
    public let id: String
    /// The output's type (`bedrag per jaar`, `bedrag per maand`), for amounts as people read them.
    public let type: RuleType
    public var recipients = 0
    public var undecided = 0
    public var totalCents: Int128 = 0
    public var exactRows = 0
    /// A payment, a norm the household would have (`…, een norm.`) or a levy it owes (`…, een heffing.`).
    public var kind = OutputKind.payment
    /// Why the rules could not decide, counted on a sample of the undecided households.
    public var undecidedReasons: UndecidedReasons?
    public var deciles: [Group]
    public var types: [Group]
    /// What is claimed after the scenario's non-take-up (payments of a regeling with a rate only).
    public var claimed: Claimed?

    /// Mean per recipient, rounded to cents.
    public var meanCents: Int128 {
      recipients == 0 ? 0 : (totalCents * 2 + Int128(recipients)) / (Int128(recipients) * 2)
    }
  }

  /// Spending after non-take-up: the rate (per mille of those entitled) and what the households that
  /// claim receive. The output's own figures stay the entitlement.
  public struct Claimed: Sendable {
    public let promille: Int64
    /// The rates by the amount against a norm (`niet_gebruik_naar_aanvulling`), where the scenario
    /// splits the regeling; ``promille`` then holds for the households without amount or norm.
    public var byTopUp: Scenario.NonTakeUpByTopUp? = nil
    /// When the generator draws the regeling's users (`inkomen.bijstand_regeling`): how, in words.
    public var drawnUsers: String? = nil
    /// All the rates in words ("12 %"; see ``NonTakeUp/Draw/note``).
    public var note = ""
    public var recipients = 0
    public var totalCents: Int128 = 0
  }

  public let households: Int
  /// For a part of a population (`--partition`): which part, the number of its first household and
  /// the size of the whole population. The figures are those of the part only.
  public let part: (partition: Partition, firstHousehold: Int, population: Int)?
  public let outputs: [Output]
  /// What the incomes of the population stand for (scenario `indexering`), if the scenario says.
  public let incomeNote: String?
  /// What loon and uitkering stand for (scenario `inkomensbron.werkgeversheffing_zvw`), if the scenario says.
  public let levyNote: String?
  /// Who is drawn without income because their income was the bijstand (scenario
  /// `inkomen.bijstand_in_inkomen`), if the scenario says.
  public let assistanceNote: String?
  /// How income follows the place in the household (scenario `inkomen.naar_leefvorm`): the calibrated
  /// weights, and a warning where a published ratio is not reached.
  public let incomeByPlaceNote: String?
  /// How partners' incomes hang together (scenario `inkomen.tweeverdieners`), with a warning when the
  /// published share is out of reach.
  public let partnerNote: String?
  /// Who among the aanvragers living alone studies with studiefinanciering (scenario `studenten`).
  public let studentNote: String?
  /// What the rents of the population stand for (scenario `wonen.huurstijging`), if the scenario says.
  public let rentNote: String?
  /// How vermogen follows the aanvrager's age (scenario `vermogen_naar_woning.mediaan_naar_leeftijd`), if the
  /// scenario says.
  public let wealthNote: String?
  /// Upper bounds (inclusive, in euros) of the first nine household-income deciles.
  public let decileBounds: [Int64]

  public init(_ simulation: Simulation) {
    let p = simulation.population
    let r = simulation.results
    let n = p.householdCount
    let deciles = IncomeDeciles(incomeCents: simulation.householdIncome)
    decileBounds = deciles.bounds
    households = n
    part = simulation.partition.map { ($0, simulation.firstHousehold, simulation.populationHouseholds) }
    incomeNote = Indexing(simulation.scenario.indexering, year: Int64(simulation.date.year)).note
    levyNote = simulation.scenario.inkomensbron?.werkgeversheffingZvw?.note
    let capped = simulation.assistanceCapped.map { DutchFormat.ages($0.lowerBound, $0.upperBound) }
    assistanceNote = simulation.scenario.assistanceNote.map {
      let cells = simulation.assistanceCappedCells
      let byAge = capped.isEmpty ? $0 : $0 + "; let op: in \(capped.joined(separator: ", ")) vraagt bijstand_naar_leeftijd meer personen dan de generator er volwassenen trekt: daar heeft geen volwassene inkomen en worden er minder zonder inkomen getrokken dan gevraagd"
      let byCell = cells.isEmpty ? byAge : byAge + "; let op: in \(cells.joined(separator: "; ")) vragen bijstand_naar_leeftijd en bijstand_naar_leefvorm samen meer personen dan de generator er trekt: daar leeft iedereen van de bijstand en worden er minder getrokken dan gevraagd"
      let unplaced = simulation.assistanceUnplaced
      let byPlace = unplaced.isEmpty ? byCell : byCell + "; let op: voor \(unplaced.joined(separator: ", ")) trekt de generator niemand, dus ook geen bijstand: die personen ontbreken"
      let empty = simulation.assistanceEmptyBands
      return empty.isEmpty ? byPlace : byPlace + "; let op: in \(empty.joined(separator: ", ")) trekt de generator niemand: die personen komen in de andere leeftijdsbanden"
    }
    incomeByPlaceNote = simulation.incomeByPlaceNote
    partnerNote = simulation.partnerCouplingNote
    studentNote = simulation.scenario.studenten?.note
    rentNote = RentIndexing(simulation.scenario.wonen.huurstijging, date: simulation.date).note
    wealthNote = simulation.wealthNote
    let nonTakeUp = NonTakeUp(scenario: simulation.scenario, seed: simulation.seed)
    var outs: [Output] = []
    var samples: [(output: Int, households: [Int])] = []
    // The result column of each output id, for non-take-up by the amount against a norm.
    let column = Dictionary(r.outputs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (o, declaration) in r.outputs.enumerated() {
      let id = declaration.id
      var out = Output(
        id: id,
        type: simulation.program.symbols[declaration.symbol]?.type ?? .money(.stock),
        deciles: IncomeDeciles.labels.map { Group(label: $0) },
        types: HouseholdType.allCases.map { Group(label: $0.label) })
      out.exactRows = r.exactRows[o]
      out.kind = declaration.kind
      let cents = r.cents[o]
      let status = r.status[o]
      var undecidedRows: [Int] = []
      for h in 0..<n {
        let d = deciles.decile(h)
        let t = Int(p.householdType[h])
        out.deciles[d].households += 1
        out.types[t].households += 1
        if status[h] != .ok {
          out.undecided += 1
          undecidedRows.append(h)
          continue
        }
        let c = cents[h]
        guard c != 0 else { continue }
        out.recipients += 1
        out.totalCents += Int128(c)
        out.deciles[d].recipients += 1
        out.deciles[d].totalCents += Int128(c)
        out.types[t].recipients += 1
        out.types[t].totalCents += Int128(c)
      }
      if out.kind == .payment, var draw = nonTakeUp.draw(forOutput: id) {
        // A population that does not say who lives on the bijstand draws every household's rate.
        if p.assistanceUse.isEmpty { draw.drawnUsers = nil }
        var claimed = Claimed(promille: draw.rate, byTopUp: draw.byTopUp, drawnUsers: draw.drawnUsers, note: draw.note)
        let split = draw.byTopUp.map { (amount: column[$0.bedrag], norm: column[$0.norm]) }
        func value(_ o: Int?, _ h: Int) -> Int64? { o.flatMap { r.status[$0][h] == .ok ? r.cents[$0][h] : nil } }
        for h in 0..<n where status[h] == .ok && cents[h] != 0 {
          let amount = split.flatMap { value($0.amount, h) }, norm = split.flatMap { value($0.norm, h) }
          let declines = draw.declines(simulation.firstHousehold + h, use: p.assistanceUse(h, members: draw.members), amount: amount, norm: norm)
          if declines { continue }
          claimed.recipients += 1
          claimed.totalCents += Int128(cents[h])
        }
        out.claimed = claimed
      }
      if out.undecided > 0 { samples.append((o, UndecidedReasons.sample(undecidedRows))) }
      outs.append(out)
    }
    // Why the undecided households are undecided: all samples evaluated at once, in parallel.
    let pairs = samples.flatMap { s in s.households.map { (symbol: r.outputs[s.output].symbol, household: $0) } }
    let reasons = ReasonEvaluation.reasons(simulation, pairs: pairs, threads: simulation.threads)
    var next = 0
    for s in samples {
      outs[s.output].undecidedReasons = UndecidedReasons(reasons: Array(reasons[next..<(next + s.households.count)]))
      next += s.households.count
    }
    outputs = outs
  }

  static func euros(_ cents: Int128) -> String { Cents.decimalString(cents) }

  /// The contract's JSON summary: per output at least `total`, `recipients` and `mean`.
  public func json(date: CivilDate, seed: UInt64, scenario: String) -> JSONValue {
    func group(_ g: Group) -> JSONValue {
      .ordered([
        ("groep", .string(g.label)), ("huishoudens", .number(String(g.households))), ("recipients", .number(String(g.recipients))),
        ("total", .string(Self.euros(g.totalCents))),
      ])
    }
    func reasons(_ u: UndecidedReasons?) -> [(String, JSONValue)] {
      guard let u else { return [] }
      let list: [JSONValue] = u.reasons.map { .ordered([("reason", .string($0.text)), ("households", .number(String($0.households)))]) }
      return [("undecided_reasons", .ordered([("sampled", .number(String(u.sampled))), ("reasons", .array(list))]))]
    }
    let outs: [(String, JSONValue)] = outputs.map { o in
      (o.id, .ordered([
        ("total", .string(Self.euros(o.totalCents))),
        ("recipients", .number(String(o.recipients))),
        ("mean", .string(Self.euros(o.meanCents))),
        ("undecided", .number(String(o.undecided))),
        ("exact_rows", .number(String(o.exactRows))),
      ] + reasons(o.undecidedReasons) + (o.claimed.map { c in
        [("after_non_take_up", JSONValue.ordered([
          ("non_take_up_promille", .number(String(c.promille))),
        ] + (c.byTopUp.map { t in
          [("non_take_up_by_top_up", JSONValue.ordered([
            ("amount", .string(t.bedrag)), ("norm", .string(t.norm)), ("boundary_percent", .number(String(t.grensProcent))),
            ("from_boundary_promille", .number(String(t.vanafGrens))), ("below_boundary_promille", .number(String(t.onderGrens))),
          ]))]
        } ?? []) + (c.drawnUsers.map { [("drawn_users", JSONValue.string($0))] } ?? []) + [
          ("recipients", .number(String(c.recipients))),
          ("total", .string(Self.euros(c.totalCents))),
        ]))]
      } ?? []) + [
        ("by_income_decile", .array(o.deciles.map(group))),
        ("by_household_type", .array(o.types.map(group))),
      ]))
    }
    var fields: [(String, JSONValue)] = [
      ("date", .string(date.iso)), ("households", .number(String(households))), ("seed", .number(String(seed))),
      ("scenario", .string(scenario)), ("mean_is", .string("gemiddelde per ontvanger, rekenkundig afgerond op centen")),
    ]
    if let p = part {
      fields.append(("partition", .ordered([
        ("index", .number(String(p.partition.index))), ("count", .number(String(p.partition.count))),
        ("first_household", .number(String(p.firstHousehold))), ("population_households", .number(String(p.population))),
      ])))
    }
    if let incomeNote { fields.append(("income_indexing", .string(incomeNote))) }
    if let levyNote { fields.append(("employer_levy", .string(levyNote))) }
    if let assistanceNote { fields.append(("assistance_in_income", .string(assistanceNote))) }
    if let incomeByPlaceNote { fields.append(("income_by_household", .string(incomeByPlaceNote))) }
    if let partnerNote { fields.append(("partner_income", .string(partnerNote))) }
    if let studentNote { fields.append(("students", .string(studentNote))) }
    if let rentNote { fields.append(("rent_indexing", .string(rentNote))) }
    if let wealthNote { fields.append(("wealth_by_age", .string(wealthNote))) }
    fields.append(("income_decile_bounds", .array(decileBounds.map { .number(String($0)) })))
    fields.append(("outputs", .ordered(outs)))
    return .ordered(fields)
  }

  /// The summary as people read it: Dutch numbers, one table per output.
  public func text(date: CivilDate, seed: UInt64, scenario: String) -> String {
    var lines = ["Simulatie \(scenario), peildatum \(DutchFormat.date(date)), \(DutchFormat.groupThousands(String(households))) huishoudens, zaad \(seed)"]
    if let part {
      let last = part.firstHousehold + households - 1
      lines.append(
        "Deel \(part.partition.index) van \(part.partition.count): de huishoudens \(DutchFormat.groupThousands(String(part.firstHousehold))) tot en met \(DutchFormat.groupThousands(String(last))) van een bevolking van \(DutchFormat.groupThousands(String(part.population))); de cijfers hieronder zijn die van dit deel.")
    }
    // What the population stands for: one note per subject, broken between words with a hanging indent.
    let notes = [
      ("Inkomen", incomeNote), ("Loon", levyNote), ("Bijstand", assistanceNote), ("Leefvorm", incomeByPlaceNote),
      ("Partners", partnerNote), ("Studenten", studentNote), ("Huren", rentNote), ("Vermogen", wealthNote),
    ]
    for case let (subject, note?) in notes { lines += TextWrap.lines("\(subject): \(note).") }
    if outputs.contains(where: { $0.claimed != nil }) {
      lines.append("Totalen en ontvangers zijn het recht; 'uitgaven' is wat overblijft na het niet-gebruik van het scenario.")
    }
    for o in outputs {
      lines.append("")
      lines.append("\(o.id)")
      func count(_ n: Int) -> String { DutchFormat.groupThousands(String(n)) }
      func euros(_ cents: Int128) -> Rational { Rational(numeratorDigits: String(cents), denominatorDigits: "100")! }
      func amount(_ cents: Int128) -> String { Value.number(euros(cents)).formatted(as: o.type) }
      // One precision per table: an output in cents shows ",00" on a whole-euro total too.
      let inCents = ([o.totalCents] + (o.deciles + o.types).map(\.totalCents)).contains { $0 % 100 != 0 }
      func money(_ cents: Int128) -> String {
        inCents ? "€ " + DutchFormat.number(euros(cents), maxFractionDigits: 2, minFractionDigits: 2) : DutchFormat.euro(euros(cents))
      }
      func row(_ g: Group) -> String {
        "    \(g.label.padding(toLength: 36, withPad: " ", startingAt: 0))\(count(g.recipients).leftPad(10))   \(money(g.totalCents))"
      }
      // A norm is not received and a levy is paid: their households are those that have one.
      let who = o.kind.holderNoun
      func header(_ title: String) -> String {
        "  \(title.padding(toLength: 38, withPad: " ", startingAt: 0))\(who.leftPad(10))   totaal\(period)"
      }
      let period: String = {
        if case .money(let p) = o.type, p == .perJaar { return " per jaar" }
        if case .money(let p) = o.type, p == .perMaand { return " per maand" }
        return ""
      }()
      if let note = o.kind.summaryNote { lines.append("  " + note) }
      lines.append("  \(who.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count(o.recipients)) van \(count(households)) huishoudens")
      lines.append("  totaal       \(money(o.totalCents))\(period)")
      lines.append("  gemiddeld    \(amount(o.meanCents)) per \(o.kind.meanNoun)")
      if let c = o.claimed {
        // Where the rate depends on the household, the resulting share first.
        let effective = c.drawnUsers != nil || c.byTopUp != nil
        let tenth = Rational(numerator: 1, denominator: 10)
        let share = o.recipients > 0
          ? DutchFormat.number((Rational(Int(o.recipients - c.recipients) * 100) / o.recipients).rounded(to: tenth, mode: .rekenkundig), maxFractionDigits: 1, minFractionDigits: 1) : "0"
        let rates = effective ? "\(share) % van de rechthebbenden; \(c.note)" : c.note
        lines += TextWrap.lines("  uitgaven     \(money(c.totalCents))\(period) aan \(count(c.recipients)) ontvangers (niet-gebruik \(rates))", indent: String(repeating: " ", count: 15))
      }
      if o.undecided > 0, let u = o.undecidedReasons {
        let whom = u.sampled < o.undecided ? "bij \(count(u.sampled)) van hen (een gelijkmatige steekproef)" : "per huishouden"
        lines.append("  onbepaald    \(count(o.undecided)) huishoudens; waarom, \(whom):")
        let width = String(u.sampled).count
        lines.append(contentsOf: u.reasons.map { "    \(count($0.households).leftPad(width))  \($0.text)" })
      }
      if o.exactRows > 0 { lines.append("  exact nagerekend met de referentie-evaluator: \(count(o.exactRows)) huishoudens") }
      lines.append(header("per inkomensdeciel (huishoudinkomen):"))
      lines.append(contentsOf: o.deciles.map(row))
      lines.append(header("per huishoudtype:"))
      lines.append(contentsOf: o.types.map(row))
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

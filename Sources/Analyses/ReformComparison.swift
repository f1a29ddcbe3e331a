import ExactArithmetic
import Population
import Synthesis
import RuleIR
import Toetssteen

/// Baseline and variant over the same households: the budget effect, who gains and who loses (in
/// bands, by income decile and household type), and example households per group.
public struct ReformComparison: Sendable {
  /// Per output: the yearly total in the baseline and in the variant, in cents (synthetic population).
  public struct OutputEffect: Sendable {
    public let id: String
    public let kind: OutputKind
    public let baseline: Int128
    public let variant: Int128
    /// The same after the scenario's non-take-up (the households that claim: one draw per household, the
    /// same in baseline and variant), when the scenario gives a rate for the output's regeling.
    public let claimed: (rate: Int64, baseline: Int128, variant: Int128)?
    /// The rates by the amount against a norm (`niet_gebruik_naar_aanvulling`), where the scenario splits
    /// the output's regeling: then a household whose amount crosses the boundary in the variant claims
    /// there at the other rate (``claimed``'s rate holds for households without amount or norm).
    public var byTopUp: Scenario.NonTakeUpByTopUp? = nil
    /// The rates in words (``NonTakeUp/Draw/note``), with the drawn users of the bijstand's regeling.
    public var nonTakeUpNote: String? = nil
    /// Whether the generator draws this output's users (`inkomen.bijstand_regeling`).
    public var drawnUsers = false
  }

  /// Households in one group and what the variant does to them.
  public struct Group: Sendable {
    public let label: String
    public var households = 0
    public var winners = 0
    public var losers = 0
    public var change: Int128 = 0
  }

  /// A band of yearly change per household, `lower ..< upper` cents (open where `nil`).
  public struct Band: Sendable {
    public let label: String
    public let lower: Int64?
    public let upper: Int64?
    public var households = 0
    public var change: Int128 = 0
  }

  /// One household that shows what the variant does, with both totals.
  public struct Example: Sendable {
    public let group: String
    public let household: Int
    public let baseline: Int64
    public let variant: Int64
  }

  public let variantName: String
  public let effects: [OutputEffect]
  public let bands: [Band]
  public let deciles: [Group]
  public let types: [Group]
  public let examples: [Example]
  /// Households left out because an outcome is undecided in the baseline or the variant.
  public let undecided: Int
  /// Outputs only one side computes (a law without a version on the variant's date), left out of the
  /// comparison rather than counted as a loss.
  public let onlyInOne: [String]

  /// Net change of all payments per year, in cents (synthetic population): the entitlement.
  public var budgetEffect: Int128 {
    effects.filter { $0.kind == .payment && !onlyInOne.contains($0.id) }.reduce(0) { $0 + $1.variant - $1.baseline }
  }

  /// The same as spending: payments with a non-take-up rate count only for the households that claim.
  public var spendingEffect: Int128 {
    effects.filter { $0.kind == .payment && !onlyInOne.contains($0.id) }.reduce(0) { sum, e in
      sum + (e.claimed.map { $0.variant - $0.baseline } ?? (e.variant - e.baseline))
    }
  }

  /// Whether any payment has a non-take-up rate (so spending differs from entitlement).
  public var hasNonTakeUp: Bool { effects.contains { $0.claimed != nil } }
  public var winners: Int { bands.filter { ($0.lower ?? Int64.min) >= 100 }.reduce(0) { $0 + $1.households } }
  public var losers: Int { bands.filter { ($0.upper ?? Int64.max) <= -99 }.reduce(0) { $0 + $1.households } }

  /// Compares `baseline` and `variant` outcomes of the same population. A household counts as winner
  /// or loser from one euro a year.
  public init(name: String, context: AnalysisContext, baseline: Outcomes, variant: Outcomes) {
    variantName = name
    var effects: [OutputEffect] = []
    let nonTakeUp = NonTakeUp(scenario: context.scenario, seed: context.scenario.zaad)
    for (o, id) in baseline.ids.enumerated() {
      let v = variant.index(of: id)
      let b = baseline.yearly[o].reduce(Int128(0)) { $0 + Int128($1) }
      let w = v.map { variant.yearly[$0].reduce(Int128(0)) { $0 + Int128($1) } } ?? 0
      var claimed: (Int64, Int128, Int128)?
      let draw = baseline.kinds[o] == .payment ? nonTakeUp.draw(forOutput: id) : nil
      if let draw {
        var cb: Int128 = 0
        var cv: Int128 = 0
        // By the amount against a norm, each side by its own outcomes: a household whose amount crosses
        // the boundary in the variant claims at the variant's rate. Of the bijstand's drawn ages, a
        // household only the variant entitles draws the scenario's rate (it is no counted non-user).
        let amounts = baseline.yearly[o]
        let before = baseline.decliner(draw, population: context.population)
        let after = variant.decliner(draw, population: context.population, entitledBefore: { amounts[$0] != 0 })
        for h in 0..<baseline.householdCount {
          if !before(h) { cb += Int128(baseline.yearly[o][h]) }
          if let v, !after(h) { cv += Int128(variant.yearly[v][h]) }
        }
        claimed = (draw.rate, cb, cv)
      }
      effects.append(OutputEffect(
        id: id, kind: baseline.kinds[o], baseline: b, variant: w, claimed: claimed,
        byTopUp: draw?.byTopUp, nonTakeUpNote: draw?.note, drawnUsers: draw?.drawnUsers != nil))
    }
    self.effects = effects
    let common = Set(baseline.ids).intersection(variant.ids)
    let baselineOutputs = baseline.payments(among: common)
    let variantOutputs = variant.payments(among: common)
    onlyInOne = Set(baseline.ids).symmetricDifference(variant.ids).sorted()
    let euro: Int64 = 100
    var bands = [
      Band(label: "verliest meer dan € 1.000", lower: nil, upper: -1000 * euro),
      Band(label: "verliest € 250 – € 1.000", lower: -1000 * euro, upper: -250 * euro),
      Band(label: "verliest € 50 – € 250", lower: -250 * euro, upper: -50 * euro),
      Band(label: "verliest € 1 – € 50", lower: -50 * euro, upper: -1 * euro + 1),
      Band(label: "minder dan € 1 verschil", lower: -1 * euro + 1, upper: euro),
      Band(label: "wint € 1 – € 50", lower: euro, upper: 50 * euro),
      Band(label: "wint € 50 – € 250", lower: 50 * euro, upper: 250 * euro),
      Band(label: "wint € 250 – € 1.000", lower: 250 * euro, upper: 1000 * euro),
      Band(label: "wint meer dan € 1.000", lower: 1000 * euro, upper: nil),
    ]
    var deciles = IncomeDeciles.labels.map { Group(label: $0) }
    var types = HouseholdType.allCases.map { Group(label: $0.label) }
    var undecided = 0
    // Examples: per household type, the household with the largest loss and the largest gain.
    var extremes: [String: (h: Int, d: Int64)] = [:]
    for h in 0..<context.population.householdCount {
      guard let b = baseline.total(h, of: baselineOutputs), let v = variant.total(h, of: variantOutputs) else { undecided += 1; continue }
      let d = v - b
      let band = bands.firstIndex { (d >= ($0.lower ?? Int64.min)) && (d < ($0.upper ?? Int64.max)) }!
      bands[band].households += 1
      bands[band].change += Int128(d)
      let type = HouseholdType(rawValue: context.population.householdType[h])!
      deciles[context.decile(h)].add(d)
      types[Int(type.rawValue)].add(d)
      if d != 0 {
        let key = "\(type.label), \(d < 0 ? "verliest" : "wint")"
        if let e = extremes[key], abs(e.d) >= abs(d) {} else { extremes[key] = (h, d) }
      }
    }
    self.bands = bands
    self.deciles = deciles
    self.types = types
    self.undecided = undecided
    // An extreme is a household both totals decided (d was computed from them).
    examples = extremes.sorted { $0.key < $1.key }.compactMap { key, extreme in
      guard let before = baseline.total(extreme.h, of: baselineOutputs), let after = variant.total(extreme.h, of: variantOutputs) else { return nil }
      return Example(group: key, household: extreme.h, baseline: before, variant: after)
    }
  }
}

extension ReformComparison.Group {
  mutating func add(_ d: Int64) {
    households += 1
    if d >= 100 { winners += 1 }
    if d <= -100 { losers += 1 }
    change += Int128(d)
  }
}

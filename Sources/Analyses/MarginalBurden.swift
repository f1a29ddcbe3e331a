import ExactArithmetic

/// The effective marginal burden: what a household gives up of € 1.000 more gross income of the
/// aanvrager, across the income tax and every encoded regulation together.
///
/// The burden is the rise in levies (income tax and premies) plus the fall in payments (toeslagen,
/// bijstand, AOW-partnertoeslag), as a share of the extra income; above 100 % the household ends up
/// with less (the armoedeval). Measures (the net income) are left out so nothing counts twice. When the
/// population has no levy (no income components), the burden is the withdrawal of payments alone.
public struct MarginalBurden: Sendable {
  public struct Band: Sendable {
    public let label: String
    /// Burden in per mille of the extra income: `lower ..< upper`.
    public let lower: Int64
    public let upper: Int64
    public var households = 0
  }

  /// The burden in one group of households (an income decile or a household type).
  public struct Group: Sendable {
    public let label: String
    public var households = 0
    public var sumPromille: Int128 = 0
    /// Households with a burden above 80 % and above 100 %.
    public var over80 = 0
    public var over100 = 0
    /// Mean burden in per mille.
    public var meanPromille: Int64 { households == 0 ? 0 : Int64(sumPromille / Int128(households)) }
  }

  /// Outputs that together take more than 80 % of the extra income in one household: which rules
  /// combine where the burden is high, and how often (the outputs that take something, by id).
  public struct Combination: Sendable {
    public let outputs: [String]
    /// Households with this combination and a burden above 80 %, and above 100 %.
    public var over80 = 0
    public var over100 = 0
  }

  /// The extra yearly income, in cents.
  public let step: Int64
  /// Whether levies (the income tax) are part of the burden.
  public let includesTax: Bool
  public let bands: [Band]
  /// Per output (levies and payments): the total given up across all households, cents per year
  /// (a levy that rises and a payment that falls both count positive).
  public let withdrawnByOutput: [(id: String, cents: Int128)]
  /// Households whose levies and payments together take more than the extra income.
  public let cliffs: Int
  /// Per output: households for whom this output alone takes more than the extra income.
  public let cliffsByOutput: [(id: String, households: Int)]
  /// Mean burden over the households counted, in per mille.
  public let meanPromille: Int64
  public let affected: Int
  public let undecided: Int
  /// Households counted (decided), and all households considered.
  public let counted: Int
  public let households: Int
  public let byDecile: [Group]
  public let byType: [Group]
  /// Per combination of outputs that take something: households above 80 % (most frequent first).
  public let highBurdenCombinations: [Combination]

  /// Compares `base` with `raised`, the same households with `step` cents more income of the aanvrager.
  /// `considered` selects the households (all when `nil`); `group` gives a household's decile index and
  /// household-type index, labelled by `decileLabels` and `typeLabels`.
  public init(
    base: Outcomes, raised: Outcomes, step: Int64, considered: [Int]? = nil,
    group: (Int) -> (decile: Int, type: Int) = { _ in (0, 0) }, decileLabels: [String] = [], typeLabels: [String] = []
  ) {
    self.step = step
    var bands = [
      Band(label: "geen (0 %)", lower: 0, upper: 1),
      Band(label: "0 – 25 %", lower: 1, upper: 250),
      Band(label: "25 – 40 %", lower: 250, upper: 400),
      Band(label: "40 – 60 %", lower: 400, upper: 601),
      Band(label: "60 – 80 %", lower: 601, upper: 801),
      Band(label: "80 – 100 %", lower: 801, upper: 1000),
      Band(label: "100 % (alles terug)", lower: 1000, upper: 1001),
      Band(label: "meer dan 100 % (armoedeval)", lower: 1001, upper: Int64.max),
    ]
    let levies = base.kinds.indices.filter { base.kinds[$0] == .levy }
    let sides = base.payments.map { ($0, 1 as Int64) } + levies.map { ($0, -1 as Int64) }
    includesTax = !levies.isEmpty
    var withdrawn = [Int128](repeating: 0, count: base.ids.count)
    var cliffsBy = [Int](repeating: 0, count: base.ids.count)
    var deciles = decileLabels.map { Group(label: $0) }
    var types = typeLabels.map { Group(label: $0) }
    var (cliffs, undecided, affected, counted) = (0, 0, 0, 0)
    var sum: Int128 = 0
    var combinations: [[Int]: Combination] = [:]
    let rows = considered ?? Array(0..<base.householdCount)
    for h in rows {
      guard sides.allSatisfy({ !base.undecided[$0.0][h] && !raised.undecided[$0.0][h] }) else { undecided += 1; continue }
      var lost: Int64 = 0
      var takers: [Int] = []
      for (o, sign) in sides {
        let d = (base.yearly[o][h] - raised.yearly[o][h]) * sign
        withdrawn[o] += Int128(d)
        if d > step { cliffsBy[o] += 1 }
        if d > 0 { takers.append(o) }
        lost += d
      }
      counted += 1
      // Per mille of the step, rounded down; a gain counts as no burden.
      let promille = max(0, lost) * 1000 / step
      if lost > step { cliffs += 1 }
      if lost > 0 { affected += 1 }
      // Exactly the step back is 100 %; more than the step is the armoedeval, even where the per mille
      // (rounded down) reads 1000.
      let cliff = lost > step
      if promille > 800 || cliff {
        var c = combinations[takers] ?? Combination(outputs: takers.map { base.ids[$0] })
        c.over80 += 1
        if cliff { c.over100 += 1 }
        combinations[takers] = c
      }
      sum += Int128(promille)
      let i = cliff ? bands.count - 1 : lost == step ? bands.count - 2 : (bands.firstIndex { promille >= $0.lower && promille < $0.upper } ?? bands.count - 3)
      bands[i].households += 1
      let (d, t) = group(h)
      for k in [d].filter({ deciles.indices.contains($0) }) { deciles[k].add(promille, cliff: cliff) }
      for k in [t].filter({ types.indices.contains($0) }) { types[k].add(promille, cliff: cliff) }
    }
    self.bands = bands
    let ordered = levies + base.payments
    withdrawnByOutput = ordered.map { (base.ids[$0], withdrawn[$0]) }
    cliffsByOutput = ordered.map { (base.ids[$0], cliffsBy[$0]) }
    self.cliffs = cliffs
    self.undecided = undecided
    self.affected = affected
    self.counted = counted
    meanPromille = counted == 0 ? 0 : Int64(sum / Int128(counted))
    households = rows.count
    byDecile = deciles
    byType = types
    highBurdenCombinations = combinations.values.sorted {
      ($0.over80, $1.outputs.joined(separator: "+")) > ($1.over80, $0.outputs.joined(separator: "+"))
    }
  }
}

extension MarginalBurden.Group {
  mutating func add(_ promille: Int64, cliff: Bool) {
    households += 1
    sumPromille += Int128(promille)
    if promille > 800 || cliff { over80 += 1 }
    if cliff { over100 += 1 }
  }
}

/// Raking the income classes of several groups of persons at once, so that each group keeps its own
/// mean and all groups together keep the published class shares.
///
/// One group is the persons with income of an age band and a place in the household (``IncomeByPlace``),
/// or of an age band outside the places. Each group's weights are `wₖ ∝ nₖ · cₖ · μₖ^θ`: the published
/// counts `n`, a factor `c` per class common to every group, and the group's own log tilt θ
/// (``IncomeRaking``) found so that its expected income is its target. Iterative proportional fitting
/// alternates the two: every group's θ for the current factors, then every factor times the published
/// share of its class over the share the groups together draw (each group weighted by its persons).
/// Without the factors every group tilts the national classes alone, and the tilts of the groups below
/// the national mean (the young, those over 65) and above it (couples) pile up in the outer classes:
/// 18 % of the persons with income drew less than 10.000 euros of 2022 against 13 % in the classes,
/// 5,1 % drew 100.000 or more against 4,0 % (seed 2025, 1 July 2025).
///
/// Everything is in integers (factors in a fixed point of 2³²), so every machine finds the same weights.
/// How many rounds it takes grows with how far apart the group means lie: about ten for the national
/// scenario (means from 0,4 to 1,4 times the classes' mean), some forty for 0,3 to 2 times.
/// The class shares can only be met when the targets are consistent with them: the persons-weighted mean
/// of the targets must be the classes' mean (the caller scales them so), and every target must lie
/// inside what the tilted classes reach.
struct IncomeClassRaking {
  /// One group: how many persons with income it has (in a pilot) and the mean it is raked to (euros),
  /// nil for no tilt (the classes times the factors).
  struct Group {
    var persons: Int128
    var target: Int64?
  }

  /// The fixed point of the class factors: one is 2³².
  static let one: Int128 = 1 << 32
  /// The fitting stops when every class's share is within 1/1000 of itself (0,013 percentage points
  /// for the lowest class of CBS 83931NED), far below the noise of a pilot sample; it gets there in
  /// about ten rounds. Tighter does not pay: from about 10⁻⁴ the fixed point's steps stop it.
  static let tolerance: Int128 = 1000
  /// The factors stay within 1/256 and 256.
  static let bound: Int128 = 256

  /// Per class, the factor `c` (per 2³²).
  let factors: [Int128]
  /// Per group, the weights to draw its classes by (56 bits at most).
  let weights: [[UInt64]]
  /// The rounds whose shares were checked (0 with nothing to fit: no persons or no counts), and whether
  /// the returned weights meet the classes within ``tolerance`` (true with nothing to fit).
  let rounds: Int
  let converged: Bool
  /// The largest deviation of a class's drawn share from its published share, per million of the
  /// published share, under the returned weights.
  let deviationPerMillion: Int128
  /// The class that deviates most under the returned weights: its published and its drawn share of the
  /// persons with income, per million (0 and 0 with nothing to fit).
  let worstShares: (published: Int128, drawn: Int128)
  /// ``targetGapPerMillion(counts:means:groups:)`` for these groups.
  let targetGap: Int128

  /// Rakes `groups` over the classes with published `counts` and `means` (euros), for at most `limit`
  /// rounds of the fitting; without meeting the tolerance it returns the round that came nearest (the
  /// fitting need not get nearer every round when the targets cannot be met together).
  init(counts: [UInt64], means: [Int64], groups: [Group], rounds limit: Int = 100) {
    targetGap = Self.targetGapPerMillion(counts: counts, means: means, groups: groups)
    let base = IncomeRaking.fitted(counts)
    let persons = groups.reduce(Int128(0)) { $0 + max(0, $1.persons) }
    let total = base.reduce(0, +)
    var c = [Int128](repeating: Self.one, count: counts.count)
    guard persons > 0, total > 0 else {
      (factors, weights, rounds, converged, deviationPerMillion, worstShares) = (c, Self.groupWeights(base, c, means: means, groups: groups), 0, true, 0, (0, 0))
      return
    }
    // The published share of each class, per 2⁴⁰ of all persons of the groups.
    let wanted: [Int128] = base.map { $0 * persons * (1 << 40) / total }
    var best: (factors: [Int128], weights: [[UInt64]], deviation: Int128, worst: (published: Int128, drawn: Int128))? = nil
    var round = 0
    // At least one round, so there is always a checked round to return.
    while round < max(1, limit) {
      round += 1
      let w = Self.groupWeights(base, c, means: means, groups: groups)
      let drawn = Self.drawnShares(w, groups: groups, classes: counts.count)
      let deviations = zip(wanted, drawn).map { wanted, drawn in wanted > 0 ? abs(wanted - drawn) * 1_000_000 / wanted : 0 }
      let deviation = deviations.max() ?? 0
      if best.map({ deviation < $0.deviation }) ?? true {
        let k = deviations.firstIndex(of: deviation) ?? 0
        let perMillion = { (share: Int128) in share * 1_000_000 / (persons << 40) }
        best = (c, w, deviation, (perMillion(wanted[k]), perMillion(drawn[k])))
      }
      if deviation * Self.tolerance <= 1_000_000 { break }
      for k in c.indices where base[k] > 0 && drawn[k] > 0 {
        c[k] = min(max(c[k] * wanted[k] / drawn[k], Self.one / Self.bound), Self.one * Self.bound)
      }
    }
    guard let chosen = best else { preconditionFailure("the loop runs at least once") }
    (factors, weights, rounds, deviationPerMillion, worstShares) = (chosen.factors, chosen.weights, round, chosen.deviation, chosen.worst)
    converged = chosen.deviation * Self.tolerance <= 1_000_000
  }

  /// Whether a class factor stopped at ``bound``: the groups' means and the classes do not go together.
  var isAtBound: Bool { factors.contains { $0 <= Self.one / Self.bound || $0 >= Self.one * Self.bound } }

  /// How far the persons-weighted mean of the groups' targets lies from the classes' mean, per million
  /// of the latter (a group without a target counts at the classes' mean). Beyond a thousandth the
  /// classes cannot be met with those means, however many rounds.
  static func targetGapPerMillion(counts: [UInt64], means: [Int64], groups: [Group]) -> Int128 {
    let national = Int128(IncomeRaking.mean(weights: counts, means: means))
    let persons = groups.reduce(Int128(0)) { $0 + max(0, $1.persons) }
    guard national > 0, persons > 0 else { return 0 }
    let sum = groups.reduce(Int128(0)) { $0 + max(0, $1.persons) * Int128($1.target ?? Int64(national)) }
    return abs(sum - national * persons) * 1_000_000 / (national * persons)
  }

  /// The published counts times the factors, brought to 40 bits together.
  static func counts(_ base: [Int128], _ factors: [Int128]) -> [UInt64] {
    IncomeRaking.shifted(zip(base, factors).map { $0 * $1 }, toBits: 40).map { UInt64($0) }
  }

  /// Each group's weights under the factors: raked to its target, or the counts times the factors.
  static func groupWeights(_ base: [Int128], _ factors: [Int128], means: [Int64], groups: [Group]) -> [[UInt64]] {
    let n = counts(base, factors)
    return groups.map { group in group.target.map { IncomeRaking.weights(counts: n, means: means, target: $0) } ?? n }
  }

  /// Per class, the persons the groups draw in it, per 2⁴⁰: `Σ persons · wₖ / Σ w`. Weights of 56 bits
  /// and groups below 2²⁴ persons keep every product below 2¹²⁰.
  static func drawnShares(_ weights: [[UInt64]], groups: [Group], classes: Int) -> [Int128] {
    var drawn = [Int128](repeating: 0, count: classes)
    for (w, group) in zip(weights, groups) where group.persons > 0 {
      let sum = w.reduce(Int128(0)) { $0 + Int128($1) }
      guard sum > 0 else { continue }
      for k in w.indices { drawn[k] += group.persons * Int128(w[k]) * (1 << 40) / sum }
    }
    return drawn
  }
}

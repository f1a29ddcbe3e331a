/// Personal income as the scenario's classes describe it, for one age band: pick a class by weight, then
/// an amount inside it whose expected value is the class's published mean.
///
/// Inside a class `[van, tot)` the amount is uniform on the lower or the upper half, the lower half with
/// the chance that makes the class mean come out (CBS 83931NED publishes a mean per class; a plain
/// uniform draw would give the midpoint, 75.000 instead of 66.700 in the class 50.000–100.000, and a
/// national mean 7 % too high). Without a published mean the class is uniform.
///
/// For an age band with a published mean income (`inkomen.naar_leeftijd`) the class weights are raked
/// to that mean: `wₖ ∝ nₖ · μₖ^θ = nₖ · exp(θ · ln μₖ)`, the weights nearest the national ones (least
/// relative entropy) that have a given mean of log income, with that mean, through θ, found by bisection
/// so that the expected income is the target (see ``IncomeRaking``). Logarithms and exponentials are computed in fixed-point integers, so the weights
/// are the same on every machine.
struct IncomeDistribution: Sendable {
  let choice: WeightedChoice
  /// Per class: lower bound, midpoint and upper bound (exclusive) in euros.
  let bounds: [(lo: Int64, mid: Int64, hi: Int64)]
  /// Per class: the chance (per million) of the lower half.
  let lowerHalfPerMillion: [UInt64]
  /// The expected income of a person with income under these weights, in euros (rounded down).
  let expectedEuros: Int64

  /// The national distribution (`target` nil) or the one raked to a mean of `target` euros.
  init(classes: [[Int64]], target: Int64? = nil) {
    let counts = classes.map { UInt64($0[2]) }
    self.init(classes: classes, weights: target.map { IncomeRaking.weights(counts: counts, means: classes.map(Self.mean), target: $0) } ?? counts)
  }

  /// The classes drawn by `weights` (one per class, not all 0).
  init(classes: [[Int64]], weights: [UInt64]) {
    let means = classes.map(Self.mean)
    choice = WeightedChoice(weights)
    bounds = classes.map { ($0[0], ($0[0] + $0[1]) / 2, $0[1]) }
    lowerHalfPerMillion = classes.map { c in
      guard c.count == 4 else { return 500_000 }
      // mean = p·(lo+mid)/2 + (1−p)·(mid+hi)/2  ⇒  p = ((mid+hi) − 2·mean) / (hi − lo)
      let mid = (c[0] + c[1]) / 2
      return UInt64((mid + c[1] - 2 * c[3]) * 1_000_000 / (c[1] - c[0]))
    }
    expectedEuros = IncomeRaking.mean(weights: weights, means: means)
  }

  /// The expected income of the classes as given (not raked), in euros (rounded down).
  static func nationalMean(_ classes: [[Int64]]) -> Int64 {
    IncomeRaking.mean(weights: classes.map { UInt64($0[2]) }, means: classes.map(mean))
  }

  /// The mean of a class: its published mean, else the midpoint.
  static func mean(_ c: [Int64]) -> Int64 { c.count == 4 ? c[3] : (c[0] + c[1]) / 2 }

  /// A yearly income in cents.
  func sample(_ r: inout RandomSource) -> Int64 {
    let k = choice.pick(&r)
    let (lo, mid, hi) = bounds[k]
    let euros = r.chance(lowerHalfPerMillion[k], in: 1_000_000) ? r.integer(in: lo...(max(lo, mid - 1))) : r.integer(in: mid...(hi - 1))
    return euros * 100 + r.integer(in: 0...99)
  }
}

/// Raking class weights to a mean, with logarithms and exponentials in fixed-point integers (no
/// floating point, so the same weights on every machine).
///
/// The tilt is in log income, `nₖ · μₖ^θ`: the relative weight of two classes changes with the ratio
/// of their means, not with their difference in euros. Until December 2026 the tilt was in income
/// itself, `nₖ · exp(θ · μₖ)`; that raised a mean mostly through the open top class (mean 338.000
/// euros), so groups above the national mean came out far more unequal than CBS finds (couples' median
/// loon 0,73 of the mean, CBS primary income 0,88–0,92; now 0,82). Lowering a mean, the log tilt leans
/// harder on the class under 10.000 than the old one did: groups below the national mean (the young,
/// single parents) came out somewhat more unequal. Neither tilt alone reproduces the national class shares
/// across all groups together; ``IncomeClassRaking`` adds a factor per class common to all groups.
enum IncomeRaking {
  /// One, in the fixed point the exponentials use (2⁶⁰).
  static let one: Int128 = 1 << 60

  /// The weights `nₖ · exp(θ · ln μₖ)` (scaled to fit 56 bits each) whose expected `μ` is `target`,
  /// or as near as the class means allow (``reachable(counts:means:)``; the scenario check refuses a
  /// target outside it).
  static func weights(counts: [UInt64], means: [Int64], target: Int64) -> [UInt64] {
    guard let limit = thetaLimit(counts: counts, means: means) else { return counts }
    // The counts and logarithms once; the bisection only tilts them.
    let (n, f) = (fitted(counts), means.map(feature))
    var (lo, hi) = (-limit, limit)
    for _ in 0..<80 where hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if mean(tilted(n, f, theta: mid), means) < Int128(target) { lo = mid } else { hi = mid }
    }
    let raw = tilted(n, f, theta: hi)
    // Shifted so the largest weight fits in 56 bits; a class whose weight shifts to 0 is not drawn.
    return shifted(raw, toBits: 56).map { UInt64($0) }
  }

  /// θ such that `θ · feature(μ)` is the exponent in the fixed point, |θ| · (ln μ_max − ln μ_min) ≤ 2000
  /// over the classes with a count (a class of count 0 is never drawn and must not set the range): far
  /// beyond where a weight still counts (a class more than e⁶⁴ below the heaviest gets weight 0); nil
  /// when those classes' logarithms do not differ (nothing to tilt). The features are at least 1 apart
  /// and below 2²⁵ (ln 10⁹ · 2²⁰), so every exponent stays below 2000 · 2⁶⁰ · 2²⁵ < 2¹⁰⁰.
  static func thetaLimit(counts: [UInt64], means: [Int64]) -> Int128? {
    let drawn = zip(fitted(counts), means).filter { $0.0 > 0 }.map(\.1)
    guard let low = drawn.min(), let high = drawn.max() else { return nil }
    let range = feature(high) - feature(low)
    return range > 0 ? 2000 * one / range : nil
  }

  /// `ln μ` in a fixed point of 2²⁰ (resolution 10⁻⁶: class means a millionth apart count as one), so
  /// that θ moves in steps of 2⁻⁴⁰ per unit of ln μ and the mean it gives lands within a euro of the
  /// target even for classes spread up to 10⁹ euros (tested).
  static func feature(_ mean: Int64) -> Int128 { logarithm(mean) >> 40 }

  /// The lowest and highest mean the raking can reach with these classes, in euros.
  static func reachable(counts: [UInt64], means: [Int64]) -> ClosedRange<Int64> {
    guard let limit = thetaLimit(counts: counts, means: means) else { return mean(weights: counts, means: means)...mean(weights: counts, means: means) }
    let (n, f) = (fitted(counts), means.map(feature))
    return Int64(mean(tilted(n, f, theta: -limit), means))...Int64(mean(tilted(n, f, theta: limit), means))
  }

  /// `values` shifted right together until the largest has at most `bits` bits.
  static func shifted(_ values: [Int128], toBits bits: Int) -> [Int128] {
    let width = 128 - (values.max() ?? 0).leadingZeroBitCount
    return values.map { $0 >> max(0, width - bits) }
  }

  /// `nₖ · exp(θ ln μₖ − max θ ln μ)` in the fixed point, from the ``fitted(_:)`` counts `n` and the
  /// ``feature(_:)`` of each mean, the maximum over the classes with a count, so every exponent that
  /// counts is ≤ 0 (a class of count 0 gets weight 0); counts of at most 40 bits keep each product
  /// below 2¹⁰⁰.
  static func tilted(_ n: [Int128], _ features: [Int128], theta: Int128) -> [Int128] {
    let exponents = features.map { theta * $0 }
    let counted: [Int128] = zip(n, exponents).filter { $0.0 > 0 }.map(\.1)
    let top: Int128 = counted.max() ?? 0
    return zip(n, exponents).map { (count: Int128, exponent: Int128) -> Int128 in
      count == 0 || exponent > top ? 0 : count * exp(negative: exponent - top)
    }
  }

  /// The counts brought to at most 40 bits together; a class whose count shifts to 0 is not drawn, so it
  /// takes no part in the tilt's range or maximum.
  static func fitted(_ counts: [UInt64]) -> [Int128] { shifted(counts.map { Int128($0) }, toBits: 40) }

  /// The expected μ under `weights`, in euros (exact integer division, rounded down).
  static func mean(weights: [UInt64], means: [Int64]) -> Int64 {
    Int64(mean(weights.map { Int128($0) }, means))
  }

  static func mean(_ weights: [Int128], _ means: [Int64]) -> Int128 {
    // Weights of at most 62 bits, means below 2³⁰ and at most 100 classes keep the sums below 2¹⁰⁰.
    let w = shifted(weights, toBits: 62)
    let total = w.reduce(0, +)
    guard total > 0 else { return 0 }
    return zip(w, means).reduce(Int128(0)) { $0 + $1.0 * Int128($1.1) } / total
  }

  /// `exp(x)` for `x ≤ 0` given in the fixed point, in the fixed point: `exp(x / 2¹⁰)` by its Taylor
  /// series, then squared ten times. Absolute error below 10⁻¹², relative below 10⁻⁹ down to e⁻⁸ (a
  /// weight smaller than that hardly counts); values below 2⁻⁶⁰ are 0.
  static func exp(negative x: Int128) -> Int128 {
    guard x > -(64 * one) else { return 0 }
    let r = x >> 10
    var sum = one
    var term = one
    for i in 1...12 {
      term = term * r / one / Int128(i)
      sum += term
    }
    for _ in 0..<10 { sum = sum * sum / one }
    return sum
  }
}

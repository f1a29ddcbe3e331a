import ExactArithmetic
import Population

/// Renting follows income: a profile over household-income quintiles, calibrated to two published
/// margins at once.
///
/// Without it every household rents with the same chance, so renters have the same incomes as owners
/// and too few of them qualify for huurtoeslag. With the scenario's `wonen.huur_naar_inkomen`, the chance
/// to rent falls linearly over the quintiles of the household income (aanvrager and partner), with its
/// mean fixed at the renters' share (`wonen.huur_promille`) and its slope chosen so that the renters'
/// mean income over the owners' equals the published ratio. The quintiles and their mean incomes come
/// from a pilot sample the generator draws from its own scenario (a fixed random stream, so the profile
/// is the same on every run); the slope is found by bisection on exact rationals.
public struct TenureProfile: Sendable {
  /// Upper bounds (inclusive, cents) of the first four quintiles of household income.
  public let bounds: [Int64]
  /// Chance to rent per quintile, per million.
  public let perMillion: [UInt64]
  /// The renters' mean income over the owners' in the pilot sample with this profile, and the target.
  public let ratio: Rational
  public let target: Rational

  /// The chance (per million) for a household with this income (cents).
  @inline(__always)
  public func perMillion(income: Int64) -> UInt64 {
    var q = 0
    while q < bounds.count && income > bounds[q] { q += 1 }
    return perMillion[q]
  }

  /// Calibrates from the household incomes of a pilot sample: `share` is the renters' share, `target`
  /// the renters' mean income over the owners'.
  public init(pilot incomes: [Int64], share: Rational, target: Rational) {
    let sorted = incomes.sorted()
    let n = max(1, sorted.count)
    bounds = (1...4).map { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, $0 * n / 5 - 1)] }
    var sums = [Int128](repeating: 0, count: 5)
    var counts = [Int](repeating: 0, count: 5)
    for income in sorted {
      var q = 0
      while q < 4 && income > bounds[q] { q += 1 }
      sums[q] += Int128(income)
      counts[q] += 1
    }
    let means = (0..<5).map { counts[$0] == 0 ? Rational.zero : Rational(numeratorDigits: String(sums[$0]), denominatorDigits: String(counts[$0]))! }
    let weights = counts.map { Rational($0) / n }
    // p_q = share − slope · (q − 2), within 0 … 1.
    func chances(_ slope: Rational) -> [Rational] { (0..<5).map { share - slope * Rational($0 - 2) } }
    func ratioFor(_ slope: Rational) -> Rational {
      let p = chances(slope)
      var (rent, rentWeight, own, ownWeight) = (Rational.zero, Rational.zero, Rational.zero, Rational.zero)
      for q in 0..<5 {
        rent = rent + weights[q] * p[q] * means[q]
        rentWeight = rentWeight + weights[q] * p[q]
        own = own + weights[q] * (Rational.one - p[q]) * means[q]
        ownWeight = ownWeight + weights[q] * (Rational.one - p[q])
      }
      guard !rentWeight.isZero, !ownWeight.isZero, !own.isZero else { return .one }
      return (rent.dividedBy(rentWeight)!).dividedBy(own.dividedBy(ownWeight)!)!
    }
    // The ratio falls as the slope rises; the steepest profile keeps every chance within 0 … 1.
    var lo = Rational.zero
    var hi = Rational.min(share, Rational.one - share) / 2
    if ratioFor(lo) <= target {
      hi = lo
    } else if ratioFor(hi) < target {
      let grid = Rational(1) / 1_073_741_824
      for _ in 0..<40 {
        let mid = (lo + hi) / 2
        if ratioFor(mid) > target { lo = mid } else { hi = mid }
        lo = lo.rounded(to: grid, mode: .naarBeneden)
        hi = hi.rounded(to: grid, mode: .naarBoven)
      }
    }
    let slope = hi
    perMillion = chances(slope).map { UInt64(max(0, ($0 * 1_000_000).rounded(to: .one, mode: .rekenkundig).intValue ?? 0)) }
    ratio = ratioFor(slope)
    self.target = target
  }
}

extension Scenario {
  /// The published ratio of renters' to owners' mean income that ``TenureProfile`` calibrates to.
  public struct TenureByIncome: Sendable, Codable {
    /// `[huurders, eigenaren]`: mean income of each, in any one unit.
    public var inkomensverhouding: [Int64]

    static let shape = YAMLShape.mapping(["inkomensverhouding": .value])

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard inkomensverhouding.count == 2, inkomensverhouding.allSatisfy({ (1...1_000_000_000).contains($0) }), inkomensverhouding[0] <= inkomensverhouding[1] else {
        throw fail("wonen.huur_naar_inkomen.inkomensverhouding: [huurders, eigenaren], twee positieve gemiddelden met huurders ≤ eigenaren")
      }
    }

    var target: Rational { Rational(Int(inkomensverhouding[0])) / Int(inkomensverhouding[1]) }
  }
}

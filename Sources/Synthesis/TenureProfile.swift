import ExactArithmetic
import Population

/// Who rents: a chance per household type and household-income quintile, calibrated to the published
/// margins at once.
///
/// Without a profile every household rents with the same chance, so renters have the same incomes as
/// owners and too few of them qualify for huurtoeslag. The profile's chance falls linearly over the
/// quintiles of household income (aanvrager and partner), with one slope for every type and one level per
/// group of types:
/// - each type the scenario names in `wonen.huur_naar_huishoudtype` is a group whose renters' share is
///   the published one for that type;
/// - the other types form one group that takes the rest of the national share (`wonen.huur_promille`),
///   weighted by the composition (``Scenario/tenureGroups``), so that the validation's margins and the
///   generator aim at the same share;
/// - the slope makes the renters' mean income over the owners' equal the published ratio
///   (`wonen.huur_naar_inkomen`), or is zero without it.
///
/// A chance stops at 0 and 1; the levels are found for the slope so that every group still meets its
/// share. Quintiles, type shares and mean incomes come from a pilot sample the generator draws from its
/// own scenario (a fixed random stream, so the profile is the same on every run); levels and slope are
/// found by bisection on exact rationals.
public struct TenureProfile: Sendable {
  /// Upper bounds (inclusive, cents) of the first four quintiles of household income.
  public let bounds: [Int64]
  /// Chance to rent per household type (``HouseholdType`` raw value) and quintile, per million.
  public let perMillion: [[UInt64]]
  /// The renters' mean income over the owners' in the pilot sample with this profile, and the target
  /// (`nil` without `huur_naar_inkomen`).
  public let ratio: Rational
  public let target: Rational?

  /// The chance (per million) for a household of this type with this income (cents).
  @inline(__always)
  public func perMillion(income: Int64, type: UInt8) -> UInt64 {
    var q = 0
    while q < bounds.count && income > bounds[q] { q += 1 }
    return perMillion[Int(type)][q]
  }

  /// Calibrates from a pilot sample's household incomes and types.
  /// - Parameters:
  ///   - groups: the groups of household types and the renters' share each must meet
  ///     (``Scenario/tenureGroups``); a type in no group rents with `fallback`, flat.
  ///   - target: the renters' mean income over the owners', or `nil` for no income gradient.
  public init(pilot incomes: [Int64], types: [UInt8], groups scenarioGroups: [Scenario.TenureGroup], fallback: Rational, target: Rational?) {
    let typeCount = HouseholdType.allCases.count
    let sorted = incomes.sorted()
    let n = max(1, sorted.count)
    bounds = (1...4).map { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, $0 * n / 5 - 1)] }
    var sums = [[Int128]](repeating: [Int128](repeating: 0, count: 5), count: typeCount)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: typeCount)
    for (h, income) in incomes.enumerated() {
      var q = 0
      while q < 4 && income > bounds[q] { q += 1 }
      let t = Int(types[h])
      sums[t][q] += Int128(income)
      counts[t][q] += 1
    }
    let cell = PilotCells(sums: sums, counts: counts, total: n)
    let groups = scenarioGroups.map { (types: $0.types.map { Int($0.rawValue) }, share: $0.share) }
    // The chances of every type for a slope, each group's level solved for its share. A group the
    // pilot has no households of rents with its share in every quintile.
    func chances(_ slope: Rational) -> [[Rational]] {
      var p = [[Rational]](repeating: [Rational](repeating: fallback, count: 5), count: typeCount)
      for group in groups {
        guard let level = cell.level(for: group.share, of: group.types, slope: slope) else {
          for t in group.types { p[t] = [Rational](repeating: group.share, count: 5) }
          continue
        }
        for t in group.types { p[t] = (0..<5).map { TenureProfile.clamped(level - slope * Rational($0 - 2)) } }
      }
      return p
    }
    var slope = Rational.zero
    if let target {
      // The ratio falls as the slope rises (renting moves to lower quintiles); from a slope of 1 on
      // every profile is a step, so the bracket is 0…1/2, widened to 0…1 when 1/2 is not steep enough.
      var lo = Rational.zero
      var hi = Rational(1) / 2
      if cell.ratio(chances(hi)) > target { (lo, hi) = (hi, Rational.one) }
      if cell.ratio(chances(lo)) <= target {
        hi = lo
      } else if cell.ratio(chances(hi)) < target {
        let grid = Rational(1) / 1_073_741_824
        for _ in 0..<32 {
          let mid = (lo + hi) / 2
          if cell.ratio(chances(mid)) > target { lo = mid } else { hi = mid }
          lo = lo.rounded(to: grid, mode: .naarBeneden)
          hi = hi.rounded(to: grid, mode: .naarBoven)
        }
      }
      slope = hi
    }
    let final = chances(slope)
    perMillion = final.map { row in row.map { UInt64(max(0, ($0 * 1_000_000).rounded(to: .one, mode: .rekenkundig).intValue ?? 0)) } }
    ratio = cell.ratio(final)
    self.target = target
  }

  static func clamped(_ value: Rational) -> Rational { Rational.max(.zero, Rational.min(.one, value)) }
}

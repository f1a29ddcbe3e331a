import ExactArithmetic
import Population

extension TenureProfile {
  /// The pilot sample in cells of household type × income quintile: how many households, and the sum
  /// of their incomes (cents), with the exact sums the calibration needs.
  struct PilotCells {
    let sums: [[Int128]]
    let counts: [[Int]]
    let total: Int

    /// The level `a` at which the group's chances `clamp(a − slope·(q − 2))`, weighted by its
    /// households per quintile, average to `share`. The average rises with `a` from 0 (at −2·slope)
    /// to 1 (at 1 + 2·slope), so bisection finds it to 2⁻³⁰. `nil` when the pilot has no households
    /// of these types.
    func level(for share: Rational, of types: [Int], slope: Rational) -> Rational? {
      let perQuintile = (0..<5).map { q in types.reduce(0) { $0 + counts[$1][q] } }
      let households = perQuintile.reduce(0, +)
      guard households > 0 else { return nil }
      func mean(_ level: Rational) -> Rational {
        var sum = Rational.zero
        for q in 0..<5 where perQuintile[q] > 0 {
          sum = sum + Rational(perQuintile[q]) * TenureProfile.clamped(level - slope * Rational(q - 2))
        }
        return sum / households
      }
      var lo = Rational.zero - slope * 2
      var hi = Rational.one + slope * 2
      let grid = Rational(1) / 1_073_741_824
      for _ in 0..<32 {
        let mid = (lo + hi) / 2
        if mean(mid) < share { lo = mid } else { hi = mid }
        lo = lo.rounded(to: grid, mode: .naarBeneden)
        hi = hi.rounded(to: grid, mode: .naarBoven)
      }
      return hi
    }

    /// The renters' mean household income over the owners' when each cell rents with `chances`
    /// (1 when either side is empty).
    func ratio(_ chances: [[Rational]]) -> Rational {
      var (rent, rentWeight, own, ownWeight) = (Rational.zero, Rational.zero, Rational.zero, Rational.zero)
      for t in counts.indices {
        for q in 0..<5 where counts[t][q] > 0 {
          let sum = Rational(numeratorDigits: String(sums[t][q]), denominatorDigits: "1")!
          let p = chances[t][q]
          rent = rent + p * sum
          rentWeight = rentWeight + p * Rational(counts[t][q])
          own = own + (Rational.one - p) * sum
          ownWeight = ownWeight + (Rational.one - p) * Rational(counts[t][q])
        }
      }
      guard !rentWeight.isZero, !ownWeight.isZero, !own.isZero else { return .one }
      return (rent.dividedBy(rentWeight)!).dividedBy(own.dividedBy(ownWeight)!)!
    }
  }
}

/// The income at a given rank: the inverse of the distribution ``IncomeDistribution/sample(_:)`` draws
/// from, so that two people can be drawn at the same rank of their own distributions (a partner at the
/// aanvrager's rank; see ``PartnerIncomeCoupling``).
extension IncomeDistribution {
  /// The whole euros at quantile `u / 2⁶⁴`: the class whose cumulative weight holds that share, then the
  /// lower or upper half of the class by its chance, then the position inside that half, in the same
  /// integer ranges `sample` draws from. A uniform `u` gives exactly the distribution `sample` gives
  /// (up to the 2⁻³² resolution of the position inside a class).
  func euros(atQuantile u: UInt64) -> Int64 {
    let cumulative = choice.cumulative
    let total = UInt128(cumulative[cumulative.count - 1])
    let position = UInt128(u) * total
    let point = UInt64(position >> 64)
    let fraction = UInt64(truncatingIfNeeded: position)
    var k = 0
    while cumulative[k] <= point { k += 1 }
    let before = k == 0 ? 0 : cumulative[k - 1]
    // The position inside the class in units of 2⁻³²: below 2³² because point − before < weight.
    let weight = UInt128(cumulative[k] - before)
    let t = ((UInt128(point - before) << 32) + UInt128(fraction >> 32)) / weight
    let lowerEnd = (UInt128(lowerHalfPerMillion[k]) << 32) / 1_000_000
    let (lo, mid, hi) = bounds[k]
    if t < lowerEnd {
      let count = UInt128(max(lo, mid - 1) - lo + 1)
      return lo + Int64(t * count / lowerEnd)
    }
    let count = UInt128(hi - mid)
    return mid + Int64((t - lowerEnd) * count / ((1 << 32) - lowerEnd))
  }
}

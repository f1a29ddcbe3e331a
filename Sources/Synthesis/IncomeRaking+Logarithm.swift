extension IncomeRaking {
  /// `ln x` for an amount of `x` euros, in the fixed point (2⁶⁰); an amount below 1 counts as 1
  /// (`ln 1 = 0`), so a class of mean 0 sits with the lowest. Exact integer arithmetic: `x = 2ᵏ · m` with
  /// `m` in [1, 2), `ln x = k · ln 2 + ln m`, and `ln m = 2 · artanh((m − 1) / (m + 1))` by its series.
  /// Absolute error below 10⁻¹⁵ (ln 2 is 17 units of the last place low, times k); the same bits on
  /// every machine.
  static func logarithm(_ x: Int64) -> Int128 {
    let v = UInt64(max(x, 1))
    let k = 63 - v.leadingZeroBitCount
    // m = v / 2ᵏ in the fixed point: v < 2⁶³, so v · 2⁶⁰ stays below 2¹²³.
    let m = (Int128(v) << 60) >> k
    return Int128(k) * ln2 + 2 * artanh((m - one) * one / (m + one))
  }

  /// `ln 2 = 2 · artanh(1/3)`, in the fixed point.
  static let ln2: Int128 = 2 * artanh(one / 3)

  /// `artanh z = z + z³/3 + z⁵/5 + …` for `0 ≤ z ≤ 1/3` in the fixed point: 24 terms leave less than
  /// (1/9)²⁴, far below the fixed point's 2⁻⁶⁰.
  static func artanh(_ z: Int128) -> Int128 {
    let square = z * z / one
    var power = z
    var sum: Int128 = 0
    for i in 0..<24 {
      sum += power / Int128(2 * i + 1)
      power = power * square / one
    }
    return sum
  }
}

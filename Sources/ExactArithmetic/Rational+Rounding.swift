import CGMP

/// How a value is brought to a multiple of a unit, as Dutch law words it.
public enum RoundingMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// *Rekenkundig afronden*: to the nearest multiple; a value exactly halfway goes away from zero
  /// (for the positive amounts of benefit law: upwards). Awir art. 14 lid 4; WML art. 14 lid 9.
  case rekenkundig
  /// *Naar boven afronden*: to the nearest multiple that is not smaller (towards +∞). Wht art. 19 lid 3.
  case naarBoven
  /// *Naar beneden afronden*: to the nearest multiple that is not larger (towards −∞).
  case naarBeneden

  /// The words a regulation uses for this mode.
  public var dutch: String {
    switch self {
    case .rekenkundig: return "rekenkundig"
    case .naarBoven: return "naar boven"
    case .naarBeneden: return "naar beneden"
    }
  }
}

extension Rational {
  /// The whole number nearest to the value under `mode`.
  public func roundedToInteger(_ mode: RoundingMode) -> Rational {
    Rational.make { out in
      let result = cgmp_mpq_numref(out)!
      let n = cgmp_mpq_numref(cell.q)!
      let d = cgmp_mpq_denref(cell.q)!
      switch mode {
      case .naarBeneden:
        __gmpz_fdiv_q(result, n, d)
      case .naarBoven:
        __gmpz_cdiv_q(result, n, d)
      case .rekenkundig:
        // floor((2|n| + d) / 2d), with the sign of n put back: halves go away from zero.
        let twiceD = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        __gmpz_init(twiceD)
        defer {
          __gmpz_clear(twiceD)
          twiceD.deallocate()
        }
        __gmpz_mul_2exp(twiceD, d, 1)
        __gmpz_abs(result, n)
        __gmpz_mul_2exp(result, result, 1)
        __gmpz_add(result, result, d)
        __gmpz_fdiv_q(result, result, twiceD)
        if cgmp_mpz_sgn(n) < 0 { __gmpz_neg(result, result) }
      }
      __gmpz_set_ui(cgmp_mpq_denref(out), 1)
    }
  }

  /// The multiple of `unit` nearest to the value under `mode`; `unit` must be positive.
  ///
  ///     Rational(decimal: "23.5")!.rounded(to: .one, mode: .rekenkundig)            // 24
  ///     Rational(decimal: "1.301")!.rounded(to: Rational(decimal: "0.6")!, mode: .rekenkundig)  // 1.2
  public func rounded(to unit: Rational, mode: RoundingMode) -> Rational {
    precondition(unit.signum > 0, "rounding unit must be positive")
    if unit == .one { return roundedToInteger(mode) }
    return self.dividedBy(unit)!.roundedToInteger(mode) * unit
  }

  /// Whether the value is a whole multiple of `unit`.
  public func isMultiple(of unit: Rational) -> Bool {
    guard let q = dividedBy(unit) else { return false }
    return q.isInteger
  }

  /// The largest whole number not above the value.
  public var floor: Rational { roundedToInteger(.naarBeneden) }
  /// The smallest whole number not below the value.
  public var ceiling: Rational { roundedToInteger(.naarBoven) }
}

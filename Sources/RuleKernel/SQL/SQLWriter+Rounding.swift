
extension SQLWriter {
  /// The largest magnitude the SQL lets a numerator or divisor reach before it leaves the row to the
  /// reference evaluator: 10^34 (10^37 / 1000), well below both `DECIMAL(38,0)` and `HUGEINT`, with room
  /// to double and to multiply by a small constant.
  static let wideLimit: Int128 = 10_000_000_000_000_000_000_000_000_000_000_000_000 / 1_000

  /// `round(a × num / den)`, `round(a × b × num / den)` or `round(a × b × num / (den × c))` with the
  /// rounding mode of the instruction, in the wide type: the condition under which the SQL computes
  /// it exactly, and the rounded quotient (wide). Where the condition fails — a divisor of 0, an
  /// intermediate beyond ``wideLimit`` (the kernel goes to 128 bits, the SQL stops at 10^34) — the row
  /// goes to the reference evaluator, as the kernel's does when its 128 bits overflow.
  func roundDivide(_ k: Int) throws -> (ok: String, quotient: String) {
    let ins = program.instructions[k]
    let o = operands[k]
    var num = Int128(ins.k)
    var den = Int128(ins.k2)
    guard den != 0 else { return ("FALSE", wideLiteral(0)) }
    if den < 0 { (num, den) = (-num, -den) }
    var conditions: [String] = []
    // |a| or |a × b| ≤ wideLimit / |num| keeps the numerator within the limit.
    let product = o.b < 0 ? wide(value(o.a)) : "\(wide(value(o.a))) * \(wide(value(o.b)))"
    conditions.append("ABS(\(product)) <= \(wideLiteral(Self.wideLimit / max(1, abs(num))))")
    var n = "\(product) * \(wideLiteral(num))"
    var d = wideLiteral(den)
    if o.c >= 0 {
      let c = value(o.c)
      conditions.append("\(c) <> 0")
      // |den × c| ≤ wideLimit, so doubling it stays exact.
      conditions.append("ABS(\(wide(c))) <= \(wideLiteral(Self.wideLimit / den))")
      // A negative divisor: both signs turn.
      n = "CASE WHEN \(c) < 0 THEN -(\(n)) ELSE \(n) END"
      d = "\(wideLiteral(den)) * ABS(\(wide(c)))"
    }
    // The quotient stays below 10^19, so every division below is exact in either engine; tested only
    // where the numerator is within the limit (CASE evaluates lazily), and the product only where it fits.
    let e19 = wideLiteral(Int128(10_000_000_000_000_000_000))
    let bounded = "CASE WHEN \(d) >= \(e19) THEN TRUE ELSE ABS(\(n)) < \(d) * \(e19) END"
    let q: String
    switch ins.roundingMode {
    case .naarBeneden:
      q = dialect.floorDivide("(\(n))", "(\(d))")
    case .naarBoven:
      q = "-\(dialect.floorDivide("(-(\(n)))", "(\(d))"))"
    case .rekenkundig:
      // Half away from zero: ⌊(2|n| + d) / 2d⌋ with the sign of n.
      let half = dialect.floorDivide("(ABS(\(n)) * 2 + \(d))", "((\(d)) * 2)")
      q = "CASE WHEN \(n) < 0 THEN -\(half) ELSE \(half) END"
    }
    return ("(CASE WHEN \(conditions.joined(separator: " AND ")) THEN \(bounded) ELSE FALSE END)", q)
  }
}

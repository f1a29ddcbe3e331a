import ExactArithmetic
import RuleIR

extension GraphBuilder {
  func scaleOf(_ id: Int32) -> Int64 {
    if case .number(let s) = self[id].repr { return s }
    return 1
  }

  static let maxScale: Int64 = 1_000_000_000_000_000

  static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
    var (a, b) = (abs(a), abs(b))
    while b != 0 { (a, b) = (b, a % b) }
    return max(a, 1)
  }

  /// A constant number, at the smallest scale that represents it exactly.
  func number(_ r: Rational, _ domain: Domain) throws -> Int32 {
    guard let (n, d) = r.int64Parts, d <= Self.maxScale else {
      throw KernelUnsupported(description: "de constante \(r) past niet in een vaste-kommagetal")
    }
    return constant(Int64(n), .number(scale: Int64(d)), domain)
  }

  /// `a` brought to `scale` (a multiple of its own scale).
  func rescale(_ a: Int32, to scale: Int64) throws -> Int32 {
    let s = scaleOf(a)
    if s == scale { return a }
    guard scale % s == 0 else { throw KernelUnsupported(description: "schaal \(scale) is geen veelvoud van \(s)") }
    return scaleBy(a, scale / s, newScale: scale)
  }

  /// `a × factor` as a value at `newScale` (the caller keeps the meaning exact).
  func scaleBy(_ a: Int32, _ factor: Int64, newScale: Int64) -> Int32 {
    let n = self[a]
    if factor == 1 && scaleOf(a) == newScale { return a }
    if let v = constantValue(a) {
      let (p, o) = v.multipliedReportingOverflow(by: factor)
      if !o { return constant(p, .number(scale: newScale), n.domain) }
    }
    var r: ClosedRange<Int128>?
    if let rr = n.range {
      let x = rr.lowerBound * Int128(factor)
      let y = rr.upperBound * Int128(factor)
      r = min(x, y)...max(x, y)
    }
    return make(.scale(a, by: factor), n.domain, .number(scale: newScale), mayFail: n.mayFail, range: r)
  }

  /// Brings two numbers to a common scale.
  func align(_ a: Int32, _ b: Int32) throws -> (Int32, Int32, Int64) {
    let sa = scaleOf(a)
    let sb = scaleOf(b)
    let (l, o) = (sa / Self.gcd(sa, sb)).multipliedReportingOverflow(by: sb)
    guard !o, l <= Self.maxScale else { throw KernelUnsupported(description: "gemeenschappelijke schaal te groot") }
    return (try rescale(a, to: l), try rescale(b, to: l), l)
  }

  func add(_ a0: Int32, _ b0: Int32, subtract: Bool = false) throws -> Int32 {
    if let factored = try factorWide(a0, b0, subtract: subtract) { return factored }
    let (a, b, s) = try align(a0, b0)
    let domain = self[a].domain == .person || self[b].domain == .person ? Domain.person : .household
    let (x, y) = (try into(a, domain), try into(b, domain))
    if let p = constantValue(x), let q = constantValue(y) {
      let (r, o) = subtract ? p.subtractingReportingOverflow(q) : p.addingReportingOverflow(q)
      if !o { return constant(r, .number(scale: s), domain) }
    }
    if !subtract, constantValue(y) == 0 { return x }
    if subtract, constantValue(y) == 0 { return x }
    if !subtract, constantValue(x) == 0 { return y }
    var range: ClosedRange<Int128>?
    if let ra = self[x].range, let rb = self[y].range {
      range = subtract ? (ra.lowerBound - rb.upperBound)...(ra.upperBound - rb.lowerBound) : (ra.lowerBound + rb.lowerBound)...(ra.upperBound + rb.upperBound)
    }
    return make(subtract ? .subtract(x, y) : .add(x, y), domain, .number(scale: s), mayFail: fails(x, y), range: range)
  }

  /// `x·y ± z·y` as `(x ± z)·y` when one side is a wide product: the way a wide product is added to
  /// (the huurtoeslag's (a × Y²) + (b × Y), rounded afterwards). Exact, by distributivity.
  func factorWide(_ a: Int32, _ b: Int32, subtract: Bool) throws -> Int32? {
    guard wideProducts.contains(a) || wideProducts.contains(b), let (ax, ay) = try factors(a), let (bx, by) = try factors(b) else { return nil }
    for (x, y, z, w) in [(ax, ay, bx, by), (ay, ax, bx, by), (ax, ay, by, bx), (ay, ax, by, bx)] where y == w {
      return try multiply(try add(x, z, subtract: subtract), y)
    }
    return nil
  }

  /// A product node as two factors whose product has the node's value: `.multiply(p, q)`, or
  /// `.scale(p, by: f)` as p times a constant.
  func factors(_ n: Int32) throws -> (Int32, Int32)? {
    switch self[n].op {
    case .multiply(let p, let q): return (p, q)
    case .scale(let p, let f):
      let c = Rational(Int(f)) * Rational(Int(scaleOf(p))) / Int(scaleOf(n))
      return (try number(c, self[n].domain), p)
    default: return nil
    }
  }

  func multiply(_ a0: Int32, _ b0: Int32) throws -> Int32 {
    if let (c, x, y) = wideSelectParts(a0) { return try wideSelect(c, try multiply(x, b0), try multiply(y, b0)) }
    if let (c, x, y) = wideSelectParts(b0) { return try wideSelect(c, try multiply(a0, x), try multiply(a0, y)) }
    let domain = self[a0].domain == .person || self[b0].domain == .person ? Domain.person : .household
    let (a, b) = (try into(a0, domain), try into(b0, domain))
    if isQuotient(a) || isQuotient(b) {
      guard !(isQuotient(a) && isQuotient(b)), !wideProducts.contains(isQuotient(a) ? b : a) else {
        throw KernelUnsupported(description: "product van een deling met een breed product")
      }
      return wideProduct(a, b, domain, scale: 1)
    }
    if constantValue(b) == 1, scaleOf(b) == 1 { return a }
    if constantValue(a) == 1, scaleOf(a) == 1 { return b }
    let (s, o) = scaleOf(a).multipliedReportingOverflow(by: scaleOf(b))
    guard !o else { throw KernelUnsupported(description: "schaal van een product te groot (\(scaleOf(a)) × \(scaleOf(b)))") }
    if let q = constantValue(b), s <= Self.maxScale { return scaleBy(a, q, newScale: s) }
    if let p = constantValue(a), s <= Self.maxScale { return scaleBy(b, p, newScale: s) }
    if s > Self.maxScale { return wideProduct(a, b, domain, scale: s) }
    var range: ClosedRange<Int128>?
    if let ra = self[a].range, let rb = self[b].range {
      let c = [ra.lowerBound * rb.lowerBound, ra.lowerBound * rb.upperBound, ra.upperBound * rb.lowerBound, ra.upperBound * rb.upperBound]
      range = c.min()!...c.max()!
    }
    return make(.multiply(a, b), domain, .number(scale: s), mayFail: fails(a, b), range: range)
  }

  /// `a / b` for a `b` that differs per row: a quotient node that only a rounding can consume.
  func quotient(_ a0: Int32, _ b0: Int32) throws -> Int32 {
    let domain = self[a0].domain == .person || self[b0].domain == .person ? Domain.person : .household
    let (a, b) = (try into(a0, domain), try into(b0, domain))
    guard !wideProducts.contains(a), !wideProducts.contains(b) else { throw KernelUnsupported(description: "deling van een breed product") }
    // The scale is a placeholder: `round` reads the scales of the operands.
    return wideProduct(.quotient(a, b), domain, scale: 1)
  }

  /// `a / c` for a constant rational `c ≠ 0`: exact by scaling.
  func divide(_ a: Int32, by c: Rational) throws -> Int32 {
    guard let (n, d) = c.int64Parts, n != 0 else { throw KernelUnsupported(description: "deling door een niet-constante of nul") }
    let sign: Int64 = n < 0 ? -1 : 1
    let (s, o) = scaleOf(a).multipliedReportingOverflow(by: Int64(abs(n)))
    guard !o, s <= Self.maxScale else { throw KernelUnsupported(description: "schaal van een deling te groot") }
    return scaleBy(a, sign * Int64(d), newScale: s)
  }

  /// `round(a)` to a multiple of `unit` with `mode`; the result has scale `unit`'s denominator.
  func round(_ a: Int32, unit: Rational, mode: RoundingMode) throws -> Int32 {
    if let (c, x, y) = wideSelectParts(a) {
      return try select(c, try round(x, unit: unit, mode: mode), try round(y, unit: unit, mode: mode))
    }
    guard let (un, ud) = unit.int64Parts else { throw KernelUnsupported(description: "afrondingseenheid te groot") }
    // value/scale → q = round(value × ud / (scale × un)); result value q × un at scale ud.
    let s = scaleOf(a)
    let (den, o) = s.multipliedReportingOverflow(by: Int64(un))
    guard !o else { throw KernelUnsupported(description: "afronding te groot") }
    let n = self[a]
    let q: Int32
    if let (p, d, t) = quotientParts(a) {
      // value = (P/sp) / (D/sd) × (T/st); q = round(P × T × sd × ud / (D × sp × st × un)).
      let (sp, sd, st) = (scaleOf(p), scaleOf(d), t.map { scaleOf($0) } ?? 1)
      let (k, o1) = sd.multipliedReportingOverflow(by: Int64(ud))
      let (k2a, o2) = sp.multipliedReportingOverflow(by: st)
      let (k2, o3) = k2a.multipliedReportingOverflow(by: Int64(un))
      guard !o1, !o2, !o3 else { throw KernelUnsupported(description: "afronding van een deling te groot") }
      let times = t ?? constant(1, .number(scale: 1), n.domain)
      q = make(.roundDivide(p, times: times, divisor: d, numerator: k, denominator: k2, mode: mode), n.domain, .number(scale: 1),
        mayFail: true, range: nil)
      return scaleBy(q, Int64(un), newScale: Int64(ud))
    }
    if wideProducts.contains(a), case .multiply(let x, let y) = n.op {
      let range: ClosedRange<Int128>? = {
        guard let rx = self[x].range, let ry = self[y].range else { return nil }
        let c = [rx.lowerBound * ry.lowerBound, rx.lowerBound * ry.upperBound, rx.upperBound * ry.lowerBound, rx.upperBound * ry.upperBound]
        let (lo, hi, f) = (c.min()!, c.max()!, Int128(ud))
        // Within 2¹⁰⁰ the 128-bit intermediate cannot overflow; otherwise the executor checks each row
        // and hands a row that overflows to the reference evaluator.
        guard lo.magnitude < (UInt128(1) << 100), hi.magnitude < (UInt128(1) << 100), f < (Int128(1) << 24) else { return nil }
        return (lo * f / Int128(den) - 1)...(hi * f / Int128(den) + 1)
      }()
      q = make(.roundDivide(x, times: y, divisor: nil, numerator: Int64(ud), denominator: den, mode: mode), n.domain, .number(scale: 1),
        mayFail: range == nil || self[x].mayFail || self[y].mayFail, range: range)
    } else if let v = constantValue(a) {
      q = constant(Self.roundDivide(Int128(v) * Int128(ud), Int128(den), mode).map { Int64($0) } ?? 0, .number(scale: 1), n.domain)
    } else {
      let range = n.range.map { r -> ClosedRange<Int128> in
        let lo = (r.lowerBound * Int128(ud)) / Int128(den) - 1
        let hi = (r.upperBound * Int128(ud)) / Int128(den) + 1
        return lo...hi
      }
      q = make(.roundDivide(a, times: nil, divisor: nil, numerator: Int64(ud), denominator: den, mode: mode), n.domain, .number(scale: 1), mayFail: n.mayFail, range: range)
    }
    return scaleBy(q, Int64(un), newScale: Int64(ud))
  }

  /// Integer division with Dutch rounding modes; `nil` on division by zero.
  static func roundDivide(_ n: Int128, _ d: Int128, _ mode: RoundingMode) -> Int128? {
    guard d != 0 else { return nil }
    var (num, den) = (n, d)
    if den < 0 {
      guard num != .min, den != .min else { return nil }
      (num, den) = (-num, -den)
    }
    switch mode {
    case .naarBeneden:
      let q = num / den
      return (num % den != 0 && num < 0) ? q - 1 : q
    case .naarBoven:
      let q = num / den
      return (num % den != 0 && num > 0) ? q + 1 : q
    case .rekenkundig:
      // Intermediates that do not fit 128 bits go to the reference evaluator (as the native backend does).
      guard num != .min, den <= Int128.max / 2, abs(num) <= (Int128.max - den) / 2 else { return nil }
      let q = (abs(num) * 2 + den) / (den * 2)
      return num < 0 ? -q : q
    }
  }

  func extremum(_ a0: Int32, _ b0: Int32, maximum: Bool) throws -> Int32 {
    var (a, b) = (a0, b0)
    if case .number = self[a].repr {
      (a, b, _) = try align(a, b)
    }
    let domain = self[a].domain == .person || self[b].domain == .person ? Domain.person : .household
    (a, b) = (try into(a, domain), try into(b, domain))
    if let p = constantValue(a), let q = constantValue(b) { return constant(maximum ? max(p, q) : min(p, q), self[a].repr, domain) }
    var range: ClosedRange<Int128>?
    if let ra = self[a].range, let rb = self[b].range {
      range = maximum ? max(ra.lowerBound, rb.lowerBound)...max(ra.upperBound, rb.upperBound) : min(ra.lowerBound, rb.lowerBound)...min(ra.upperBound, rb.upperBound)
    }
    return make(maximum ? .maximum(a, b) : .minimum(a, b), domain, self[a].repr, mayFail: fails(a, b), range: range)
  }

  func isQuotient(_ id: Int32) -> Bool {
    if case .quotient = self[id].op { return true }
    return false
  }

  /// A quotient, or a quotient times a value: (numerator, divisor, factor).
  func quotientParts(_ id: Int32) -> (Int32, Int32, Int32?)? {
    switch self[id].op {
    case .quotient(let p, let d): return (p, d, nil)
    case .multiply(let x, let y) where wideProducts.contains(id):
      if case .quotient(let p, let d) = self[x].op { return (p, d, y) }
      if case .quotient(let p, let d) = self[y].op { return (p, d, x) }
      return nil
    default: return nil
    }
  }
}

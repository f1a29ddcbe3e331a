import ExactArithmetic
import RuleIR

extension GraphBuilder {
  func domainOf(_ ids: [Int32]) -> Domain { ids.contains { self[$0].domain == .person } ? .person : .household }

  func compare(_ op: ComparisonOperator, _ a0: Int32, _ b0: Int32) throws -> Int32 {
    var (a, b) = (a0, b0)
    if case .number = self[a].repr { (a, b, _) = try align(a, b) }
    let domain = domainOf([a, b])
    (a, b) = (try into(a, domain), try into(b, domain))
    if let p = constantValue(a), let q = constantValue(b) { return boolean(Self.compare(op, p, q), domain) }
    return make(.compare(op, a, b), domain, .boolean, mayFail: fails(a, b), range: 0...1)
  }

  static func compare(_ op: ComparisonOperator, _ p: Int64, _ q: Int64) -> Bool {
    switch op {
    case .equal: return p == q
    case .notEqual: return p != q
    case .less: return p < q
    case .lessOrEqual: return p <= q
    case .greater: return p > q
    case .greaterOrEqual: return p >= q
    }
  }

  /// Three-valued `en` (`isAnd`) or `of`: constants that decide are folded, neutral ones dropped.
  func logic(_ items: [Int32], isAnd: Bool) throws -> Int32 {
    let domain = domainOf(items)
    var kept: [Int32] = []
    for item in items {
      let i = try into(item, domain)
      if let v = constantValue(i) {
        if (v != 0) != isAnd { return boolean(!isAnd, domain) }
        continue
      }
      if !kept.contains(i) { kept.append(i) }
    }
    if kept.isEmpty { return boolean(isAnd, domain) }
    if kept.count == 1 { return kept[0] }
    return make(isAnd ? .and(kept) : .or(kept), domain, .boolean, mayFail: kept.contains { self[$0].mayFail }, range: 0...1)
  }

  func not(_ a: Int32) -> Int32 {
    if let v = constantValue(a) { return boolean(v == 0, self[a].domain) }
    if case .not(let inner) = self[a].op { return inner }
    return make(.not(a), self[a].domain, .boolean, mayFail: self[a].mayFail, range: 0...1)
  }

  /// `of` over values the reference evaluates in full: every status counts.
  func anyStrict(_ items: [Int32]) throws -> Int32 {
    let domain = domainOf(items)
    var kept: [Int32] = []
    for item in items {
      let i = try into(item, domain)
      if constantValue(i) == 0 { continue }
      if !kept.contains(i) { kept.append(i) }
    }
    if kept.isEmpty { return boolean(false, domain) }
    if kept.count == 1 { return kept[0] }
    return make(.anyStrict(kept), domain, .boolean, mayFail: kept.contains { self[$0].mayFail }, range: 0...1)
  }

  /// `c ? a : b`; a constant condition picks its branch.
  func select(_ c: Int32, _ a0: Int32, _ b0: Int32) throws -> Int32 {
    if wideProducts.contains(a0) || wideProducts.contains(b0) { return try wideSelect(c, a0, b0) }
    var (a, b) = (a0, b0)
    if case .number = self[a].repr, case .number = self[b].repr { (a, b, _) = try align(a, b) }
    let domain = domainOf([c, a, b])
    let (cc, x, y) = (try into(c, domain), try into(a, domain), try into(b, domain))
    if let v = constantValue(cc) { return v != 0 ? x : y }
    if x == y && !self[cc].mayFail { return x }
    var range: ClosedRange<Int128>?
    if let ra = self[x].range, let rb = self[y].range {
      range = min(ra.lowerBound, rb.lowerBound)...max(ra.upperBound, rb.upperBound)
    }
    return make(.select(cc, x, y), domain, self[x].repr, mayFail: fails(cc, x, y), range: range)
  }

  /// A choice between values of which one is wide (a quotient by a per-row value, or a product too wide
  /// for 64 bits): kept as a wide node itself, and distributed over the rounding or product that
  /// consumes it (`round(c ? x : y)` is `c ? round(x) : round(y)`), so a rule may say "x / y indien …".
  func wideSelect(_ c: Int32, _ a: Int32, _ b: Int32) throws -> Int32 {
    let domain = domainOf([c, a, b])
    let cc = try into(c, domain)
    if let v = constantValue(cc) { return v != 0 ? a : b }
    guard self[a].domain == domain, self[b].domain == domain else {
      throw KernelUnsupported(description: "keuze tussen brede waarden van een persoon en het huishouden")
    }
    return wideProduct(.select(cc, a, b), domain, scale: 1)
  }

  /// The parts of a wide choice: (condition, then, else).
  func wideSelectParts(_ id: Int32) -> (Int32, Int32, Int32)? {
    guard wideProducts.contains(id), case .select(let c, let x, let y) = self[id].op else { return nil }
    return (c, x, y)
  }

  // MARK: Dates

  func addDuration(_ d: Int32, _ u: Int32, subtract: Bool) throws -> Int32 {
    let domain = domainOf([d, u])
    let (x, y) = (try into(d, domain), try into(u, domain))
    if let p = constantValue(x), let q = constantValue(y) {
      return constant(Int64(DayMath.addPacked(Int(p), duration: Int(q), subtract: subtract)), .date, domain)
    }
    // Packed dates are year × 1024 + …: widen by the whole years the duration can hold (a constant's own,
    // an age's range: under 600 years), plus one; a longer duration goes to the reference evaluator.
    let packed: Int128
    if let q = constantValue(y) {
      packed = Int128(q.magnitude)
    } else if let r = self[y].range {
      let widest = max(r.lowerBound.magnitude, r.upperBound.magnitude)
      packed = widest > UInt128(Int128.max) ? .max : Int128(widest)
    } else {
      throw KernelUnsupported(description: "een datum plus een duur zonder bekend bereik")
    }
    guard packed <= Int128(Lowering.longestDurationMonths * 3) * 64 else {
      throw KernelUnsupported(description: "een datum plus een duur van meer dan \(Lowering.longestDurationMonths * 3 / 12) jaar")
    }
    let years = packed / 64 / 12 + 1
    let range = self[x].range.map { ($0.lowerBound - years * 1024)...($0.upperBound + years * 1024) }
    return make(.addDuration(x, y, subtract: subtract), domain, .date, mayFail: fails(x, y), range: range)
  }

  func firstOfMonth(_ d: Int32, next: Bool) -> Int32 {
    let n = self[d]
    if let v = constantValue(d) {
      return constant(Int64(next ? DayMath.firstOfNextMonthPacked(Int(v)) : DayMath.firstOfMonthPacked(Int(v))), .date, n.domain)
    }
    let range = n.range.map { ($0.lowerBound - 32)...($0.upperBound + 1024) }
    return make(next ? .firstOfNextMonth(d) : .firstOfMonth(d), n.domain, .date, mayFail: n.mayFail, range: range)
  }

  func daysBetween(_ from: Int32, _ to: Int32) throws -> Int32 {
    let domain = domainOf([from, to])
    let (x, y) = (try into(from, domain), try into(to, domain))
    if let p = constantValue(x), let q = constantValue(y) {
      return constant(Int64(DayMath.unpack(Int(q)) - DayMath.unpack(Int(p))), .number(scale: 1), domain)
    }
    // Days between two dates of known ranges: at most their span in years × 366. Without a range: the
    // tables' dates lie in 1850–2199, and a date plus a duration (an age under 600 years) further: fewer
    // than 1.200 years apart.
    var span = Int128(1_200)
    if let rx = self[x].range, let ry = self[y].range {
      span = (max(rx.upperBound, ry.upperBound) - min(rx.lowerBound, ry.lowerBound)) / 1024 + 1
    }
    let range = (-span * 366)...(span * 366)
    return make(.daysBetween(x, y), domain, .number(scale: 1), mayFail: fails(x, y), range: range)
  }

  func age(_ birth: Int32, at: Int32) throws -> Int32 {
    let domain = domainOf([birth, at])
    let (b, a) = (try into(birth, domain), try into(at, domain))
    if let p = constantValue(b), let q = constantValue(a) {
      return constant(Int64(DayMath.agePacked(Int(p), Int(q))), .duration, domain)
    }
    // A document's dates lie in 1850–2199, so an age at a date within 200 years of them stays under 600.
    let ageRange = Int128(-600 * 12 * 64)...Int128(600 * 12 * 64)
    if let day = constantValue(a) {
      return make(.ageOn(b, day: day), self[b].domain, .duration, mayFail: self[b].mayFail, range: ageRange)
    }
    return make(.age(b, at: a), domain, .duration, mayFail: fails(b, a), range: ageRange)
  }
}

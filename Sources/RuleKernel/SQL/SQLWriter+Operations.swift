/// The SQL for each kernel operation: the same value and status, row for row, as
/// `BatchExecutor.execute` computes column by column (see there for the meaning of each operation).
extension SQLWriter {
  /// The value of instruction `k` in terms of the columns of the steps before it.
  func valueExpression(_ k: Int) throws -> String {
    let ins = program.instructions[k]
    let o = operands[k]
    let (a, b) = (value(o.a), value(o.b))
    switch ins.code {
    case .constant, .undecided, .column, .roleIn, .hasPartner:
      throw KernelUnsupported(description: "instructie \(k) hoort in de eerste stap")
    case .gather:
      return ins.flag == 1 ? "CASE WHEN t_partner = 1 THEN COALESCE(a\(k)_v, 0) ELSE 0 END" : "COALESCE(a\(k)_v, 0)"
    case .broadcast:
      return isInline(o.a) ? a : "hh.\(a)"
    case .segmentSum:
      return fit("COALESCE(a\(k)_v, 0)")
    case .segmentCount:
      return "CAST(COALESCE(a\(k)_v, 0) AS BIGINT)"
    case .segmentAny:
      return "CASE WHEN a\(k)_f IS NOT NULL AND a\(k)_f % 4 = 0 THEN 1 ELSE 0 END"
    case .add, .subtract, .multiply:
      let op = ins.code == .add ? "+" : ins.code == .subtract ? "-" : "*"
      return ins.checked ? fit("\(wide(a)) \(op) \(wide(b))") : "(\(a) \(op) \(b))"
    case .scale:
      return ins.checked ? fit("\(wide(a)) * \(literal(ins.k))") : "(\(a) * \(literal(ins.k)))"
    case .minimum: return "LEAST(\(a), \(b))"
    case .maximum: return "GREATEST(\(a), \(b))"
    case .compare:
      let ops = ["=", "<>", "<", "<=", ">", ">="]
      guard Int(ins.flag) < ops.count else { throw KernelUnsupported(description: "onbekende vergelijking") }
      return "CASE WHEN \(a) \(ops[Int(ins.flag)]) \(b) THEN 1 ELSE 0 END"
    case .roundDivide:
      let (ok, q) = try roundDivide(k)
      // Beyond the SQL's limit the row must go to the reference evaluator, which needs a status. Without
      // one the kernel proved the quotient in range; the SQL may follow only where its own limit cannot be
      // reached either: one 64-bit operand times a constant that keeps it below ``wideLimit``.
      guard ins.ds >= 0 else {
        let plain = o.b < 0 && o.c < 0 && ins.k2 != 0 && Int128(ins.k).magnitude <= UInt128(Self.wideLimit / Int128(Int64.max))
        guard plain else { throw KernelUnsupported(description: "een deling zonder status (instructie \(k)) kan de SQL niet buiten haar bereik melden") }
        return fit(q)
      }
      return "CASE WHEN \(ok) THEN \(fit(q)) ELSE 0 END"
    case .and, .or:
      let decisive = ins.code == .or
      let combined = "(" + o.list.map { value($0) }.joined(separator: decisive ? " | " : " & ") + ")"
      guard ins.ds >= 0 else { return combined }
      return "CASE WHEN \(decided(k, decisive: decisive)) THEN \(decisive ? 1 : 0) ELSE \(combined) END"
    case .anyStrict:
      return "(" + o.list.map { value($0) }.joined(separator: " | ") + ")"
    case .not:
      return "CASE WHEN \(a) = 0 THEN 1 ELSE 0 END"
    case .select:
      return "CASE WHEN \(a) <> 0 THEN \(b) ELSE \(value(o.c)) END"
    case .sameOutcome:
      return "CASE WHEN \(status(o.sa)) = \(status(o.sb)) AND (\(status(o.sa)) <> 0 OR \(a) = \(b)) THEN 1 ELSE 0 END"
    case .addDuration, .firstOfNextMonth, .firstOfMonth, .age, .daysBetween, .packCivil, .ageOn:
      return calendar(k)
    }
  }

  /// The status of instruction `k` (0 ok, 1 undecided, 2 for the reference evaluator).
  func statusExpression(_ k: Int) throws -> String {
    let ins = program.instructions[k]
    let o = operands[k]
    let both = worst([status(o.sa), status(o.sb)])
    switch ins.code {
    case .constant, .column, .roleIn, .hasPartner, .sameOutcome: return "0"
    case .undecided: return "1"
    case .gather:
      let own = status(o.sa) == "0" ? "0" : "COALESCE(a\(k)_s, 0)"
      return ins.flag == 1 ? "CASE WHEN t_partner = 1 THEN \(own) ELSE 1 END" : own
    case .broadcast:
      return status(o.sa) == "0" ? "0" : "hh.\(status(o.sa))"
    case .segmentSum:
      return "CASE WHEN \(inRange("COALESCE(a\(k)_v, 0)")) THEN \(status(o.sa) == "0" ? "0" : "COALESCE(a\(k)_s, 0)") ELSE 2 END"
    case .segmentCount:
      return status(o.sa) == "0" ? "0" : "COALESCE(a\(k)_s, 0)"
    case .segmentAny:
      return "COALESCE(a\(k)_f % 4, 0)"
    case .add, .subtract, .multiply:
      guard ins.checked else { return both }
      let op = ins.code == .add ? "+" : ins.code == .subtract ? "-" : "*"
      return "CASE WHEN \(inRange("\(wide(value(o.a))) \(op) \(wide(value(o.b)))")) THEN \(both) ELSE 2 END"
    case .scale:
      guard ins.checked else { return status(o.sa) }
      return "CASE WHEN \(inRange("\(wide(value(o.a))) * \(literal(ins.k))")) THEN \(status(o.sa)) ELSE 2 END"
    case .minimum, .maximum, .compare, .addDuration, .age, .daysBetween: return both
    case .not, .ageOn, .packCivil, .firstOfNextMonth, .firstOfMonth: return status(o.sa)
    case .roundDivide:
      let (ok, q) = try roundDivide(k)
      // Nested, not `AND`: the quotient is computed only where the condition holds (a divisor of 0).
      return "CASE WHEN \(ok) THEN (CASE WHEN \(inRange(q)) THEN \(worst([status(o.sa), status(o.sb), status(o.sc)])) ELSE 2 END) ELSE 2 END"
    case .and, .or:
      return "CASE WHEN \(decided(k, decisive: ins.code == .or)) THEN 0 ELSE \(worst(o.listStatus.map { status($0) })) END"
    case .anyStrict:
      return worst(o.listStatus.map { status($0) })
    case .select:
      let c = status(o.sa)
      let taken = "CASE WHEN \(value(o.a)) <> 0 THEN \(status(o.sb)) ELSE \(status(o.sc)) END"
      return c == "0" ? taken : "CASE WHEN \(c) <> 0 THEN \(c) ELSE \(taken) END"
    }
  }

  /// The person aggregates a household instruction reads (gathers and sums), as `a<k>_…` columns.
  func aggregateColumns(_ k: Int) -> [String] {
    let ins = program.instructions[k]
    let o = operands[k]
    let (v, s) = (value(o.a), status(o.sa))
    let mask = "\(value(o.b)) <> 0"
    switch ins.code {
    case .gather:
      let role = ins.flag == 1 ? 1 : 0
      var list = ["MAX(CASE WHEN t_rol = \(role) THEN \(v) END) AS a\(k)_v"]
      if s != "0" { list.append("MAX(CASE WHEN t_rol = \(role) THEN \(s) END) AS a\(k)_s") }
      return list
    case .segmentSum:
      var list = ["SUM(CASE WHEN \(mask) THEN \(wide(v)) ELSE \(wide("0")) END) AS a\(k)_v"]
      if s != "0" { list.append("MAX(CASE WHEN \(mask) THEN \(s) ELSE 0 END) AS a\(k)_s") }
      return list
    case .segmentCount:
      var list = ["SUM(CASE WHEN \(mask) AND \(v) <> 0 THEN 1 ELSE 0 END) AS a\(k)_v"]
      if s != "0" { list.append("MAX(CASE WHEN \(mask) THEN \(s) ELSE 0 END) AS a\(k)_s") }
      return list
    case .segmentAny:
      return ["MIN(CASE WHEN \(mask) AND (\(s) <> 0 OR \(v) <> 0) THEN t_volg * 4 + \(s) END) AS a\(k)_f"]
    default:
      return []
    }
  }

  /// Three-valued logic: some operand is ok and has the deciding value (true for `of`, false for `en`).
  func decided(_ k: Int, decisive: Bool) -> String {
    let o = operands[k]
    let dv = decisive ? 1 : 0
    return "(" + zip(o.list, o.listStatus).map { v, s in
      status(s) == "0" ? "\(value(v)) = \(dv)" : "(\(status(s)) = 0 AND \(value(v)) = \(dv))"
    }.joined(separator: " OR ") + ")"
  }

  /// The largest of some statuses.
  func worst(_ statuses: [String]) -> String {
    let real = Array(Set(statuses.filter { $0 != "0" })).sorted()
    switch real.count {
    case 0: return "0"
    case 1: return real[0]
    default: return "GREATEST(\(real.joined(separator: ", ")))"
    }
  }

  func wide(_ x: String) -> String { "CAST(\(x) AS \(dialect.wide))" }

  /// A wide constant (beyond what a 64-bit literal holds).
  func wideLiteral(_ v: Int128) -> String { "CAST('\(v)' AS \(dialect.wide))" }

  func inRange(_ w: String) -> String { "(\(w)) BETWEEN \(wideLiteral(Int128(Int64.min))) AND \(wideLiteral(Int128(Int64.max)))" }

  /// A wide value as 64 bits, 0 where it does not fit (the status then says 2).
  func fit(_ w: String) -> String { "CASE WHEN \(inRange(w)) THEN CAST(\(w) AS BIGINT) ELSE 0 END" }
}

/// The C for each kernel operation: the same value and status, row for row, as
/// `BatchExecutor.execute` computes column by column.
extension NativeStatementWriter {
  /// Instruction `k` as statements in its chunk's loop: the value into the local `v<k>`, the status
  /// into `s<k>`, each stored in its slot's column when a later chunk reads it.
  mutating func statement(_ k: Int) throws {
    let ins = program.instructions[k]
    let d = ins.domain
    let dst = "v\(k)"
    var body: [String] = []
    /// Sets the result's status, when the result has one.
    func status(_ e: String) -> [String] { ins.ds >= 0 ? ["s\(k) = \(e);"] : [] }
    let a = ins.a >= 0 && ins.code != .gather && ins.code != .broadcast && !Self.isSegment(ins) ? v(d, ins.a) : ""
    let b = ins.b >= 0 && !Self.isSegment(ins) ? v(d, ins.b) : ""
    let sa = ins.code != .gather && ins.code != .broadcast && !Self.isSegment(ins) ? s(d, ins.sa) : "0"
    let sb = s(d, ins.sb)
    switch ins.code {
    case .constant:
      body = ["\(dst) = \(constant(ins.k));"] + status("0")
    case .undecided:
      body = ["\(dst) = 0;"] + status("1")
    case .column:
      let source = d == .household ? "H\(ins.column)[HH[i]]" : "C\(ins.column)[PSRC[p]]"
      body = ["\(dst) = \(ins.flag == 1 ? "t_pack_day((int64_t)\(source))" : "(int64_t)\(source)");"] + status("0")
    case .roleIn:
      guard d == .person else { throw KernelUnsupported(description: "rol buiten de personen") }
      body = ["\(dst) = (\(ins.k)LL >> RL[p]) & 1;"] + status("0")
    case .hasPartner:
      guard d == .household else { throw KernelUnsupported(description: "partner per persoon") }
      body = ["\(dst) = PL[i] >= 0 ? 1 : 0;"] + status("0")
    case .gather:
      guard d == .household else { throw KernelUnsupported(description: "gather buiten de huishoudens") }
      let index = ins.flag == 1 ? "PL[i]" : "LS[i]"
      let value = read(.person, ins.a, at: "t_idx")
      let personStatus = readStatus(.person, ins.sa, at: "t_idx")
      body = ["int64_t v\(k); uint8_t s\(k); { int64_t t_idx = \(index); if (t_idx < 0) { v\(k) = 0; s\(k) = 1; } else { v\(k) = \(value); s\(k) = \(personStatus); } }"]
      if ins.ds < 0 { body.append("(void)s\(k);") }
      return finish(k, body)
    case .broadcast:
      guard d == .person else { throw KernelUnsupported(description: "broadcast buiten de personen") }
      body = ["\(dst) = \(read(.household, ins.a, at: "HO[p]"));"] + status(readStatus(.household, ins.sa, at: "HO[p]"))
    case .segmentSum, .segmentCount, .segmentAny:
      guard d == .household else { throw KernelUnsupported(description: "som buiten de huishoudens") }
      body = segment(ins, k)
    case .add, .subtract, .multiply:
      let op = ins.code == .add ? "+" : ins.code == .subtract ? "-" : "*"
      if ins.checked && ins.code != .multiply {
        // Two's complement overflow test without a branch, so the loop still vectorises.
        let test = ins.code == .add ? "((\(a) ^ \(dst)) & (\(b) ^ \(dst))) < 0" : "((\(a) ^ \(b)) & (\(a) ^ \(dst))) < 0"
        body = ["\(dst) = \(a) \(op) \(b);"] + status("\(test) ? 2 : \(worst([sa, sb]))")
        if ins.ds < 0 { body = ["\(dst) = \(a) \(op) \(b);"] }
      } else if ins.checked {
        body = ["{ int t_o = __builtin_mul_overflow(\(a), \(b), &\(dst)); \(status("t_o ? 2 : \(worst([sa, sb]))").joined()) }"]
      } else {
        body = ["\(dst) = \(a) \(op) \(b);"] + status(worst([sa, sb]))
      }
    case .minimum, .maximum:
      let pick = ins.code == .minimum ? "<" : ">"
      body = ["\(dst) = \(b) \(pick) \(a) ? \(b) : \(a);"] + status(worst([sa, sb]))
    case .compare:
      let ops = ["==", "!=", "<", "<=", ">", ">="]
      guard Int(ins.flag) < ops.count else { throw KernelUnsupported(description: "onbekende vergelijking") }
      body = ["\(dst) = \(a) \(ops[Int(ins.flag)]) \(b) ? 1 : 0;"] + status(worst([sa, sb]))
    case .scale:
      let k = constant(ins.k)
      if ins.checked {
        body = ["{ int t_o = __builtin_mul_overflow(\(a), \(k), &\(dst)); \(status("t_o ? 2 : \(sa)").joined()) }"]
      } else {
        body = ["\(dst) = \(a) * \(k);"] + status(sa)
      }
    case .roundDivide:
      body = roundDivide(ins, k)
    case .and, .or:
      body = kleene(ins, k, decisive: ins.code == .or)
    case .anyStrict:
      let values = ins.list.map { v(d, $0) }.joined(separator: " | ")
      body = ["\(dst) = \(values);"] + status(worst(ins.listStatus.map { s(d, $0) }))
    case .not:
      body = ["\(dst) = \(a) == 0 ? 1 : 0;"] + status(sa)
    case .select:
      let c = v(d, ins.a)
      let x = v(d, ins.b)
      let y = v(d, ins.c)
      let sc = s(d, ins.sa)
      let sx = s(d, ins.sb)
      let sy = s(d, ins.sc)
      body = ["\(dst) = \(c) != 0 ? \(x) : \(y);"]
      if ins.ds >= 0 {
        body.append("s\(k) = \(sc) != 0 ? \(sc) : (\(c) != 0 ? \(sx) : \(sy));")
      }
    case .sameOutcome:
      body = ["\(dst) = (\(sa) == \(sb) && (\(sa) != 0 || \(a) == \(b))) ? 1 : 0;"] + status("0")
    case .addDuration:
      body = ["\(dst) = t_add_packed(\(a), \(b), \(ins.flag == 1 ? 1 : 0));"] + status(worst([sa, sb]))
    case .age:
      body = ["\(dst) = t_age_packed(\(a), \(b));"] + status(worst([sa, sb]))
    case .ageOn:
      body = ["\(dst) = t_age_packed(\(a), \(constant(ins.k)));"] + status(sa)
    case .daysBetween:
      body = ["\(dst) = t_unpack(\(b)) - t_unpack(\(a));"] + status(worst([sa, sb]))
    case .packCivil:
      body = ["\(dst) = \(a);"] + status(sa)
    case .firstOfNextMonth:
      body = ["\(dst) = t_first_of_next_month(\(a));"] + status(sa)
    case .firstOfMonth:
      body = ["\(dst) = t_first_of_month(\(a));"] + status(sa)
    }
    let declare = "int64_t v\(k);" + (ins.ds >= 0 ? " uint8_t s\(k);" : "")
    return finish(k, [declare] + body)
  }

  /// Writes the statements of instruction `k`, then stores its value and status in their columns
  /// when a later chunk reads them.
  mutating func finish(_ k: Int, _ body: [String]) {
    let ins = program.instructions[k]
    let row = Self.row(ins.domain)
    var statements = body
    if chunks.valueLiveOut[k] { statements.append("\(Self.array(SlotKey(ins.domain, ins.dst), status: false))[\(row)] = v\(k);") }
    if ins.ds >= 0 && chunks.statusLiveOut[k] { statements.append("\(Self.array(SlotKey(ins.domain, ins.ds), status: true))[\(row)] = s\(k);") }
    for statement in statements { line("    " + statement) }
  }

  static func isSegment(_ ins: Instruction) -> Bool {
    ins.code == .segmentSum || ins.code == .segmentCount || ins.code == .segmentAny
  }

  /// A sum, count or existence over the persons of the household where a role test holds.
  func segment(_ ins: Instruction, _ k: Int) -> [String] {
    let value = read(.person, ins.a, at: "t_q")
    let personStatus = readStatus(.person, ins.sa, at: "t_q")
    let mask = "\(read(.person, ins.b, at: "t_q")) != 0"
    var loop: String
    switch ins.code {
    case .segmentSum:
      loop = "if (\(mask)) { if (__builtin_add_overflow(t_acc, \(value), &t_acc)) t_st = 2; t_st = t_max(t_st, \(personStatus)); }"
    case .segmentCount:
      loop = "if (\(mask)) { t_acc += \(value) != 0 ? 1 : 0; t_st = t_max(t_st, \(personStatus)); }"
    default:
      loop = "if (\(mask)) { uint8_t t_ps = \(personStatus); if (t_ps != 0) { t_st = t_ps; break; } if (\(value) != 0) { t_acc = 1; break; } }"
    }
    let store = ins.ds >= 0 ? " s\(k) = t_st;" : ""
    return ["{ int64_t t_acc = 0; uint8_t t_st = 0; (void)t_st; for (int64_t t_q = LS[i]; t_q < LS[i + 1]; t_q++) { \(loop) } v\(k) = t_acc;\(store) }"]
  }

  /// Three-valued `en` / `of`: the value is the bitwise combination; an operand that is ok and
  /// decisive decides, otherwise the worst status stands.
  func kleene(_ ins: Instruction, _ k: Int, decisive: Bool) -> [String] {
    let d = ins.domain
    let dst = "v\(k)"
    let values = ins.list.map { v(d, $0) }.joined(separator: decisive ? " | " : " & ")
    var body = ["\(dst) = \(values);"]
    guard ins.ds >= 0 else { return body }
    let dv = decisive ? 1 : 0
    let decided = zip(ins.list, ins.listStatus).map { value, status in
      status >= 0 ? "(\(s(d, status)) == 0 && \(v(d, value)) == \(dv))" : "(\(v(d, value)) == \(dv))"
    }.joined(separator: " || ")
    let ds = "s\(k)"
    body.append("\(ds) = \(worst(ins.listStatus.map { s(d, $0) }));")
    body.append("if (\(decided)) { \(dst) = \(dv); \(ds) = 0; }")
    return body
  }

  /// `round(a × num / den)`, `round(a × b × num / den)` or `round(a × b × num / (den × c))` through
  /// 128 bits; a row whose result does not fit goes to the reference evaluator (status 2).
  mutating func roundDivide(_ ins: Instruction, _ k: Int) -> [String] {
    let d = ins.domain
    let dst = "v\(k)"
    let num = constant(ins.k)
    let den = constant(ins.k2)
    let mode = Int(ins.flag)
    let a = v(d, ins.a)
    let sa = s(d, ins.sa)
    func store(_ ok: String, _ okStatus: String) -> String {
      let set = ins.ds >= 0 ? "s\(k) = (\(ok)) ? \(okStatus) : 2;" : ""
      return "if (!(\(ok))) \(dst) = 0; \(set)"
    }
    guard ins.b >= 0 else {
      return ["{ int t_ok = t_round_divide((t_i128)\(a) * \(num), \(den), \(mode), &\(dst)); \(store("t_ok", sa)) }"]
    }
    let b = v(d, ins.b)
    let sb = s(d, ins.sb)
    let product = "t_i128 t_prod; int t_o1 = __builtin_mul_overflow((t_i128)\(a) * (t_i128)\(b), (t_i128)\(num), &t_prod);"
    guard ins.c >= 0 else {
      return ["{ \(product) int t_ok = !t_o1 && t_round_divide(t_prod, \(den), \(mode), &\(dst)); \(store("t_ok", worst([sa, sb]))) }"]
    }
    let c = v(d, ins.c)
    let sc = s(d, ins.sc)
    return [
      "{ \(product) t_i128 t_den; int t_o2 = __builtin_mul_overflow((t_i128)\(den), (t_i128)\(c), &t_den); int t_ok = !t_o1 && !t_o2 && \(c) != 0 && t_round_divide(t_prod, t_den, \(mode), &\(dst)); \(store("t_ok", worst([sa, sb, sc]))) }"
    ]
  }
}

import ExactArithmetic
import Population
import RuleIR

/// Pass: from the graph to instructions. Keeps the nodes the outputs need, in creation order (which
/// is topological: operands are created before their users), and gives each a register slot that is
/// reused once its last reader has run.
struct Emitter {
  let builder: GraphBuilder

  func operands(_ op: KernelOp) -> [Int32] { Self.operands(op) }

  static func operands(_ op: KernelOp) -> [Int32] {
    switch op {
    case .constant, .undecided, .column, .roleIn, .hasPartner: return []
    case .roundDivide(let a, let times, let divisor, _, _, _): return [a] + [times, divisor].compactMap { $0 }
    case .quotient(let a, let b): return [a, b]
    case .gather(let a, _), .broadcast(let a), .scale(let a, _), .not(let a),
      .firstOfNextMonth(let a), .firstOfMonth(let a), .packCivil(let a), .ageOn(let a, _):
      return [a]
    case .segmentSum(let a, let m), .segmentCount(let a, let m), .segmentAny(let a, let m): return [a, m]
    case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .minimum(let a, let b), .maximum(let a, let b),
      .compare(_, let a, let b), .addDuration(let a, let b, _), .age(let a, let b), .daysBetween(let a, let b), .sameOutcome(let a, let b):
      return [a, b]
    case .and(let l), .or(let l), .anyStrict(let l): return l
    case .select(let c, let a, let b): return [c, a, b]
    }
  }

  func emit(roots: [(String, Int32)], unsupported: [(String, String)]) -> KernelProgram {
    let nodes = builder.nodes
    var needed = [Bool](repeating: false, count: nodes.count)
    var stack = roots.map(\.1)
    while let n = stack.popLast() {
      if needed[Int(n)] { continue }
      needed[Int(n)] = true
      stack.append(contentsOf: operands(nodes[Int(n)].op))
    }
    let order = nodes.indices.filter { needed[$0] }
    var lastUse = [Int](repeating: -1, count: nodes.count)
    for (position, n) in order.enumerated() {
      for o in operands(nodes[n].op) { lastUse[Int(o)] = position }
    }
    for (_, r) in roots { lastUse[Int(r)] = Int.max }
    var allocator = SlotAllocator()
    var valueSlot = [Int32](repeating: -1, count: nodes.count)
    var statusSlot = [Int32](repeating: -1, count: nodes.count)
    var instructions: [Instruction] = []
    var householdColumns: [String] = []
    var personColumns: [String] = []
    for (position, n) in order.enumerated() {
      let node = nodes[n]
      var ins = Instruction(code: .constant, domain: node.domain)
      ins.origin = builder.nodeOrigins[n]
      let ops = operands(node.op)
      func v(_ i: Int) -> Int32 { valueSlot[Int(ops[i])] }
      func s(_ i: Int) -> Int32 { statusSlot[Int(ops[i])] }
      if ops.count > 0 { ins.a = v(0); ins.sa = s(0) }
      if ops.count > 1 { ins.b = v(1); ins.sb = s(1) }
      if ops.count > 2 { ins.c = v(2); ins.sc = s(2) }
      ins.checked = node.checked
      switch node.op {
      case .quotient: preconditionFailure("a quotient is only consumed by its rounding and never emitted")
      case .constant(let k): ins.code = .constant; ins.k = k
      case .undecided: ins.code = .undecided
      case .column(let field):
        ins.code = .column
        ins.flag = node.repr == .date ? 1 : 0
        if node.domain == .household {
          if let i = householdColumns.firstIndex(of: field) { ins.column = i } else { householdColumns.append(field); ins.column = householdColumns.count - 1 }
        } else {
          if let i = personColumns.firstIndex(of: field) { ins.column = i } else { personColumns.append(field); ins.column = personColumns.count - 1 }
        }
      case .roleIn(let mask): ins.code = .roleIn; ins.k = Int64(mask)
      case .hasPartner: ins.code = .hasPartner
      case .gather(_, let partner): ins.code = .gather; ins.flag = partner ? 1 : 0
      case .broadcast: ins.code = .broadcast
      case .segmentSum: ins.code = .segmentSum
      case .segmentCount: ins.code = .segmentCount
      case .segmentAny: ins.code = .segmentAny
      case .add: ins.code = .add
      case .subtract: ins.code = .subtract
      case .multiply: ins.code = .multiply
      case .scale(_, let f): ins.code = .scale; ins.k = f
      case .roundDivide(_, _, _, let num, let den, let mode):
        ins.code = .roundDivide
        ins.k = num
        ins.k2 = den
        ins.roundingMode = mode
      case .minimum: ins.code = .minimum
      case .maximum: ins.code = .maximum
      case .compare(let op, _, _):
        ins.code = .compare
        ins.flag = [ComparisonOperator.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].firstIndex(of: op).map(UInt8.init)!
      case .and(let l), .or(let l), .anyStrict(let l):
        ins.code = node.op == .and(l) ? .and : node.op == .or(l) ? .or : .anyStrict
        ins.list = l.map { valueSlot[Int($0)] }
        ins.listStatus = l.map { statusSlot[Int($0)] }
      case .not: ins.code = .not
      case .select: ins.code = .select
      case .addDuration(_, _, let subtract): ins.code = .addDuration; ins.flag = subtract ? 1 : 0
      case .firstOfNextMonth: ins.code = .firstOfNextMonth
      case .firstOfMonth: ins.code = .firstOfMonth
      case .age: ins.code = .age
      case .daysBetween: ins.code = .daysBetween
      case .packCivil: ins.code = .packCivil
      case .sameOutcome: ins.code = .sameOutcome
      case .ageOn(_, let day): ins.code = .ageOn; ins.k = day
      }
      // Free the slots of operands whose last reader this is, then take a slot for the result, so a
      // result may reuse an operand's slot only in elementwise operations that read before writing.
      for o in Set(ops).sorted() where lastUse[Int(o)] == position {
        allocator.free(valueSlot[Int(o)], nodes[Int(o)].domain, status: false)
        if statusSlot[Int(o)] >= 0 { allocator.free(statusSlot[Int(o)], nodes[Int(o)].domain, status: true) }
      }
      valueSlot[n] = allocator.take(node.domain, status: false, avoiding: ops.map { valueSlot[Int($0)] })
      if node.mayFail { statusSlot[n] = allocator.take(node.domain, status: true, avoiding: ops.map { statusSlot[Int($0)] }) }
      ins.dst = valueSlot[n]
      ins.ds = statusSlot[n]
      instructions.append(ins)
    }
    let outputs = roots.map { id, r in
      KernelProgram.Output(id: id, slot: valueSlot[Int(r)], statusSlot: statusSlot[Int(r)], scale: builder.scaleOf(r))
    }
    return KernelProgram(
      instructions: instructions, householdSlots: allocator.count[0], personSlots: allocator.count[1],
      householdStatusSlots: allocator.count[2], personStatusSlots: allocator.count[3],
      householdColumns: householdColumns, personColumns: personColumns, outputs: outputs,
      unsupported: unsupported.map { (id: $0.0, reason: $0.1) }, nodeCount: order.count, origins: builder.origins)
  }
}

/// Register slots per domain (values and statuses), reused after their last reader.
struct SlotAllocator {
  var free: [[Int32]] = [[], [], [], []]
  var count = [0, 0, 0, 0]

  func kind(_ domain: Domain, _ status: Bool) -> Int { (status ? 2 : 0) + (domain == .person ? 1 : 0) }

  mutating func take(_ domain: Domain, status: Bool, avoiding: [Int32]) -> Int32 {
    let k = kind(domain, status)
    if let i = free[k].lastIndex(where: { !avoiding.contains($0) }) { return free[k].remove(at: i) }
    count[k] += 1
    return Int32(count[k] - 1)
  }

  mutating func free(_ slot: Int32, _ domain: Domain, status: Bool) {
    guard slot >= 0 else { return }
    let k = kind(domain, status)
    if !free[k].contains(slot) { free[k].append(slot) }
  }
}

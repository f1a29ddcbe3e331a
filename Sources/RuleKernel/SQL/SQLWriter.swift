import RuleIR

/// Writes the query of an ``SQLSource``: resolves the kernel's register slots to instructions (every
/// instruction gets its own column), groups instructions by depth into steps, and writes the steps.
struct SQLWriter {
  let program: KernelProgram
  let schema: SQLTableSchema
  let dialect: SQLDialect
  /// Per instruction, the instructions its operands read (−1: none).
  var operands: [Operands] = []
  /// Per instruction, its step (0: read from the tables; constants are written in place and have none).
  var level: [Int] = []
  /// Per instruction, the last step that reads it: a step keeps only the columns a later step reads.
  var lastReader: [Int] = []
  var outputColumns: [(column: String, id: String)] = []

  struct Operands {
    var a = -1, b = -1, c = -1
    var sa = -1, sb = -1, sc = -1
    var list: [Int] = []
    var listStatus: [Int] = []
  }

  private struct Key: Hashable {
    let domain: Domain
    let slot: Int32
  }

  init(program: KernelProgram, schema: SQLTableSchema, dialect: SQLDialect) {
    self.program = program
    self.schema = schema
    self.dialect = dialect
  }

  /// The domain an operand of `ins` lives in: persons for what a household gathers or sums, households
  /// for what a person receives.
  static func operandDomain(_ ins: Instruction) -> Domain {
    switch ins.code {
    case .gather, .segmentSum, .segmentCount, .segmentAny: return .person
    case .broadcast: return .household
    default: return ins.domain
    }
  }

  /// Resolves slots to the instructions that wrote them, in program order, and computes the steps.
  mutating func resolve() throws -> (value: [Int], status: [Int]) {
    var values: [Key: Int] = [:]
    var statuses: [Key: Int] = [:]
    func read(_ table: [Key: Int], _ d: Domain, _ slot: Int32) throws -> Int {
      guard slot >= 0 else { return -1 }
      guard let k = table[Key(domain: d, slot: slot)] else { throw KernelUnsupported(description: "register \(slot) wordt gelezen voor het is geschreven") }
      return k
    }
    for (k, ins) in program.instructions.enumerated() {
      let od = Self.operandDomain(ins)
      var o = Operands()
      o.a = try read(values, od, ins.a)
      o.sa = try read(statuses, od, ins.sa)
      // A segment's mask and a rounding's other operands live where the first operand lives.
      o.b = try read(values, od, ins.b)
      o.sb = try read(statuses, od, ins.sb)
      o.c = try read(values, od, ins.c)
      o.sc = try read(statuses, od, ins.sc)
      o.list = try ins.list.map { try read(values, ins.domain, $0) }
      o.listStatus = try ins.listStatus.map { try read(statuses, ins.domain, $0) }
      operands.append(o)
      let read = ([o.a, o.b, o.c, o.sa, o.sb, o.sc] + o.list + o.listStatus).filter { $0 >= 0 && !isInline($0) }
      switch ins.code {
      case .constant, .undecided: level.append(-1)
      case .column, .roleIn, .hasPartner: level.append(0)
      default: level.append(1 + (read.map { level[$0] }.max() ?? 0))
      }
      if ins.dst >= 0 { values[Key(domain: ins.domain, slot: ins.dst)] = k }
      if ins.ds >= 0 { statuses[Key(domain: ins.domain, slot: ins.ds)] = k }
    }
    let outputValues = try program.outputs.map { try read(values, .household, $0.slot) }
    let outputStatuses = try program.outputs.map { try read(statuses, .household, $0.statusSlot) }
    lastReader = level.map { _ in -1 }
    for (k, o) in operands.enumerated() {
      for j in [o.a, o.b, o.c, o.sa, o.sb, o.sc] + o.list + o.listStatus where j >= 0 {
        lastReader[j] = max(lastReader[j], level[k])
      }
    }
    let end = (level.max() ?? 0) + 1
    for j in outputValues + outputStatuses where j >= 0 { lastReader[j] = end }
    return (outputValues, outputStatuses)
  }

  /// Whether an instruction is written in place where it is read (a constant, or always undecided).
  func isInline(_ k: Int) -> Bool {
    let code = program.instructions[k].code
    return code == .constant || code == .undecided
  }

  /// The value of instruction `k` where another instruction reads it.
  func value(_ k: Int) -> String {
    guard k >= 0 else { return "0" }
    let ins = program.instructions[k]
    switch ins.code {
    case .constant: return literal(ins.k)
    case .undecided: return "0"
    default: return "v\(k)"
    }
  }

  /// The status of instruction `k` where another instruction reads it (`0` when it never fails).
  func status(_ k: Int) -> String {
    guard k >= 0 else { return "0" }
    let ins = program.instructions[k]
    switch ins.code {
    case .constant: return "0"
    case .undecided: return "1"
    default: return ins.ds >= 0 ? "s\(k)" : "0"
    }
  }

  /// An integer literal typed as 64 bits, so that arithmetic on two literals is 64-bit arithmetic too.
  func literal(_ v: Int64) -> String {
    if v == Int64.min { return "CAST('\(v)' AS BIGINT)" }
    switch dialect {
    case .duckdb: return v < 0 ? "(\(v))::BIGINT" : "\(v)::BIGINT"
    case .spark: return "\(v)L"
    }
  }
}

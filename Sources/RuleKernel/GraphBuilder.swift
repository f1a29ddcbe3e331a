import ExactArithmetic
import RuleIR

/// Builds the kernel graph: every node is hash-consed (an identical operation on identical operands is
/// one node, which is how values that do not depend on the month are computed once for all twelve
/// months), constants are folded, and each node's value range is derived from the ranges of the
/// population's columns, so that overflow checks are emitted only where the range is not proven to
/// fit in 64 bits.
final class GraphBuilder {
  struct Key: Hashable {
    let op: KernelOp
    let domain: Domain
    let repr: Repr
  }

  private(set) var nodes: [KernelNode] = []
  /// Per node, the definition whose lowering created it (an index into `origins`, −1 for none): a
  /// node shared by several definitions keeps the first.
  private(set) var nodeOrigins: [Int32] = []
  /// The definitions nodes come from, in the order they were first lowered.
  private(set) var origins: [KernelOrigin] = []
  private var originIndex: [KernelOrigin: Int32] = [:]
  /// The definition being lowered now; new nodes are attributed to it.
  var currentOrigin: Int32 = -1
  /// Products whose scale or value does not fit 64 bits: only a rounding may read them (it becomes one
  /// `roundDivide(_, times:)` with a 128-bit intermediate); they are never emitted themselves.
  private(set) var wideProducts: Set<Int32> = []
  /// Nodes that read a wide product other than through a rounding: outputs that reach one are
  /// computed by the reference evaluator.
  private(set) var poisoned: Set<Int32> = []
  private var index: [Key: Int32] = [:]
  /// Range of every column, by domain and field.
  let columnRanges: [Domain: [String: ClosedRange<Int128>]]
  let maxPersonsPerHousehold: Int128

  static let int64Range = Int128(Int64.min)...Int128(Int64.max)

  init(columnRanges: [Domain: [String: ClosedRange<Int128>]], maxPersonsPerHousehold: Int) {
    self.columnRanges = columnRanges
    self.maxPersonsPerHousehold = Int128(max(1, maxPersonsPerHousehold))
  }

  subscript(_ id: Int32) -> KernelNode { nodes[Int(id)] }

  /// Adds a node unless an identical one exists.
  func make(_ op: KernelOp, _ domain: Domain, _ repr: Repr, mayFail operandsFail: Bool, range: ClosedRange<Int128>?) -> Int32 {
    let key = Key(op: op, domain: domain, repr: repr)
    if let existing = index[key] { return existing }
    var checked = false
    var r = range
    if let rr = r, !(Self.int64Range.contains(rr.lowerBound) && Self.int64Range.contains(rr.upperBound)) {
      checked = true
      r = nil
    } else if r == nil, Self.arithmetic(op) {
      checked = true
    }
    let node = KernelNode(op: op, domain: domain, repr: repr, mayFail: operandsFail || checked || op == .undecided, range: r, checked: checked)
    nodes.append(node)
    nodeOrigins.append(currentOrigin)
    let id = Int32(nodes.count - 1)
    index[key] = id
    if !wideProducts.isEmpty, Emitter.operands(op).contains(where: { wideProducts.contains($0) || poisoned.contains($0) }) {
      poisoned.insert(id)
    }
    return id
  }

  /// The index of `origin` in `origins`, added when new.
  func intern(_ origin: KernelOrigin) -> Int32 {
    if let known = originIndex[origin] { return known }
    origins.append(origin)
    originIndex[origin] = Int32(origins.count - 1)
    return Int32(origins.count - 1)
  }

  /// A product kept for a rounding that follows (see `wideProducts`).
  func wideProduct(_ a: Int32, _ b: Int32, _ domain: Domain, scale: Int64) -> Int32 {
    wideProduct(.multiply(a, b), domain, scale: scale)
  }

  /// A node kept for a rounding that follows: a wide product or a quotient by a per-row value.
  func wideProduct(_ op: KernelOp, _ domain: Domain, scale: Int64) -> Int32 {
    let id = make(op, domain, .number(scale: scale), mayFail: true, range: nil)
    wideProducts.insert(id)
    return id
  }

  /// Whether an output's node can be emitted: it is not, and does not read, a wide product.
  func isEmittable(_ id: Int32) -> Bool { !wideProducts.contains(id) && !poisoned.contains(id) }

  static func arithmetic(_ op: KernelOp) -> Bool {
    switch op {
    case .add, .subtract, .multiply, .scale, .segmentSum, .roundDivide: return true
    default: return false
    }
  }

  func constantValue(_ id: Int32) -> Int64? {
    if case .constant(let v) = self[id].op { return v }
    return nil
  }

  func fails(_ ids: Int32...) -> Bool { ids.contains { self[$0].mayFail } }

  // MARK: Leaves

  func constant(_ v: Int64, _ repr: Repr, _ domain: Domain) -> Int32 {
    make(.constant(v), domain, repr, mayFail: false, range: Int128(v)...Int128(v))
  }

  func boolean(_ b: Bool, _ domain: Domain) -> Int32 { constant(b ? 1 : 0, .boolean, domain) }

  func undecided(_ repr: Repr, _ domain: Domain) -> Int32 {
    make(.undecided, domain, repr, mayFail: true, range: 0...0)
  }

  func column(_ field: String, _ repr: Repr, _ domain: Domain) -> Int32 {
    var range = columnRanges[domain]?[field]
    if repr == .date, let r = range {
      range = Int128(DayMath.pack(day: Int(r.lowerBound)))...Int128(DayMath.pack(day: Int(r.upperBound)))
    }
    return make(.column(field), domain, repr, mayFail: false, range: range)
  }

  /// A constant date (packed).
  func date(_ d: CivilDate, _ domain: Domain) -> Int32 { constant(Int64(DayMath.pack(d)), .date, domain) }

  func roleIn(_ mask: UInt8) -> Int32 { make(.roleIn(mask), .person, .boolean, mayFail: false, range: 0...1) }
  func hasPartner() -> Int32 { make(.hasPartner, .household, .boolean, mayFail: false, range: 0...1) }

  // MARK: Domains

  func gather(_ a: Int32, partner: Bool) -> Int32 {
    let n = self[a]
    if !partner, case .constant(let v) = n.op { return constant(v, n.repr, .household) }
    return make(.gather(a, partner: partner), .household, n.repr, mayFail: n.mayFail || partner, range: n.range)
  }

  func broadcast(_ a: Int32) -> Int32 {
    let n = self[a]
    if case .constant(let v) = n.op { return constant(v, n.repr, .person) }
    if n.op == .undecided { return undecided(n.repr, .person) }
    return make(.broadcast(a), .person, n.repr, mayFail: n.mayFail, range: n.range)
  }

  /// Moves a value into `domain` (household values are broadcast to persons).
  func into(_ a: Int32, _ domain: Domain) throws -> Int32 {
    if self[a].domain == domain { return a }
    if domain == .person { return broadcast(a) }
    throw KernelUnsupported(description: "een waarde van een persoon wordt gebruikt waar een waarde van het huishouden nodig is")
  }

  func segmentSum(_ v: Int32, mask: Int32) -> Int32 {
    let r = self[v].range.map { min(0, $0.lowerBound * maxPersonsPerHousehold)...max(0, $0.upperBound * maxPersonsPerHousehold) }
    return make(.segmentSum(v, mask: mask), .household, self[v].repr, mayFail: fails(v, mask), range: r)
  }

  func segmentCount(_ v: Int32, mask: Int32) -> Int32 {
    make(.segmentCount(v, mask: mask), .household, .number(scale: 1), mayFail: fails(v, mask), range: 0...maxPersonsPerHousehold)
  }

  func segmentAny(_ v: Int32, mask: Int32) -> Int32 {
    make(.segmentAny(v, mask: mask), .household, .boolean, mayFail: fails(v, mask), range: 0...1)
  }
}

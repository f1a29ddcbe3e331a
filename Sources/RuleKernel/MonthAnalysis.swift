import ExactArithmetic

/// Pass: find when twelve monthly evaluations can be a few.
///
/// The graphs of the twelve months of a monthly sum are compared node by node. Where they differ, the
/// difference must be a *pivot*: an ordering comparison (`<`, `≤`, `>`, `≥`) between a value that
/// does not depend on the month and one that only grows with the date (the date itself, an age on
/// the date, the first day of its month, the date plus a fixed duration). Any other difference (a
/// parameter that changes in July, a new version of a law) starts a new *segment*: Januari–June and
/// July–December, say. A pivot changes at most once in a year, so a household whose pivots are the
/// same at the first and the last month of every segment has the same value in every month of it, and
/// its yearly sum is the first month of each segment times the segment's length. More than
/// ``maxSegments`` segments, or a difference that is neither, make the sum ineligible: every household
/// is computed month by month.
struct MonthAnalysis {
  let builder: GraphBuilder
  /// January and December node of every pivot found.
  private(set) var pivots: [(january: Int32, december: Int32)] = []
  private var seen: Set<[Int32]> = []

  init(builder: GraphBuilder) { self.builder = builder }

  static let maxSegments = 4

  /// Analyses one monthly sum: the first month (0-based) of every segment, or `nil` when it is not
  /// eligible. The pivots of every segment (its first against its last month) are collected.
  mutating func segments(_ months: [Int32]) -> [Int]? {
    guard months.count == 12 else { return nil }
    var starts = [0]
    var found: [(Int32, Int32)] = []
    var last: [(Int32, Int32)] = []
    for m in 1..<12 {
      var local: [(Int32, Int32)] = []
      var memo: Set<[Int32]> = []
      if walk(months[starts.last!], months[m], &local, &memo) {
        last = local
        continue
      }
      // Not the same graph up to pivots: a new segment starts here.
      guard starts.count < Self.maxSegments else { return nil }
      found += last
      last = []
      starts.append(m)
    }
    found += last
    for (a, b) in found where seen.insert([a, b]).inserted { pivots.append((a, b)) }
    return starts
  }

  /// Whether `x` (January) and `y` (a later month) are equal up to pivots.
  func walk(_ x: Int32, _ y: Int32, _ pivots: inout [(Int32, Int32)], _ memo: inout Set<[Int32]>) -> Bool {
    if x == y { return true }
    if !memo.insert([x, y]).inserted { return true }
    let nx = builder[x]
    let ny = builder[y]
    guard nx.domain == ny.domain, nx.repr == ny.repr else { return false }
    if case .compare(let o1, let a1, let b1) = nx.op, case .compare(let o2, let a2, let b2) = ny.op, o1 == o2,
      [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(o1)
    {
      if a1 == a2 && grows(b1, b2) || b1 == b2 && grows(a1, a2) {
        pivots.append((x, y))
        return true
      }
    }
    let ox = Emitter.operands(nx.op)
    let oy = Emitter.operands(ny.op)
    guard sameKind(nx.op, ny.op), ox.count == oy.count else { return false }
    for (p, q) in zip(ox, oy) where !walk(p, q, &pivots, &memo) { return false }
    return true
  }

  /// Whether `y` is `x` at a later date: both only grow with the date.
  func grows(_ x: Int32, _ y: Int32) -> Bool {
    if x == y { return false }
    let nx = builder[x]
    let ny = builder[y]
    switch (nx.op, ny.op) {
    case (.constant(let p), .constant(let q)): return nx.repr == .date && p <= q
    case (.ageOn(let p1, let d1), .ageOn(let p2, let d2)): return p1 == p2 && d1 <= d2
    case (.age(let b1, let t1), .age(let b2, let t2)): return b1 == b2 && (t1 == t2 || grows(t1, t2))
    case (.firstOfMonth(let a), .firstOfMonth(let b)), (.firstOfNextMonth(let a), .firstOfNextMonth(let b)): return grows(a, b)
    case (.addDuration(let a1, let u1, let s1), .addDuration(let a2, let u2, let s2)): return u1 == u2 && s1 == s2 && grows(a1, a2)
    default: return false
    }
  }

  /// Same operation with the same non-operand parameters.
  func sameKind(_ a: KernelOp, _ b: KernelOp) -> Bool {
    switch (a, b) {
    case (.constant(let p), .constant(let q)): return p == q
    case (.undecided, .undecided), (.hasPartner, .hasPartner): return true
    case (.column(let p), .column(let q)): return p == q
    case (.roleIn(let p), .roleIn(let q)): return p == q
    case (.gather(_, let p), .gather(_, let q)): return p == q
    case (.scale(_, let p), .scale(_, let q)): return p == q
    case (.roundDivide(_, let t1, let q1, let n1, let d1, let m1), .roundDivide(_, let t2, let q2, let n2, let d2, let m2)):
      return (t1 == nil) == (t2 == nil) && (q1 == nil) == (q2 == nil) && n1 == n2 && d1 == d2 && m1 == m2
    case (.quotient, .quotient): return true
    case (.compare(let p, _, _), .compare(let q, _, _)): return p == q
    case (.addDuration(_, _, let p), .addDuration(_, _, let q)): return p == q
    case (.ageOn(_, let p), .ageOn(_, let q)): return p == q
    case (.broadcast, .broadcast), (.segmentSum, .segmentSum), (.segmentCount, .segmentCount), (.segmentAny, .segmentAny),
      (.add, .add), (.subtract, .subtract), (.multiply, .multiply), (.minimum, .minimum), (.maximum, .maximum),
      (.and, .and), (.or, .or), (.not, .not), (.anyStrict, .anyStrict), (.select, .select), (.firstOfNextMonth, .firstOfNextMonth),
      (.firstOfMonth, .firstOfMonth), (.age, .age), (.daysBetween, .daysBetween), (.packCivil, .packCivil), (.sameOutcome, .sameOutcome):
      return true
    default: return false
    }
  }
}

import ExactArithmetic
import RuleIR

/// One instruction of the kernel: an operation applied to every row of a batch.
struct Instruction: Sendable {
  enum Code: UInt8, Sendable {
    case constant, undecided, column, roleIn, hasPartner, gather, broadcast
    case segmentSum, segmentCount, segmentAny
    case add, subtract, multiply, scale, roundDivide, minimum, maximum, compare
    case and, or, not, anyStrict, select
    case addDuration, firstOfNextMonth, firstOfMonth, age, daysBetween, packCivil, ageOn, sameOutcome
  }

  var code: Code
  var domain: Domain
  /// Value slots of the result and operands (−1 when unused).
  var dst: Int32 = -1
  var a: Int32 = -1
  var b: Int32 = -1
  var c: Int32 = -1
  /// Status slots of the result and operands (−1: the value never fails).
  var ds: Int32 = -1
  var sa: Int32 = -1
  var sb: Int32 = -1
  var sc: Int32 = -1
  var k: Int64 = 0
  var k2: Int64 = 0
  var flag: UInt8 = 0
  var checked = false
  var list: [Int32] = []
  var listStatus: [Int32] = []
  var column: Int = -1
  /// The definition the instruction computes part of (index into ``KernelProgram/origins``), −1 for none.
  var origin: Int32 = -1

  /// The rounding mode of a `roundDivide`, kept in `flag`.
  var roundingMode: RoundingMode {
    get { flag == 0 ? .rekenkundig : flag == 1 ? .naarBoven : .naarBeneden }
    set { flag = newValue == .rekenkundig ? 0 : newValue == .naarBoven ? 1 : 2 }
  }
}

/// A compiled kernel: instructions over register slots, and where the outputs end up.
public struct KernelProgram: Sendable {
  var instructions: [Instruction]
  var householdSlots: Int
  var personSlots: Int
  var householdStatusSlots: Int
  var personStatusSlots: Int
  /// Column names in the order instructions refer to them, per domain.
  var householdColumns: [String]
  var personColumns: [String]

  public struct Output: Sendable {
    public let id: String
    let slot: Int32
    let statusSlot: Int32
    let scale: Int64
  }

  public var outputs: [Output]
  /// Outputs the kernel cannot compute; the reference evaluator computes them for every row.
  public var unsupported: [(id: String, reason: String)]
  /// Number of graph nodes and instructions, for reports.
  public var nodeCount: Int
  /// The definitions the instructions come from (see ``Instruction/origin``).
  public var origins: [KernelOrigin] = []
  public var instructionCount: Int { instructions.count }
  public var checkedInstructionCount: Int { instructions.filter(\.checked).count }

  /// Instruction counts per operation, slots per domain: for tuning and benchmark reports.
  public var profile: String {
    var counts: [String: Int] = [:]
    for i in instructions { counts["\(i.code)/\(i.domain == .household ? "h" : "p")\(i.ds >= 0 ? "!" : "")", default: 0] += 1 }
    let ops = counts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return "slots h \(householdSlots)/\(householdStatusSlots) p \(personSlots)/\(personStatusSlots); \(ops)"
  }
}

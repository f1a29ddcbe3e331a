import ExactArithmetic
import RuleIR

/// Which rows a kernel value has one entry for: households, or the persons of the households.
public enum Domain: UInt8, Sendable, Hashable {
  case household
  case person
}

/// How the `Int64` of a kernel value is to be read.
public enum Repr: Sendable, Hashable {
  /// An exact number `v / scale` (amounts, percentages, whole numbers); `scale > 0`.
  case number(scale: Int64)
  case boolean
  /// Days since 1970-01-01.
  case date
  /// A duration as `months * 64 + days` (`days` in 0…63).
  case duration
  /// A small code: an enumeration value's index or a rule's index.
  case code
}

/// The status a kernel value can have besides being a value, per row.
///
/// Statuses follow the reference evaluator's laziness: a branch not taken, or an operand that a false
/// `en` makes irrelevant, does not pass its status on.
public enum RowStatus: UInt8, Sendable {
  case ok = 0
  /// The rules cannot decide (a missing fact, no partner, no rule, conflict, not formalised).
  case undecided = 1
  /// The fixed-point value could not be proven exact (possible overflow): the reference evaluator
  /// decides this row.
  case exact = 2
}

/// One operation of the kernel graph. Operands are node indices.
public enum KernelOp: Sendable, Hashable {
  case constant(Int64)
  /// A value that is always undecided (a fact without column or default, a conflict branch).
  case undecided
  case column(String)
  /// Person domain: whether the person's role is in the set (bit per role code).
  case roleIn(UInt8)
  case hasPartner
  /// Household domain: the value of a person-domain node for the aanvrager or the partner.
  case gather(Int32, partner: Bool)
  /// Person domain: the value of a household-domain node for the person's household.
  case broadcast(Int32)
  /// Household domain: sum of a person-domain value over the persons where `mask` (a role test) holds.
  case segmentSum(Int32, mask: Int32)
  /// Household domain: how many persons in `mask` have the boolean value true.
  case segmentCount(Int32, mask: Int32)
  /// Household domain: whether a person in `mask` has the value true, stopping at the first.
  case segmentAny(Int32, mask: Int32)
  case add(Int32, Int32)
  case subtract(Int32, Int32)
  case multiply(Int32, Int32)
  /// `v × factor`, exact.
  case scale(Int32, by: Int64)
  /// `round(v × numerator / denominator)` with the mode, through a 128-bit intermediate; with
  /// `times`, `round(v × times × numerator / denominator)`: a product too wide for 64 bits that is
  /// rounded straight away (the huurtoeslag's a·Y² + b·Y, in cents).
  /// With `divisor` (always together with `times`), `round(v × times × numerator / (denominator ×
  /// divisor))`: a quotient by a value that differs per row (Pw art. 22a: the number of kostendelers),
  /// rounded straight away.
  case roundDivide(Int32, times: Int32?, divisor: Int32? = nil, numerator: Int64, denominator: Int64, mode: RoundingMode)
  /// `a / b` for a `b` that differs per row; never emitted, only consumed by a rounding.
  case quotient(Int32, Int32)
  case minimum(Int32, Int32)
  case maximum(Int32, Int32)
  case compare(ComparisonOperator, Int32, Int32)
  /// Three-valued `en`, `of`, `niet`.
  case and([Int32])
  case or([Int32])
  case not(Int32)
  /// `of` over values that were all evaluated: value OR, every status counts.
  case anyStrict([Int32])
  case select(Int32, Int32, Int32)
  case addDuration(Int32, Int32, subtract: Bool)
  case firstOfNextMonth(Int32)
  case firstOfMonth(Int32)
  case age(Int32, at: Int32)
  /// The days from the first packed date up to the second (the first counted, the second not).
  case daysBetween(Int32, Int32)
  /// A date packed as `year × 1024 + month × 32 + day`, so ages against many dates need one conversion.
  case packCivil(Int32)
  /// Whether two values have the same outcome: the same status, and when ok the same value. Never fails.
  case sameOutcome(Int32, Int32)
  /// The age (as a packed duration) of a packed birth date on a constant day.
  case ageOn(Int32, day: Int64)
}

/// A node: an operation, where its values live, how to read them, and what range they can take.
public struct KernelNode: Sendable {
  public let op: KernelOp
  public let domain: Domain
  public let repr: Repr
  /// Whether some row can have a status other than ok.
  public let mayFail: Bool
  /// Bounds of the value, when known; `nil` means unbounded (overflow checks needed).
  public let range: ClosedRange<Int128>?
  /// Whether the operation itself must check for overflow (its range is not proven to fit `Int64`).
  public let checked: Bool
}

/// Where kernel values come from: the definition (with the article of its first rule) whose lowering
/// made them. The SQL backend names its steps after it, so a reader finds the rule behind a column.
public struct KernelOrigin: Sendable, Hashable {
  /// `wet.naam`, as the rules name it.
  public let symbol: String
  /// The article of the definition's first rule, short (`Wzt art. 2 lid 1`).
  public let article: String
}

/// An unsupported construct: the output is computed by the reference evaluator for every row.
public struct KernelUnsupported: Error, Sendable, CustomStringConvertible {
  public let description: String
}

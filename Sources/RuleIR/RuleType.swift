import ExactArithmetic

/// The period an amount refers to. Amounts of different periods cannot be added or compared; the rule
/// language converts with `het twaalfvoud van` and `het twaalfde deel van`.
public enum Period: String, Sendable, Hashable, Codable {
  /// A stock, such as vermogen on 1 January.
  case stock = "bedrag"
  case perJaar = "bedrag per jaar"
  case perMaand = "bedrag per maand"
  /// A literal written without a period (`€ 24`); it takes the period of what it meets.
  case any = "bedrag (elke periode)"

  public init(_ syntax: MoneyPeriod) {
    switch syntax {
    case .none: self = .stock
    case .perJaar: self = .perJaar
    case .perMaand: self = .perMaand
    }
  }

  /// The period two amounts share, or `nil` when they cannot meet.
  public func unified(with other: Period) -> Period? {
    if self == other { return self }
    if self == .any { return other }
    if other == .any { return self }
    return nil
  }
}

/// The type of a value in the typed IR.
///
/// Amounts and numbers carry, beside their type, a *quantum* (see ``TypedExpression/quantum``): the
/// unit of which the value is known to be a whole multiple. That is how the compiler knows whether an
/// amount is in whole cents (and may be an output) or is an unrounded intermediate.
public enum RuleType: Sendable, Hashable, Codable, CustomStringConvertible {
  case money(Period)
  case percentage
  case number
  case date
  case duration
  case boolean
  case enumeration(String)
  /// One person of the household.
  case person
  /// A group of persons (`de kinderen`).
  case persons

  public var description: String {
    switch self {
    case .money(let p): return p.rawValue
    case .percentage: return "percentage"
    case .number: return "getal"
    case .date: return "datum"
    case .duration: return "duur"
    case .boolean: return "kenmerk (waar/onwaar)"
    case .enumeration(let name): return "enumeratie '\(name)'"
    case .person: return "persoon"
    case .persons: return "personen"
    }
  }

  public var isNumeric: Bool {
    switch self {
    case .money, .percentage, .number: return true
    default: return false
    }
  }

  public var isMoney: Bool {
    if case .money = self { return true }
    return false
  }

  /// The type two values share, if they can meet in an addition or comparison.
  public func unified(with other: RuleType) -> RuleType? {
    switch (self, other) {
    case (.money(let a), .money(let b)): return a.unified(with: b).map { .money($0) }
    default: return self == other ? self : nil
    }
  }
}

/// Arithmetic on quanta: the quantum of a sum is the greatest common divisor of the operands' quanta.
public enum Quantum {
  public static let cent = Rational(numerator: 1, denominator: 100)
  public static let euro = Rational.one

  /// The largest rational `g` such that both `a` and `b` are whole multiples of it; `nil` (unknown)
  /// when either is unknown.
  public static func common(_ a: Rational?, _ b: Rational?) -> Rational? {
    guard let a, let b else { return nil }
    guard let pa = a.int64Parts, let pb = b.int64Parts else { return nil }
    // gcd(n1/d1, n2/d2) = gcd(n1·d2, n2·d1) / (d1·d2)
    let (x, o1) = pa.numerator.multipliedReportingOverflow(by: pb.denominator)
    let (y, o2) = pb.numerator.multipliedReportingOverflow(by: pa.denominator)
    let (d, o3) = pa.denominator.multipliedReportingOverflow(by: pb.denominator)
    guard !o1, !o2, !o3 else { return nil }
    return Rational(numerator: gcd(abs(x), abs(y)), denominator: d)
  }

  /// The quantum of a literal: 1 for whole numbers, 1/100 for whole cents, otherwise the value's own
  /// denominator unit.
  public static func of(literal value: Rational) -> Rational? {
    if value.isInteger { return .one }
    if value.isMultiple(of: cent) { return cent }
    guard let parts = value.int64Parts else { return nil }
    return Rational(numerator: 1, denominator: parts.denominator)
  }

  /// Whether values of quantum `q` are always whole multiples of `unit`.
  public static func isMultiple(_ q: Rational?, of unit: Rational) -> Bool {
    guard let q else { return false }
    return q.isMultiple(of: unit)
  }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return max(a, 1)
  }
}

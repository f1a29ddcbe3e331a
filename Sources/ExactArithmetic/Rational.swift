import CGMP

/// An exact rational number of unbounded size, backed by GMP's `mpq_t`.
///
/// `Rational` is the number type of the reference path: every amount, percentage and ratio in a
/// regulation is evaluated with it, so no result depends on binary floating point or on the width of a
/// machine integer. Values are immutable; every operation returns a new, canonical value (numerator and
/// denominator without common factors, denominator positive).
///
///     let premie = Rational(decimal: "2112")!
///     let percentage = Rational(decimal: "1.896")! / 100
///     premie - percentage * Rational(decimal: "28405.728")!   // 1573.42699...
///
/// `Rational` never rounds. Rounding is explicit and lives in ``Rational/rounded(to:mode:)``.
public struct Rational: Sendable {
  /// Owns one GMP cell. GMP needs a stable address, so the cell is allocated by hand.
  final class Cell: @unchecked Sendable {
    let q: UnsafeMutablePointer<__mpq_struct>
    init() {
      q = .allocate(capacity: 1)
      __gmpq_init(q)
    }
    deinit {
      __gmpq_clear(q)
      q.deallocate()
    }
  }

  let cell: Cell

  init(cell: Cell) { self.cell = cell }

  /// Builds a value by letting `body` write into a fresh GMP cell.
  @inline(__always)
  static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
    let cell = Cell()
    body(cell.q)
    return Rational(cell: cell)
  }

  /// The integer `value`.
  public init(_ value: Int) {
    cell = Cell()
    __gmpq_set_si(cell.q, value, 1)
  }

  /// The fraction `numerator / denominator`, canonicalised. The denominator must not be zero.
  public init(numerator: Int, denominator: Int) {
    precondition(denominator != 0, "Rational with denominator zero")
    cell = Cell()
    let n = cgmp_mpq_numref(cell.q)!
    let d = cgmp_mpq_denref(cell.q)!
    __gmpz_set_si(n, numerator)
    __gmpz_set_si(d, denominator)
    if denominator < 0 {
      __gmpz_neg(n, n)
      __gmpz_neg(d, d)
    }
    __gmpq_canonicalize(cell.q)
  }

  /// The fraction of two integers given as decimal digit strings (an optional leading `-`).
  ///
  /// Returns `nil` when either string is not a plain integer or the denominator is zero.
  public init?(numeratorDigits: String, denominatorDigits: String = "1") {
    let cell = Cell()
    let n = cgmp_mpq_numref(cell.q)!
    let d = cgmp_mpq_denref(cell.q)!
    guard Rational.isIntegerLiteral(numeratorDigits), Rational.isIntegerLiteral(denominatorDigits),
      __gmpz_set_str(n, numeratorDigits, 10) == 0, __gmpz_set_str(d, denominatorDigits, 10) == 0,
      cgmp_mpz_sgn(d) != 0
    else { return nil }
    if cgmp_mpz_sgn(d) < 0 {
      __gmpz_neg(n, n)
      __gmpz_neg(d, d)
    }
    __gmpq_canonicalize(cell.q)
    self.cell = cell
  }

  static func isIntegerLiteral(_ s: String) -> Bool {
    var digits = Substring(s)
    if digits.first == "-" { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)
  public static let hundred = Rational(100)

  /// -1, 0 or 1.
  public var signum: Int { Int(cgmp_mpq_sgn(cell.q)) }
  public var isZero: Bool { signum == 0 }
  public var isNegative: Bool { signum < 0 }

  /// Whether the value is a whole number.
  public var isInteger: Bool { __gmpz_cmp_ui(cgmp_mpq_denref(cell.q), 1) == 0 }

  /// Binary digits of numerator and denominator together: how much memory and time the next
  /// operation on the value costs.
  public var bitSize: Int {
    Int(__gmpz_sizeinbase(cgmp_mpq_numref(cell.q), 2)) + Int(__gmpz_sizeinbase(cgmp_mpq_denref(cell.q), 2))
  }

  /// The numerator as decimal digits (with a leading `-` for negative values).
  public var numeratorString: String { Rational.string(of: cgmp_mpq_numref(cell.q)) }
  /// The (positive) denominator as decimal digits.
  public var denominatorString: String { Rational.string(of: cgmp_mpq_denref(cell.q)) }

  /// Numerator and denominator as machine integers, when both fit in an `Int`.
  public var int64Parts: (numerator: Int, denominator: Int)? {
    let n = cgmp_mpq_numref(cell.q)!
    let d = cgmp_mpq_denref(cell.q)!
    guard cgmp_mpz_fits_slong(n) != 0, cgmp_mpz_fits_slong(d) != 0 else { return nil }
    return (__gmpz_get_si(n), __gmpz_get_si(d))
  }

  /// The value as an `Int` when it is a whole number that fits.
  public var intValue: Int? {
    guard isInteger, let parts = int64Parts else { return nil }
    return parts.numerator
  }

  static func string(of z: UnsafePointer<__mpz_struct>) -> String {
    let size = __gmpz_sizeinbase(z, 10) + 2
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
    defer { buffer.deallocate() }
    _ = __gmpz_get_str(buffer, 10, z)
    return String(cString: buffer)
  }
}

extension Rational {
  public static func + (a: Rational, b: Rational) -> Rational { make { __gmpq_add($0, a.cell.q, b.cell.q) } }
  public static func - (a: Rational, b: Rational) -> Rational { make { __gmpq_sub($0, a.cell.q, b.cell.q) } }
  public static func * (a: Rational, b: Rational) -> Rational { make { __gmpq_mul($0, a.cell.q, b.cell.q) } }
  public static prefix func - (a: Rational) -> Rational { make { __gmpq_neg($0, a.cell.q) } }

  /// Exact division. Returns `nil` for division by zero, which the caller must report.
  public func dividedBy(_ b: Rational) -> Rational? {
    guard !b.isZero else { return nil }
    return Rational.make { __gmpq_div($0, cell.q, b.cell.q) }
  }

  public static func + (a: Rational, b: Int) -> Rational { a + Rational(b) }
  public static func * (a: Rational, b: Int) -> Rational { a * Rational(b) }
  /// Division by a non-zero integer constant.
  public static func / (a: Rational, b: Int) -> Rational {
    precondition(b != 0, "division by the constant zero")
    return a.dividedBy(Rational(b))!
  }

  public var magnitude: Rational { isNegative ? -self : self }

  public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }
  public static func min(_ a: Rational, _ b: Rational) -> Rational { b < a ? b : a }
}

extension Rational: Comparable, Hashable {
  public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.cell.q, b.cell.q) != 0 }
  public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.cell.q, b.cell.q) < 0 }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(numeratorString)
    hasher.combine(denominatorString)
  }
}

extension Rational: CustomStringConvertible {
  /// `n` or `n/d`, as GMP writes it.
  public var description: String {
    isInteger ? numeratorString : "\(numeratorString)/\(denominatorString)"
  }
}

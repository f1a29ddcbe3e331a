/// The SQL engines the kernel can be lowered to, and the few places where their SQL differs.
///
/// Everything else the generated SQL uses is common to both: `BIGINT`, `CASE`, `GREATEST`/`LEAST`,
/// bitwise `&` and `|`, `%` with the sign of the dividend, `make_date`, `last_day`, `year`/`month`/`day`.
/// Exact arithmetic wider than 64 bits goes through ``wide`` — DuckDB's 128-bit `HUGEINT`, Spark's
/// `DECIMAL(38,0)` — never through a binary floating-point type.
public enum SQLDialect: String, CaseIterable, Sendable {
  case duckdb
  case spark

  /// The exact integer type for intermediates that may not fit 64 bits (at least 38 decimal digits).
  var wide: String {
    switch self {
    case .duckdb: return "HUGEINT"
    case .spark: return "DECIMAL(38,0)"
    }
  }

  /// The type of amounts in euros with cents, as the tables hold them.
  var money: String { "DECIMAL(18,2)" }

  /// `a / b` rounded toward zero, for integers (64-bit or ``wide``) with `b > 0`.
  func truncatingDivide(_ a: String, _ b: String) -> String {
    switch self {
    case .duckdb: return "(\(a) // \(b))"
    case .spark: return "(\(a) div \(b))"
    }
  }

  /// `⌊n / d⌋` for ``wide`` values with `d > 0` whose quotient fits 64 bits.
  ///
  /// DuckDB divides 128-bit integers exactly. Spark has no integer division for `DECIMAL(38,0)`: its
  /// decimal quotient (six decimals, rounded) is floored and then corrected by one where the rounding
  /// crossed a whole number, so the result is exact all the same.
  func floorDivide(_ n: String, _ d: String) -> String {
    switch self {
    case .duckdb:
      return "(\(n) // \(d) - CASE WHEN \(n) % \(d) < 0 THEN 1 ELSE 0 END)"
    case .spark:
      let q0 = "CAST(FLOOR(\(n) / NULLIF(\(d), 0)) AS \(wide))"
      return "(\(q0) - CASE WHEN \(q0) * \(d) > \(n) THEN 1 WHEN (\(q0) + 1) * \(d) <= \(n) THEN -1 ELSE 0 END)"
    }
  }

  /// A date moved by a number of days.
  func addingDays(_ date: String, _ days: String) -> String {
    switch self {
    case .duckdb: return "(\(date) + CAST(\(days) AS INTEGER))"
    case .spark: return "date_add(\(date), CAST(\(days) AS INT))"
    }
  }

  /// The date of a year, month and day given as integers.
  func makeDate(_ y: String, _ m: String, _ d: String) -> String {
    "make_date(CAST(\(y) AS INT), CAST(\(m) AS INT), CAST(\(d) AS INT))"
  }

  /// A name in the SQL text (the generated names need no quoting; this keeps them safe all the same).
  func identifier(_ name: String) -> String {
    switch self {
    case .duckdb: return "\"\(name)\""
    case .spark: return "`\(name)`"
    }
  }

  /// A string literal.
  func string(_ s: String) -> String {
    switch self {
    case .duckdb: return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    case .spark: return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
  }

  /// The name the command line and documents use.
  public var displayName: String {
    switch self {
    case .duckdb: return "DuckDB"
    case .spark: return "Spark SQL"
    }
  }
}

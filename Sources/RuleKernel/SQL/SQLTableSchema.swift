import ExactArithmetic
import HouseholdModel
import Population
import RuleIR

/// The two tables the generated SQL reads, `huishoudens` and `personen`, and how each column becomes
/// the kernel's integer.
///
/// Columns are the facts of the regulations that a population holds, named after their field in the
/// household document with `.` written as `_` (`woning.rekenhuur` → `woning_rekenhuur`). Amounts are
/// `DECIMAL(18,2)` euros, dates `DATE`, kenmerken `BOOLEAN`, enumerations their value as in the
/// household document (`VARCHAR`), whole numbers `BIGINT`. Both tables carry `huishouden` (`BIGINT`);
/// `personen` also `volgnummer` (the person's place in the household, from 0: the aanvrager first,
/// a partner second) and `rol` (`aanvrager`, `partner`, `kind`, `medebewoner`).
public struct SQLTableSchema: Sendable {
  public enum Kind: Sendable, Equatable {
    case money, date, boolean, integer
    case enumeration([String])
  }

  public struct Column: Sendable {
    /// The field in the household document (`woning.rekenhuur`).
    public let field: String
    /// The column name in the table (`woning_rekenhuur`).
    public let name: String
    public let kind: Kind
    /// The least and greatest kernel value the household document accepts (`ten minste`, `ten
    /// hoogste`; whole numbers are never negative); a cell outside them is invalid input, as in a document.
    let lower: Int64?
    let upper: Int64?
  }

  public let household: [Column]
  public let person: [Column]

  /// The columns for the facts of `program` that `fields` holds, per table.
  /// - Throws: ``KernelUnsupported`` when two fields would get the same column name, or a fact has a
  ///   type no table column can hold.
  public init(program: Program, fields: PopulationSchema) throws {
    func columns(_ subject: Subject, _ present: Set<String>) throws -> [Column] {
      var seen: [String: String] = [:]
      return try program.facts(of: subject).filter { present.contains($0.field) }.map { fact in
        let name = Self.columnName(fact.field)
        if let other = seen[name] { throw KernelUnsupported(description: "de velden '\(other)' en '\(fact.field)' krijgen dezelfde kolomnaam '\(name)'") }
        seen[name] = fact.field
        guard !["huishouden", "volgnummer", "rol"].contains(name), !name.hasPrefix("t_") else {
          throw KernelUnsupported(description: "het veld '\(fact.field)' botst met een vaste kolom")
        }
        let kind = try Self.kind(fact.type, program)
        let (lower, upper) = Self.bounds(fact, kind)
        return Column(field: fact.field, name: name, kind: kind, lower: lower, upper: upper)
      }
    }
    household = try columns(.household, fields.householdFields)
    person = try columns(.person, fields.personFields)
  }

  public static func columnName(_ field: String) -> String { field.replacingOccurrences(of: ".", with: "_") }

  /// The bounds of a fact in kernel units (cents for amounts), as `HouseholdDecoder` applies them.
  static func bounds(_ fact: FactDeclaration, _ kind: Kind) -> (Int64?, Int64?) {
    guard kind == .money || kind == .integer else { return (nil, nil) }
    func raw(_ v: Value?) -> Int64? {
      guard case .number(let r)? = v else { return nil }
      return (kind == .money ? r * Rational(100) : r).intValue.map(Int64.init)
    }
    var lower = raw(fact.minimum)
    if kind == .integer, fact.quantum == .one, lower == nil || lower! < 0 { lower = 0 }
    return (lower, raw(fact.maximum))
  }

  static func kind(_ type: RuleType, _ program: Program) throws -> Kind {
    switch type {
    case .money: return .money
    case .date: return .date
    case .boolean: return .boolean
    case .number: return .integer
    case .enumeration(let e): return .enumeration((program.enumerations[e] ?? []).map(HouseholdDecoder.jsonForm))
    default: throw KernelUnsupported(description: "een gegeven van het type \(type) heeft geen kolomtype")
    }
  }

  public func column(field: String, domain: Domain) -> Column? {
    (domain == .household ? household : person).first { $0.field == field }
  }

  /// The column's SQL type.
  public func sqlType(_ c: Column, _ dialect: SQLDialect) -> String {
    switch c.kind {
    case .money: return dialect.money
    case .date: return "DATE"
    case .boolean: return "BOOLEAN"
    case .integer: return "BIGINT"
    case .enumeration: return dialect == .spark ? "STRING" : "VARCHAR"
    }
  }

  /// The kernel's integer for a cell: cents, a packed date (`year × 1024 + month × 32 + day`), 0 or 1,
  /// an enumeration's index. NULL for a cell that is empty, not a value of the enumeration, a date
  /// outside what the laws can mean, or an amount that is not whole cents (or beyond 9 × 10^16 euros).
  func kernelValue(_ c: Column, _ dialect: SQLDialect) -> String {
    let raw = rawValue(c, dialect)
    var tests: [String] = []
    if let lower = c.lower { tests.append("\(raw) >= \(lower)") }
    if let upper = c.upper { tests.append("\(raw) <= \(upper)") }
    return tests.isEmpty ? raw : "CASE WHEN \(tests.joined(separator: " AND ")) THEN \(raw) END"
  }

  /// The kernel's integer for a cell, before the bounds of the fact.
  func rawValue(_ c: Column, _ dialect: SQLDialect) -> String {
    let x = c.name
    switch c.kind {
    case .money:
      // Widened first: DECIMAL(18,2) times 100 does not fit DECIMAL(18) at the extremes. Whole cents
      // that fit 64 bits become an integer; anything else is invalid input.
      let cents = "(CAST(\(x) AS DECIMAL(38,10)) * 100)"
      return "CASE WHEN ABS(\(cents)) <= 9000000000000000000 AND \(cents) = FLOOR(\(cents)) THEN CAST(\(cents) AS BIGINT) END"
    case .date:
      return "CASE WHEN \(x) BETWEEN DATE '1850-01-01' AND DATE '2199-12-31' THEN CAST(year(\(x)) AS BIGINT) * 1024 + month(\(x)) * 32 + day(\(x)) END"
    case .boolean:
      return "CASE WHEN \(x) THEN CAST(1 AS BIGINT) WHEN NOT \(x) THEN CAST(0 AS BIGINT) END"
    case .integer:
      return "CAST(\(x) AS BIGINT)"
    case .enumeration(let values):
      let whens = values.enumerated().map { "WHEN \(dialect.string($1)) THEN \($0)" }.joined(separator: " ")
      return "CAST(CASE \(x) \(whens) END AS BIGINT)"
    }
  }

  /// `CREATE TABLE` statements for the two tables, as documentation and for loading CSV files.
  public func createStatements(_ dialect: SQLDialect) -> String {
    func table(_ name: String, _ fixed: [String], _ columns: [Column]) -> String {
      let lines = fixed + columns.map { "  \($0.name) \(sqlType($0, dialect))" }
      return "CREATE TABLE \(name) (\n" + lines.joined(separator: ",\n") + "\n);"
    }
    let text = dialect == .spark ? "STRING" : "VARCHAR"
    return table("huishoudens", ["  huishouden BIGINT"], household) + "\n"
      + table("personen", ["  huishouden BIGINT", "  volgnummer INT", "  rol \(text)"], person)
  }
}

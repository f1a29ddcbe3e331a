import ExactArithmetic
import HouseholdModel
import RuleIR

/// A population built from household documents cannot hold a fact for some rows and not for others.
public struct PopulationShapeError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

extension PopulationData {
  /// A population from household documents, in document order (aanvrager first, then the partner).
  ///
  /// A fact becomes a column when every household (or person) gives it or it has a default; a fact
  /// no household gives is left out, so the kernel uses its default or treats it as missing.
  public init(households: [Household], program: Program) throws {
    var personStart: [Int32] = [0]
    var role: [UInt8] = []
    var ordered: [[Person]] = []
    for h in households {
      let a = h.persons.filter { $0.role == .aanvrager }
      let p = h.persons.filter { $0.role == .partner }
      let rest = h.persons.filter { $0.role != .aanvrager && $0.role != .partner }
      let persons = a + p + rest
      ordered.append(persons)
      for person in persons { role.append(Self.code(of: person.role)) }
      personStart.append(Int32(role.count))
    }
    var householdColumns: [String: ColumnData] = [:]
    for decl in program.facts(of: .household) {
      let values = households.map { $0.facts[decl.id] ?? decl.defaultValue }
      if let column = try Self.column(values, decl, program) { householdColumns[decl.field] = column }
      let given = households.map { $0.facts[decl.id] != nil }
      if given.contains(false), householdColumns[decl.field] != nil { householdColumns[Self.presenceColumn(for: decl.field)] = .uint8(given.map { $0 ? 1 : 0 }) }
    }
    var personColumns: [String: ColumnData] = [:]
    for decl in program.facts(of: .person) {
      let values = ordered.flatMap { $0.map { $0.facts[decl.id] ?? decl.defaultValue } }
      if let column = try Self.column(values, decl, program) { personColumns[decl.field] = column }
      // Which rows gave the fact themselves (`… is opgegeven`); only where some did not.
      let given = ordered.flatMap { $0.map { $0.facts[decl.id] != nil } }
      if given.contains(false), personColumns[decl.field] != nil { personColumns[Self.presenceColumn(for: decl.field)] = .uint8(given.map { $0 ? 1 : 0 }) }
    }
    let types: [UInt8] = households.map { h in
      let partner = h.partner != nil
      let kids = h.persons.contains { $0.role == .kind }
      let others = h.persons.contains { $0.role == .medebewoner }
      let t: HouseholdType = partner ? (kids ? .paarMetKinderen : .paarZonderKinderen) : kids ? .eenouder : others ? .metMedebewoners : .alleenstaand
      return t.rawValue
    }
    self.init(
      householdCount: households.count, personStart: personStart, role: role, householdColumns: householdColumns,
      personColumns: personColumns, householdType: types)
  }

  /// The column that says, per row, whether the document gave `field` itself (1) or left it to its
  /// default (0). Present only in populations built from documents where that differs per row; a
  /// generated population gives its columns for every row.
  public static func presenceColumn(for field: String) -> String { "?" + field }

  static func column(_ values: [Value?], _ decl: FactDeclaration, _ program: Program) throws -> ColumnData? {
    if values.allSatisfy({ $0 == nil }) { return nil }
    guard values.allSatisfy({ $0 != nil }) else {
      throw PopulationShapeError(description: "het gegeven '\(decl.field)' staat bij een deel van de huishoudens en heeft geen standaardwaarde")
    }
    var out: [Int64] = []
    out.reserveCapacity(values.count)
    for v in values {
      switch v! {
      case .number(let r):
        let scaled = decl.type.isMoney ? r * 100 : r
        guard let i = scaled.intValue else {
          throw PopulationShapeError(description: "'\(decl.field)': \(r.exactString) past niet in een kolom van hele \(decl.type.isMoney ? "centen" : "getallen")")
        }
        out.append(Int64(i))
      case .boolean(let b): out.append(b ? 1 : 0)
      case .date(let d): out.append(Int64(d.dayNumber))
      case .enumCase(let e):
        guard case .enumeration(let name) = decl.type, let i = program.enumerations[name]?.firstIndex(of: e) else {
          throw PopulationShapeError(description: "'\(decl.field)': onbekende waarde \(e)")
        }
        out.append(Int64(i))
      default:
        throw PopulationShapeError(description: "'\(decl.field)' kan geen kolom zijn")
      }
    }
    return .int64(out)
  }
}

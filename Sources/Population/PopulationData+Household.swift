import ExactArithmetic
import HouseholdModel
import RuleIR

extension PopulationData {
  /// One household as the reference evaluator reads it, with every fact the population holds.
  public func household(_ h: Int, program: Program) -> Household {
    let start = Int(personStart[h])
    let end = Int(personStart[h + 1])
    var persons: [Person] = []
    for p in start..<end {
      var facts: [SymbolID: Value] = [:]
      for decl in program.facts(of: .person) {
        guard let column = personColumns[decl.field] else { continue }
        // A fact the original document left to its default stays absent (see `presenceColumn(for:)`).
        if let given = personColumns[Self.presenceColumn(for: decl.field)], given[p] == 0 { continue }
        facts[decl.id] = Self.value(column[p], decl, program)
      }
      let role = Self.roleOrder[Int(self.role[p])]
      persons.append(Person(id: "\(role.rawValue)\(p - start + 1)", role: role, facts: facts))
    }
    var facts: [SymbolID: Value] = [:]
    for decl in program.facts(of: .household) {
      guard let column = householdColumns[decl.field] else { continue }
      if let given = householdColumns[Self.presenceColumn(for: decl.field)], given[h] == 0 { continue }
      facts[decl.id] = Self.value(column[h], decl, program)
    }
    return Household(persons: persons, facts: facts)
  }

  static func value(_ raw: Int64, _ decl: FactDeclaration, _ program: Program) -> Value {
    switch decl.type {
    case .money: return .number(Rational(Int(raw)) / 100)
    case .date: return .date(CivilDate(dayNumber: Int(raw)))
    case .boolean: return .boolean(raw != 0)
    case .enumeration(let e): return .enumCase(program.enumerations[e]?[Int(raw)] ?? "")
    default: return .number(Rational(Int(raw)))
    }
  }

  /// The household as a contract JSON document (for export and for reproducing a case by hand).
  public func json(_ h: Int, program: Program) -> JSONValue {
    let household = household(h, program: program)
    var top: [(String, JSONValue)] = []
    var groups: [String: [(String, JSONValue)]] = [:]
    for decl in program.facts(of: .household) {
      guard let v = household.facts[decl.id] else { continue }
      let parts = decl.field.split(separator: ".")
      if parts.count == 2 {
        groups[String(parts[0]), default: []].append((String(parts[1]), Self.json(v)))
      } else {
        top.append((decl.field, Self.json(v)))
      }
    }
    for (k, v) in groups.sorted(by: { $0.key < $1.key }) { top.append((k, .ordered(v))) }
    let persons: [JSONValue] = household.persons.map { p in
      var fields: [(String, JSONValue)] = [("id", .string(p.id)), ("rol", .string(p.role.rawValue))]
      for decl in program.facts(of: .person) {
        if let v = p.facts[decl.id] { fields.append((decl.field, Self.json(v))) }
      }
      return .ordered(fields)
    }
    top.append(("personen", .array(persons)))
    return .ordered(top)
  }

  static func json(_ v: Value) -> JSONValue {
    switch v {
    case .number(let r): return .string(r.exactString)
    case .boolean(let b): return .bool(b)
    case .date(let d): return .string(d.iso)
    case .enumCase(let e): return .string(HouseholdDecoder.jsonForm(e))
    default: return .string(v.machineString)
    }
  }
}

import ExactArithmetic
import LegalSource
import RuleIR

/// Reads a household document (JSON, see `Docs/integratiecontract.md` and
/// `Regulations/huishouden/gegevensmodel.md`) against the facts the program declares.
///
/// What it checks: that the document is an object with `personen`; that there is exactly one
/// `aanvrager` and at most one `partner`; that every field is a declared fact (a misspelling is named
/// with a suggestion); that values have the declared type, amounts in whole cents read exactly,
/// dates as `JJJJ-MM-DD`, enumeration values among those declared. Every problem is reported, not
/// only the first. What it produces: a ``Household``.
public struct HouseholdDecoder: Sendable {
  /// The most persons one document may hold: far above any household (the Wet op de huurtoeslag's
  /// largest category is "acht of meer"), far below what would make one evaluation take minutes.
  public static let maxPersons = 100
  /// The largest document `toets` reads, in bytes.
  public static let maxDocumentBytes = 4 << 20

  let personFacts: [String: FactDeclaration]
  let householdFacts: [String: FactDeclaration]
  let enumerations: [String: [String]]

  public init(program: Program) {
    var p: [String: FactDeclaration] = [:]
    var h: [String: FactDeclaration] = [:]
    for f in program.facts.values {
      if f.subject == .person { p[f.field] = f } else { h[f.field] = f }
    }
    personFacts = p
    householdFacts = h
    enumerations = program.enumerations
  }

  /// Parses JSON text and decodes it.
  public func decode(text: String) throws(HouseholdErrors) -> Household {
    let json: JSONValue
    do {
      json = try JSONReader.parse(text)
    } catch let e as JSONSyntaxError {
      throw HouseholdErrors(errors: [HouseholdError(path: "", .householdJSON(e.message), line: e.line, column: e.column)])
    } catch {
      throw HouseholdErrors(errors: [HouseholdError(path: "", .householdJSON(nil))])
    }
    return try decode(json)
  }

  public func decode(_ json: JSONValue) throws(HouseholdErrors) -> Household {
    var errors: [HouseholdError] = []
    guard case .object(let members) = json else {
      throw HouseholdErrors(errors: [HouseholdError(path: "", .householdNotObject())])
    }
    var facts: [SymbolID: Value] = [:]
    var persons: [Person] = []
    var sawPersons = false
    var refusedPersons = false
    let groups = Set(householdFacts.keys.compactMap { $0.split(separator: ".").count == 2 ? String($0.split(separator: ".")[0]) : nil })
    for m in members {
      if m.key == "personen" {
        sawPersons = true
        guard case .array(let list) = m.value else {
          errors.append(HouseholdError(path: "personen", .personsNotList(), line: m.line, column: m.column))
          continue
        }
        guard list.count <= Self.maxPersons else {
          errors.append(HouseholdError(path: "personen", .tooManyPersons(list.count, limit: Self.maxPersons), line: m.line, column: m.column))
          sawPersons = false
          refusedPersons = true
          continue
        }
        for (i, item) in list.enumerated() {
          if let p = decodePerson(item, index: i, errors: &errors) { persons.append(p) }
        }
      } else if groups.contains(m.key) {
        guard case .object(let inner) = m.value else {
          errors.append(HouseholdError(path: m.key, .groupNotObject(), line: m.line, column: m.column))
          continue
        }
        for f in inner {
          let field = "\(m.key).\(f.key)"
          guard let decl = householdFacts[field] else {
            errors.append(unknownField(field, among: Array(householdFacts.keys), line: f.line, column: f.column))
            continue
          }
          if let v = value(f.value, decl, path: field, line: f.line, column: f.column, errors: &errors) { facts[decl.id] = v }
        }
      } else if let decl = householdFacts[m.key] {
        if let v = value(m.value, decl, path: m.key, line: m.line, column: m.column, errors: &errors) { facts[decl.id] = v }
      } else {
        errors.append(unknownField(m.key, among: Array(householdFacts.keys) + ["personen"] + groups, line: m.line, column: m.column))
      }
    }
    if !sawPersons && !refusedPersons { errors.append(HouseholdError(path: "personen", .noPersons())) }
    let applicants = persons.filter { $0.role == .aanvrager }.count
    if sawPersons && applicants != 1 {
      errors.append(HouseholdError(path: "personen", .applicantCount(applicants)))
    }
    if persons.filter({ $0.role == .partner }).count > 1 {
      errors.append(HouseholdError(path: "personen", .secondPartner()))
    }
    var ids: Set<String> = []
    for p in persons where !ids.insert(p.id).inserted {
      errors.append(HouseholdError(path: "personen", .duplicatePersonID(p.id)))
    }
    guard errors.isEmpty else { throw HouseholdErrors(errors: errors) }
    return Household(persons: persons, facts: facts)
  }

  func decodePerson(_ json: JSONValue, index: Int, errors: inout [HouseholdError]) -> Person? {
    let path = "personen[\(index)]"
    guard case .object(let members) = json else {
      errors.append(HouseholdError(path: path, .personNotObject()))
      return nil
    }
    var id = "persoon\(index + 1)"
    var role: HouseholdRole?
    var facts: [SymbolID: Value] = [:]
    for m in members {
      let fieldPath = "\(path).\(m.key)"
      switch m.key {
      case "id":
        guard case .string(let s) = m.value else {
          errors.append(HouseholdError(path: fieldPath, .personIDNotText(), line: m.line, column: m.column))
          continue
        }
        id = s
      case "rol":
        guard case .string(let s) = m.value, let r = HouseholdRole(rawValue: s) else {
          errors.append(HouseholdError(path: fieldPath, .unknownRole(), line: m.line, column: m.column))
          continue
        }
        role = r
      default:
        guard let decl = personFacts[m.key] else {
          errors.append(unknownField(fieldPath, among: Array(personFacts.keys) + ["id", "rol"], line: m.line, column: m.column, key: m.key))
          continue
        }
        if let v = value(m.value, decl, path: fieldPath, line: m.line, column: m.column, errors: &errors) { facts[decl.id] = v }
      }
    }
    guard let role else {
      errors.append(HouseholdError(path: "\(path).rol", .missingRole()))
      return nil
    }
    return Person(id: id, role: role, facts: facts)
  }

  func unknownField(_ path: String, among known: [String], line: Int, column: Int, key: String? = nil) -> HouseholdError {
    HouseholdError(path: path, .unknownHouseholdField(), suggestion: Spelling.suggestion(for: key ?? path, among: known), line: line, column: column)
  }

  /// The largest magnitude a number in a household document may have: 10¹⁸. Far beyond any household,
  /// and beyond what the kernel holds in 64-bit cents (about 9,2 · 10¹⁶ euros), so the fallback to the
  /// exact evaluator stays reachable and testable.
  public static let largestNumber = Rational(1_000_000_000_000_000_000)

  /// A field's value, checked against the fact's type.
  func value(_ json: JSONValue, _ decl: FactDeclaration, path: String, line: Int, column: Int, errors: inout [HouseholdError]) -> Value? {
    func fail(_ problem: DiagnosticMessage, suggestion: String? = nil) -> Value? {
      errors.append(HouseholdError(path: path, problem, suggestion: suggestion, line: line, column: column))
      return nil
    }
    switch decl.type {
    case .money, .number, .percentage:
      let text: String
      switch json {
      case .string(let s): text = s
      case .number(let n): text = n
      default: return fail(.expectedNumber(found: json.kindDescription))
      }
      guard let r = Rational(decimal: text) else { return fail(.notANumber(text)) }
      if decl.type.isMoney, !r.isMultiple(of: Quantum.cent) { return fail(.notWholeCents(text)) }
      if let q = decl.quantum, q == .one, !r.isInteger { return fail(.notWholeNumber(text)) }
      if r.isNegative && decl.type.isMoney == false && decl.quantum == .one { return fail(.negativeCount()) }
      // The bounds the gegevensmodel declares (`ten minste`, `ten hoogste`).
      if case .number(let m)? = decl.minimum, r < m { return fail(.belowMinimum(Value.number(m).formatted(as: decl.type), text)) }
      if case .number(let m)? = decl.maximum, r > m { return fail(.aboveMaximum(Value.number(m).formatted(as: decl.type), text)) }
      // After the gegevensmodel's own bounds, a technical one, not the law's: no household has a
      // quintillion euros, and beyond it an amount is a typing error or an attack (an exponent of 1000
      // would be computed exactly, digit by digit).
      guard r.magnitude <= Self.largestNumber else {
        return fail(.numberTooLarge(text))
      }
      return .number(r)
    case .boolean:
      guard case .bool(let b) = json else { return fail(.expectedBoolean(found: json.kindDescription)) }
      return .boolean(b)
    case .date:
      guard case .string(let s) = json, let d = CivilDate(iso: s) else { return fail(.expectedDate()) }
      guard DateRange.contains(d) else { return fail(.dateOutOfRange(s, range: DateRange.description)) }
      return .date(d)
    case .enumeration(let name):
      let values = enumerations[name] ?? []
      guard case .string(let s) = json else { return fail(.expectedEnumeration(values.map(Self.jsonForm))) }
      guard let v = values.first(where: { Self.jsonForm($0) == s || $0 == s }) else {
        return fail(.notAnEnumerationValue(s, of: name, values: values.map(Self.jsonForm)), suggestion: Spelling.suggestion(for: s, among: values.map(Self.jsonForm)))
      }
      return .enumCase(v)
    case .duration, .person, .persons:
      return fail(.notInDocument())
    }
  }

  /// The JSON spelling of an enumeration value: spaces become underscores.
  public static func jsonForm(_ value: String) -> String {
    String(value.map { $0 == " " ? "_" : $0 })
  }
}

import ExactArithmetic
import RuleIR

/// One person of a household document, with the facts given for them.
public struct Person: Sendable {
  public let id: String
  public let role: HouseholdRole
  /// Facts given in the document, by symbol; absent facts take their default when a rule needs them.
  public var facts: [SymbolID: Value]

  public init(id: String, role: HouseholdRole, facts: [SymbolID: Value]) {
    self.id = id
    self.role = role
    self.facts = facts
  }
}

/// One household on one date: the input of an evaluation.
public struct Household: Sendable {
  public var persons: [Person]
  /// Facts of the household as a whole (partnerschap, woning).
  public var facts: [SymbolID: Value]

  public init(persons: [Person], facts: [SymbolID: Value]) {
    self.persons = persons
    self.facts = facts
  }

  public var aanvrager: Int? { persons.firstIndex { $0.role == .aanvrager } }
  public var partner: Int? { persons.firstIndex { $0.role == .partner } }

  /// Indices of the members of a group, in document order.
  public func members(of group: PersonGroup) -> [Int] {
    persons.indices.filter { persons[$0].role.belongs(to: group) }
  }
}

/// A problem in a household document, with the JSON path and position of the field.
public struct HouseholdError: Error, Sendable, CustomStringConvertible {
  /// `personen[1].toetsingsinkomen`.
  public let path: String
  public let message: String
  public let line: Int?
  public let column: Int?

  public init(path: String, message: String, line: Int? = nil, column: Int? = nil) {
    self.path = path
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String {
    let place = line.map { "\($0):\(column ?? 1): " } ?? ""
    return path.isEmpty ? "\(place)\(message)" : "\(place)\(path): \(message)"
  }
}

/// All problems found in one household document.
public struct HouseholdErrors: Error, Sendable, CustomStringConvertible {
  public let errors: [HouseholdError]
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

import ExactArithmetic
import LegalSource
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
  /// What is wrong, from the catalogue (`HouseholdMessages.swift`): its id and text.
  public let problem: DiagnosticMessage
  /// The name a misspelt field or value most likely meant.
  public let suggestion: String?
  /// 1-based line of the field in the document.
  public let line: Int?
  /// 1-based column in UTF-8 bytes, as the JSON reader counts; ``HouseholdErrors/diagnostics(in:)``
  /// turns it into the Unicode scalars every other diagnostic counts.
  public let column: Int?

  init(path: String, _ problem: DiagnosticMessage, suggestion: String? = nil, line: Int? = nil, column: Int? = nil) {
    self.path = path
    self.problem = problem
    self.suggestion = suggestion
    self.line = line
    self.column = column
  }

  /// The problem's id (`huishouden.veld-onbekend`).
  public var id: String { problem.id }

  /// The text with its suggestion in one line, as the service's `melding` has it.
  public var message: String { problem.text + (suggestion.map { "; bedoelt u '\($0)'?" } ?? "") }

  public var description: String {
    let place = line.map { "\($0):\(column ?? 1): " } ?? ""
    return path.isEmpty ? "\(place)\(message)" : "\(place)\(path): \(message)"
  }
}

/// All problems found in one household document.
public struct HouseholdErrors: Error, Sendable, CustomStringConvertible {
  public let errors: [HouseholdError]
  public var description: String { errors.map(\.description).joined(separator: "\n") }

  /// The problems as the same ``Diagnostic`` the regulations give: the field's path before the text, the
  /// place in `document` (the text that was read) in Unicode scalars, a suggestion as a note.
  public func diagnostics(in document: SourceFile) -> [Diagnostic] {
    let offsets = Self.scalarOffsets(errors.map { ($0.line ?? 0, $0.column ?? 1) }, in: document)
    return zip(errors, offsets).map { error, offset in
      Diagnostic(
        .inHouseholdField(error.path, error.problem),
        at: offset.map { SourceRange(file: document, start: $0, end: $0 + 1) },
        notes: .suggestion(error.suggestion))
    }
  }

  /// The scalar offset of each (line, UTF-8 column), or nil for a line the document does not have. One
  /// walk per line over the positions in order, so ten thousand problems on one long line stay linear.
  static func scalarOffsets(_ positions: [(line: Int, column: Int)], in file: SourceFile) -> [Int?] {
    var result = [Int?](repeating: nil, count: positions.count)
    let order = positions.indices.sorted { (positions[$0].line, positions[$0].column) < (positions[$1].line, positions[$1].column) }
    var line = 0
    var offset = 0
    var bytes = 0
    for i in order {
      let target = positions[i]
      guard target.line >= 1, target.line <= file.lineStarts.count else { continue }
      // A column past the line's text points just after it.
      let end = file.lineBounds(target.line).upperBound
      if target.line != line {
        line = target.line
        offset = file.lineStarts[line - 1]
        bytes = 0
      }
      while bytes < target.column - 1, offset < end {
        bytes += UTF8.width(file.scalars[offset])
        offset += 1
      }
      result[i] = offset
    }
    return result
  }
}

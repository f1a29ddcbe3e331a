import ExactArithmetic
import HouseholdModel
import LegalSource
import LegalText

/// A worked example written beside an article (a ```voorbeeld block): a household, a date and the
/// outcomes the law gives for it.
///
///     naam: alleenstaande op het drempelinkomen
///     datum: 2025-03-01
///     bron: Dienst Toeslagen, inkomensgrens zorgtoeslag 2025
///     aanvrager: geboortedatum 1990-05-01, toetsingsinkomen 28405.73
///     partner: geboortedatum 1991-01-01, zorgverzekerd onwaar
///     partnerschap: gehuwd
///     verwacht zorgtoeslag.jaarbedrag: 1573
///     verwacht zorgtoeslag.jaarbedrag: onbepaald
public struct WorkedExample: Sendable {
  public struct Expectation: Sendable {
    /// An output id or a household-level name `wet.naam`.
    public let target: String
    /// The expected value as written; `nil` for `onbepaald`.
    public let expected: String?
    public let range: SourceRange
  }

  public let name: String
  public let date: CivilDate
  public let source: String?
  /// The household in the JSON form of the contract.
  public let household: JSONValue
  public let expectations: [Expectation]
  public let citation: Citation
  public let range: SourceRange

  /// Reads the examples of a document. Malformed lines are reported and the example skipped.
  public static func examples(in document: LegalDocument, diagnostics: inout DiagnosticEngine) -> [WorkedExample] {
    document.blocks.filter { $0.kind == .voorbeeld }.compactMap { parse($0, diagnostics: &diagnostics) }
  }

  static func parse(_ block: CodeBlock, diagnostics: inout DiagnosticEngine) -> WorkedExample? {
    let file = block.content.file
    var name: String?
    var date: CivilDate?
    var source: String?
    var top: [(String, JSONValue)] = []
    var groups: [String: [(String, JSONValue)]] = [:]
    var persons: [JSONValue] = []
    var expectations: [Expectation] = []
    var ok = true
    let first = file.lineAndColumn(of: block.content.start).line
    let last = file.lineAndColumn(of: max(block.content.start, block.content.end - 1)).line
    for lineNumber in first...max(first, last) {
      let text = file.line(lineNumber)
      let start = file.lineStarts[lineNumber - 1]
      let range = SourceRange(file: file, start: start, end: start + text.unicodeScalars.count)
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
      func fail(_ message: String) {
        diagnostics.emit(.exampleLine(message), at: range, citation: block.citation)
        ok = false
      }
      guard let colon = trimmed.firstIndex(of: ":") else {
        fail("een regel van een voorbeeld heeft de vorm 'sleutel: waarde'")
        continue
      }
      let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
      let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "naam": name = value
      case "bron": source = value
      case "datum":
        guard let d = CivilDate(iso: value) else {
          fail("'datum' is een datum JJJJ-MM-DD")
          continue
        }
        date = d
      case "aanvrager", "partner", "kind", "medebewoner":
        guard let fields = fieldList(value) else {
          fail("verwacht 'veld waarde, veld waarde, …'")
          continue
        }
        if let twice = firstDuplicate(fields.map(\.0)) {
          fail("het veld '\(twice)' staat twee keer bij \(key)")
          continue
        }
        let id = "\(key)\(persons.count + 1)"
        persons.append(.ordered([("id", .string(id)), ("rol", .string(key))] + fields))
      case "woning", "relatie":
        guard let fields = fieldList(value) else {
          fail("verwacht 'veld waarde, veld waarde, …'")
          continue
        }
        if let twice = firstDuplicate(groups[key, default: []].map(\.0) + fields.map(\.0)) {
          fail("het veld '\(twice)' staat twee keer bij \(key)")
          continue
        }
        groups[key, default: []] += fields
      default:
        if key.hasPrefix("verwacht ") {
          let target = String(key.dropFirst("verwacht ".count)).trimmingCharacters(in: .whitespaces)
          expectations.append(Expectation(target: target, expected: value.hasPrefix("onbepaald") ? nil : value, range: range))
        } else {
          top.append((key, jsonValue(value)))
        }
      }
    }
    guard ok else { return nil }
    guard let name, let date else {
      diagnostics.emit(.exampleIncomplete(), at: block.content, citation: block.citation)
      return nil
    }
    if expectations.isEmpty {
      diagnostics.emit(.exampleExpectsNothing(name), at: block.content, citation: block.citation)
      return nil
    }
    var document = top
    for (k, fields) in groups.sorted(by: { $0.key < $1.key }) { document.append((k, .ordered(fields))) }
    document.append(("personen", .array(persons)))
    return WorkedExample(name: name, date: date, source: source, household: .ordered(document), expectations: expectations, citation: block.citation, range: block.content)
  }

  /// The first name that occurs twice, if any: a field given twice would silently keep one value.
  static func firstDuplicate(_ names: [String]) -> String? {
    var seen: Set<String> = []
    return names.first { !seen.insert($0).inserted }
  }

  /// `geboortedatum 1990-05-01, toetsingsinkomen 28405.73` as JSON fields.
  static func fieldList(_ text: String) -> [(String, JSONValue)]? {
    var out: [(String, JSONValue)] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: true) {
      let words = part.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard words.count == 2 else { return nil }
      out.append((words[0], jsonValue(words[1])))
    }
    return out
  }

  /// A written value as JSON: `waar`/`onwaar` become booleans, numbers stay exact strings (Dutch
  /// `1.573,42` and `€ 24` are accepted), everything else is a string.
  static func jsonValue(_ text: String) -> JSONValue {
    switch text {
    case "waar": return .bool(true)
    case "onwaar": return .bool(false)
    default:
      if let r = number(text) { return .string(r.exactString) }
      return .string(text)
    }
  }

  /// A number written plainly (`1573.42`) or in Dutch (`1.573,42`, `€ 24`).
  public static func number(_ text: String) -> Rational? {
    var t = text.trimmingCharacters(in: .whitespaces)
    if t.hasPrefix("€") { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
    if t.contains(",") { return Rational(dutch: t) }
    if t.filter({ $0 == "." }).count > 1 { return Rational(dutch: t) }
    return Rational(decimal: t)
  }
}

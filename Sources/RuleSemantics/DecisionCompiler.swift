import Foundation
import LegalSource
import LegalText
import RuleIR

/// Reads the interpretation decisions (```keuze blocks) of every document and links each to the
/// rules it affects.
///
/// A decision is written as `veld: waarde` lines, with `alternatieven` as a list:
///
///     id: vermogenstoets-partner
///     titel: Vermogenstoets met partner
///     vraag: Geldt met een toeslagpartner ook de grens voor de verzekerde alleen?
///     alternatieven:
///       - beide grenzen toetsen
///       - alleen de gezamenlijke grens
///     keuze: alleen de gezamenlijke grens
///     reden: zo voert de Dienst Toeslagen de toets uit
///     besloten door: Toetssteen (modelleurs)
///     status: open
///     raakt: te veel vermogen, gezamenlijke rendementsgrondslag
///
/// Checked: every field is there, the status is `open` or `afgestemd`, the id is unique, and every
/// name under `raakt` is a definition or parameter of the document's law (or `wet.naam` of another).
/// A name that is declared but failed its own check (`isDeclared`) is not reported again: one broken rule
/// gives one error, not one per decision that names it. Problems are reported with their line and the
/// article.
enum DecisionCompiler {
  static let required = ["id", "titel", "vraag", "alternatieven", "keuze", "reden", "besloten door", "status", "raakt"]

  static func compile(_ documents: [LegalDocument], laws: [String: [LawVersion]], parameters: [SymbolID: ParameterDeclaration], isDeclared: (SymbolID) -> Bool = { _ in false }, diagnostics: inout DiagnosticEngine) -> [InterpretationDecision] {
    var out: [InterpretationDecision] = []
    for document in documents {
      // Ids are unique within a document; the same decision may stand in each version of a law.
      var seen: Set<String> = []
      for block in document.blocks where block.kind == .keuze {
        let (fields, lists, ranges) = parse(block.content)
        func fail(_ text: String, _ key: String? = nil) {
          diagnostics.emit(.invalidDecision(text), at: key.flatMap { ranges[$0] } ?? block.content, citation: block.citation)
        }
        let missing = required.filter { fields[$0] == nil && lists[$0] == nil }
        if !missing.isEmpty { fail("ontbrekend veld \(missing.map { "'\($0)'" }.joined(separator: ", ")); een keuze noemt \(required.joined(separator: ", "))"); continue }
        let id = fields["id"]!
        if !seen.insert(id).inserted { fail("de id '\(id)' komt twee keer voor", "id"); continue }
        guard let status = InterpretationDecision.Status(rawValue: fields["status"]!.lowercased()) else {
          fail("status '\(fields["status"]!)' is geen 'open' of 'afgestemd'", "status"); continue
        }
        let code = document.header.code
        let version = laws[code]?.first { $0.path == document.file.path }
        var affects: [SymbolID] = []
        for raw in fields["raakt"]!.split(separator: ",").map({ normalise(String($0)) }) where !raw.isEmpty {
          let parts = raw.split(separator: ".", maxSplits: 1).map(String.init)
          let id = parts.count == 2 && laws[parts[0]] != nil ? SymbolID(law: parts[0], name: parts[1]) : SymbolID(law: code, name: raw)
          let known = laws[id.law]?.contains { $0.definitions[id] != nil } == true || parameters[id] != nil
          if known { affects.append(id) } else if isDeclared(id) {
            continue  // declared, but its own check failed and was reported there
          } else {
            let names = (version?.definitions.keys.map(\.name) ?? []).sorted().prefix(60).joined(separator: ", ")
            fail("'\(raw)' onder 'raakt' is geen regel of parameter van \(id.law); bekend zijn onder meer: \(names)", "raakt")
          }
        }
        out.append(InterpretationDecision(
          id: id, title: fields["titel"]!, question: fields["vraag"]!, alternatives: lists["alternatieven"] ?? [fields["alternatieven"]!],
          choice: fields["keuze"]!, reason: fields["reden"]!, decidedBy: fields["besloten door"]!, status: status, affects: affects,
          citation: block.citation, range: block.content))
      }
    }
    return out
  }

  /// `sleutel: waarde` lines; a key without a value followed by `- item` lines is a list; an indented
  /// line continues the previous value.
  static func parse(_ content: SourceRange) -> ([String: String], [String: [String]], [String: SourceRange]) {
    var fields: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var ranges: [String: SourceRange] = [:]
    var last: String?
    let file = content.file
    var offset = content.start
    for line in content.text.split(separator: "\n", omittingEmptySubsequences: false) {
      let range = SourceRange(file: file, start: offset, end: offset + line.unicodeScalars.count)
      offset += line.unicodeScalars.count + 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
      if trimmed.hasPrefix("- "), let key = last {
        lists[key, default: []].append(String(trimmed.dropFirst(2)))
        continue
      }
      if let colon = trimmed.firstIndex(of: ":"), !line.hasPrefix(" ") {
        let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        last = key
        ranges[key] = range
        if !value.isEmpty { fields[key] = value }
        continue
      }
      if let key = last, fields[key] != nil { fields[key]! += " " + trimmed }
    }
    return (fields, lists, ranges)
  }

  static func normalise(_ s: String) -> String {
    var t = s.trimmingCharacters(in: .whitespaces).lowercased()
    for article in ["de ", "het ", "een "] where t.hasPrefix(article) { t.removeFirst(article.count) }
    return t
  }
}

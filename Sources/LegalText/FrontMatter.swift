import ExactArithmetic
import LegalSource

/// Reads the front matter of a regulation document: `sleutel: waarde` lines between two `---` lines.
///
///     ---
///     wet: Wet op de zorgtoeslag
///     citeertitel: Wzt
///     code: zorgtoeslag
///     bwb: BWBR0018451
///     soort: wet
///     toestand: 2025-01-01
///     geldig vanaf: 2025-01-01
///     geldig tot: 2026-01-01
///     bron: officiële BWB-toestand-XML …
///     ---
enum FrontMatter {
  static let knownKeys = ["wet", "citeertitel", "code", "bwb", "soort", "toestand", "geldig vanaf", "geldig tot", "bron"]

  /// Parses the header and returns it with the offset at which the body starts.
  static func parse(_ file: SourceFile, diagnostics: inout DiagnosticEngine) -> (RegulationHeader?, bodyStart: Int) {
    let lineCount = file.lineStarts.count
    guard lineCount > 0, file.line(1).trimmed == "---" else {
      diagnostics.emit(.frontMatterMissing(), at: SourceRange(file: file, start: 0, end: 0))
      return (nil, 0)
    }
    var values: [String: (String, SourceRange)] = [:]
    var lineNumber = 2
    var closed = false
    while lineNumber <= lineCount {
      let text = file.line(lineNumber)
      let start = file.lineStarts[lineNumber - 1]
      let lineRange = SourceRange(file: file, start: start, end: start + text.unicodeScalars.count)
      lineNumber += 1
      if text.trimmed == "---" {
        closed = true
        break
      }
      if text.trimmed.isEmpty || text.trimmed.hasPrefix("#") { continue }
      guard let colon = text.firstIndex(of: ":") else {
        diagnostics.emit(.frontMatterBadLine(), at: lineRange)
        continue
      }
      let key = String(text[..<colon]).trimmed.lowercased()
      let value = String(text[text.index(after: colon)...]).trimmed
      let keyWidth = text[..<text.index(after: colon)].unicodeScalars.count
      let valueRange = SourceRange(file: file, start: start + keyWidth + 1, end: lineRange.end)
      if !knownKeys.contains(key) { diagnostics.emit(.frontMatterUnknownKey(key), at: lineRange) }
      values[key] = (value, valueRange)
    }
    let bodyStart = lineNumber <= lineCount ? file.lineStarts[lineNumber - 1] : file.scalars.count
    let headRange = SourceRange(file: file, start: 0, end: 3)
    guard closed else {
      diagnostics.emit(.frontMatterMissing(), at: headRange)
      return (nil, bodyStart)
    }
    var ok = true
    func required(_ key: String) -> String? {
      guard let v = values[key], !v.0.isEmpty else {
        diagnostics.emit(.frontMatterKeyMissing(key), at: headRange)
        ok = false
        return nil
      }
      return v.0
    }
    func date(_ key: String) -> CivilDate? {
      guard let (text, range) = values[key] else { return nil }
      guard let d = CivilDate(iso: text) else {
        diagnostics.emit(.frontMatterBadDate(key, text), at: range)
        ok = false
        return nil
      }
      return d
    }
    let title = required("wet")
    let code = required("code")
    let bwb = required("bwb")
    let source = required("bron")
    if values["geldig vanaf"] == nil { _ = required("geldig vanaf") }
    let from = date("geldig vanaf")
    let until = date("geldig tot")
    let toestand = date("toestand") ?? from
    if let code, !code.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }) {
      diagnostics.emit(.frontMatterBadCode(code), at: values["code"]!.1)
      ok = false
    }
    if let bwb, !(bwb.hasPrefix("BWBR") && bwb.count == 11 && bwb.dropFirst(4).allSatisfy(\.isNumber)) {
      diagnostics.emit(.frontMatterBadBWB(bwb), at: values["bwb"]!.1)
      ok = false
    }
    var kind = RegulationKind.wet
    if let (text, range) = values["soort"] {
      if let k = RegulationKind(text: text) { kind = k } else {
        diagnostics.emit(.frontMatterBadKind(text), at: range)
        ok = false
      }
    }
    if let from, let until, until <= from {
      diagnostics.emit(.validityInverted(), at: values["geldig tot"]!.1)
      ok = false
    }
    guard ok, let title, let code, let bwb, let source, let from, let toestand else { return (nil, bodyStart) }
    let header = RegulationHeader(
      title: title, shortTitle: values["citeertitel"]?.0 ?? title, code: code, bwb: bwb, kind: kind,
      toestand: toestand, validFrom: from, validUntil: until, source: source,
      ranges: values.mapValues { $0.1 })
    return (header, bodyStart)
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmed: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}

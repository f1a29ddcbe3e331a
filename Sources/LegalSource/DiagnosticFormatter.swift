/// Renders diagnostics for a terminal or a log, as compilers do:
///
///     Regulations/zorgtoeslag/2025-01-01.md:88:14: error: onbekende naam 'normpremei'
///       in Wet op de zorgtoeslag, artikel 2, lid 1 (BWBR0018451, toestand 2025-01-01)
///        88 |   De aanspraak is de standaardpremie verminderd met de normpremei.
///           |                                                         ^~~~~~~~~~
///       note: bedoelt u 'normpremie'?
///
/// The first line is the contract's `path:line:column: error: message`; the second names the article.
public struct DiagnosticFormatter: Sendable {
  /// Whether to print the source line with a caret under the range.
  public var showsExcerpt: Bool
  /// Whether to colour severities with ANSI escapes (only when writing to a terminal).
  public var colors: Bool

  public init(showsExcerpt: Bool = true, colors: Bool = false) {
    self.showsExcerpt = showsExcerpt
    self.colors = colors
  }

  public func format(_ diagnostic: Diagnostic) -> String {
    var lines: [String] = []
    let severity = paint(diagnostic.severity.rawValue, diagnostic.severity)
    let place = diagnostic.range.map { $0.position + ": " } ?? ""
    lines.append("\(place)\(severity): \(diagnostic.message.text)")
    if let citation = diagnostic.citation {
      lines.append("  in \(describe(citation))")
    }
    if showsExcerpt, let range = diagnostic.range { lines.append(contentsOf: excerpt(range)) }
    for note in diagnostic.notes {
      let notePlace = note.range.map { $0.position + ": " } ?? ""
      var text = "  \(notePlace)note: \(note.text)"
      if let c = note.citation { text += " (\(describe(c)))" }
      lines.append(text)
    }
    return lines.joined(separator: "\n")
  }

  public func format(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(format).joined(separator: "\n")
  }

  func describe(_ c: Citation) -> String {
    var s = c.text + " (\(c.bwb)"
    if let v = c.version { s += ", toestand \(v.iso)" }
    return s + ")"
  }

  /// The source line with a caret under the range; long lines are cut to a window around it.
  func excerpt(_ range: SourceRange) -> [String] {
    let (line, column) = range.startLocation
    let scalars = Array(range.file.line(line).unicodeScalars)
    let lineEnd = range.file.lineStarts[line - 1] + scalars.count
    var width = max(1, min(range.end, lineEnd) - range.start)
    var from = 0
    var to = scalars.count
    let window = 110
    if scalars.count > window {
      from = max(0, min(column - 1 - 30, scalars.count - window))
      to = min(scalars.count, from + window)
      width = min(width, to - (column - 1))
    }
    var shown = String(String.UnicodeScalarView(scalars[from..<to]))
    if from > 0 { shown = "…" + shown }
    if to < scalars.count { shown += "…" }
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    let offset = column - 1 - from + (from > 0 ? 1 : 0)
    let marker = String(repeating: " ", count: max(0, offset)) + "^" + String(repeating: "~", count: max(0, width - 1))
    return ["  \(gutter) | \(shown)", "  \(pad) | \(marker)"]
  }

  func paint(_ text: String, _ severity: Severity) -> String {
    guard colors else { return text }
    let code: String
    switch severity {
    case .error: code = "31"
    case .warning: code = "33"
    case .note: code = "36"
    }
    return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
  }
}

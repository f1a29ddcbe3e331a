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
    lines.append("\(place)\(severity): \(Self.visible(diagnostic.message.text.unicodeScalars))")
    if let citation = diagnostic.citation {
      lines.append("  in \(describe(citation))")
    }
    if showsExcerpt, let range = diagnostic.range { lines.append(contentsOf: excerpt(range)) }
    for note in diagnostic.notes {
      let notePlace = note.range.map { $0.position + ": " } ?? ""
      var text = "  \(notePlace)note: \(Self.visible(note.text.unicodeScalars))"
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
    let file = range.file
    let (line, column) = range.startLocation
    // The line's bounds in the file: only the window shown is copied, so a thousand diagnostics on one
    // line of megabytes cost a thousand windows, not a thousand lines.
    let bounds = file.lineBounds(line)
    let (start, end) = (bounds.lowerBound, bounds.upperBound)
    let length = end - start
    let at = min(column - 1, length)
    var width = max(1, min(range.end, end) - range.start)
    var from = 0
    var to = length
    let window = 110
    if length > window {
      from = max(0, min(at - 30, length - window))
      to = min(length, from + window)
      width = max(1, min(width, to - at))
    }
    var shown = Self.visible(file.scalars[(start + from)..<(start + to)])
    if from > 0 { shown = "…" + shown }
    if to < length { shown += "…" }
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    // The caret under its column as a terminal shows it: a tab before it stays a tab.
    var lead = from > 0 ? " " : ""
    for s in file.scalars[(start + from)..<(start + at)] { lead.append(s == "\t" ? "\t" : " ") }
    let marker = lead + "^" + String(repeating: "~", count: max(0, width - 1))
    return ["  \(gutter) | \(shown)", "  \(pad) | \(marker)"]
  }

  /// Text from a file or a document as a terminal may show it: a control character (an escape sequence,
  /// a carriage return, NUL) or a bidirectional override becomes one visible symbol (`␛`, `␍`, `␀`, `�`),
  /// so an input can neither steer the terminal nor move the caret; a tab stays a tab.
  public static func visible<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
    var out = String.UnicodeScalarView()
    for s in scalars {
      switch s.value {
      case 0x09: out.append(s)
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value) ?? "\u{FFFD}")
      case 0x7F: out.append("\u{2421}")
      case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
      default: out.append(s)
      }
    }
    return String(out)
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

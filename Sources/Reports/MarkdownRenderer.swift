/// A report as Markdown, for a copy that is read where it is committed (a repository viewer shows it
/// without running anything): the meta facts, every paragraph and every table with the Dutch display
/// values. Charts are left out; their figures are in the tables beside them.
public enum MarkdownRenderer {
  public static func render(_ r: Report) -> String {
    var lines = ["# \(r.title)", "", r.subtitle, ""]
    for kv in r.meta { lines.append("- **\(escape(kv.key))**: \(escape(kv.value))") }
    for s in r.sections {
      lines += ["", "## \(escape(s.title))", ""]
      for p in s.paragraphs {
        lines.append((p.emphasis ? "> " : "") + escape(p.text))
        lines.append("")
      }
      for t in s.tables {
        lines += ["**\(escape(t.title))**", ""]
        lines.append("| " + t.columns.map { escape($0.name) }.joined(separator: " | ") + " |")
        lines.append("|" + t.columns.map { ["aantal", "euro", "percentage"].contains($0.kind) ? "---:|" : "---|" }.joined())
        for row in t.rows { lines.append("| " + row.map { escape($0.display) }.joined(separator: " | ") + " |") }
        if let note = t.note { lines += ["", "_\(escape(note))_"] }
        lines.append("")
      }
    }
    return lines.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
  }

  /// Keeps table cells and text from breaking the Markdown structure.
  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}

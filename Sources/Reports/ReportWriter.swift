import Foundation
import Toetssteen

/// Writes a report to a directory: `rapport.html` (self-contained), `rapport.json` (the same model)
/// and one CSV file per table under `tabellen/`. Every file is written atomically.
public enum ReportWriter {
  public static func write(_ report: Report, examples: [(name: String, document: String)] = [], to directory: String) throws -> [String] {
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory + "/tabellen", withIntermediateDirectories: true)
    var written: [String] = []
    let html = directory + "/rapport.html"
    try AtomicFile.write(HTMLRenderer.render(report), to: html)
    written.append(html)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = directory + "/rapport.json"
    try AtomicFile.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n", to: json)
    written.append(json)
    for section in report.sections {
      for table in section.tables {
        let path = "\(directory)/tabellen/\(table.id).csv"
        try AtomicFile.write(csv(table), to: path)
        written.append(path)
      }
    }
    // Tables of an earlier run into the same directory that this report no longer has would read as
    // current: remove them.
    for name in (try? fm.contentsOfDirectory(atPath: directory + "/tabellen")) ?? [] where name.hasSuffix(".csv") {
      let path = "\(directory)/tabellen/\(name)"
      if !written.contains(path) { try? fm.removeItem(atPath: path) }
    }
    if !examples.isEmpty { try fm.createDirectory(atPath: directory + "/voorbeelden", withIntermediateDirectories: true) }
    for e in examples {
      let path = "\(directory)/voorbeelden/\(e.name)"
      try AtomicFile.write(e.document + "\n", to: path)
      written.append(path)
    }
    return written
  }

  /// RFC 4180 CSV with the machine values (decimal point, no grouping) and a header row.
  public static func csv(_ t: Report.Table) -> String {
    func field(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    // A text cell that a spreadsheet would read as a formula gets a leading apostrophe.
    func text(_ s: String) -> String { s.first.map { "=+-@".contains($0) } == true ? "'" + s : s }
    var lines = [t.columns.map { field(text($0.name)) }.joined(separator: ",")]
    for row in t.rows {
      lines.append(row.enumerated().map { i, cell in field(i < t.columns.count && t.columns[i].kind != "tekst" ? cell.raw : text(cell.raw)) }.joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}

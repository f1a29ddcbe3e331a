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
    var lines = [t.columns.map { field($0.name) }.joined(separator: ",")]
    for row in t.rows { lines.append(row.map { field($0.raw) }.joined(separator: ",")) }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}

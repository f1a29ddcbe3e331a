import ExactArithmetic
import Foundation
import Population
import RuleIR
import RuleKernel

extension Exports {
  /// The population and its outcomes as the tables `toets sql` reads — `huishoudens.csv`,
  /// `personen.csv` — and `uitkomsten.csv`, the kernel's outcome per household in the columns the query
  /// writes (amount in euros, or empty with the reason `onbeslist`), to compare an engine's result with.
  ///
  /// Column names and types are those of ``SQLTableSchema``; `huishouden` numbers the households of the
  /// whole population (from `firstHousehold`). The three files appear together or not at all: they
  /// are written in a staging directory inside `directory` and renamed into place when all are complete.
  /// - Returns: the paths written.
  public static func writeTables(_ s: Simulation, to directory: String, firstHousehold: Int = 0) throws -> [String] {
    let p = s.population
    let program = s.program
    let schema = try SQLTableSchema(program: program, fields: PopulationSchema(p))
    let staging = try stagingDirectory(in: directory)
    defer { try? FileManager.default.removeItem(atPath: staging) }
    func columns(_ list: [SQLTableSchema.Column], _ domain: Domain) -> [(ColumnData, CellFormat)] {
      list.map { c in
        let data = domain == .household ? p.householdColumns[c.field]! : p.personColumns[c.field]!
        let decl = program.facts(of: domain == .household ? .household : .person).first { $0.field == c.field }!
        return (data, CellFormat(decl, program))
      }
    }
    let households = columns(schema.household, .household)
    let persons = columns(schema.person, .person)
    let roles = PopulationData.roleOrder.map(\.rawValue)
    let names = ["huishoudens.csv", "personen.csv", "uitkomsten.csv"]
    let finals = names.map { directory + "/" + $0 }
    for path in finals { try AtomicFile.requireRegularTarget(path) }
    let paths = names.map { staging + "/" + $0 }
    try streamCSV(to: paths[0], header: ["huishouden"] + schema.household.map(\.name), rows: p.householdCount) { h, out in
      out += String(firstHousehold + h)
      for (data, format) in households {
        out += ","
        out += format.render(data[h])
      }
    }
    var householdOf = [Int32](repeating: 0, count: p.personCount)
    for h in 0..<p.householdCount { for q in Int(p.personStart[h])..<Int(p.personStart[h + 1]) { householdOf[q] = Int32(h) } }
    try streamCSV(to: paths[1], header: ["huishouden", "volgnummer", "rol"] + schema.person.map(\.name), rows: p.personCount) { q, out in
      let h = Int(householdOf[q])
      out += String(firstHousehold + h)
      out += ","
      out += String(q - Int(p.personStart[h]))
      out += ","
      out += roles[Int(p.role[q])]
      for (data, format) in persons {
        out += ","
        out += format.render(data[q])
      }
    }
    let r = s.results
    let outputHeader = r.outputIDs.flatMap { id in [SQLTableSchema.columnName(id), SQLTableSchema.columnName(id) + "_reden"] }
    try streamCSV(to: paths[2], header: ["huishouden"] + outputHeader, rows: p.householdCount) { h, out in
      out += String(firstHousehold + h)
      for o in r.outputIDs.indices {
        out += r.status[o][h] == 0 ? "," + Cents.decimalString(r.cents[o][h]) + "," : ",,onbeslist"
      }
    }
    for (from, to) in zip(paths, finals) { try AtomicFile.rename(from, to) }
    return finals
  }

  /// A new, empty directory inside `directory` (made when missing), for files that must appear together.
  static func stagingDirectory(in directory: String) throws -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ExportError("'\(directory)' bestaat en is geen map; geef een nieuwe of bestaande map")
    }
    do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
      // Foundation's error text is not for people; the system's reason for the same call is.
      let cause = mkdir(directory, 0o755) == 0 ? "onbekende fout" : String(cString: strerror(errno))
      throw ExportError("kan de map '\(directory)' niet aanmaken: \(cause)")
    }
    let staging = directory + "/.toets-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    guard mkdir(staging, 0o700) == 0 else {
      throw ExportError("kan niet schrijven in de map '\(directory)': \(String(cString: strerror(errno)))")
    }
    return staging
  }

  /// Writes a CSV file row by row, in blocks of about a megabyte, atomically.
  static func streamCSV(to path: String, header: [String], rows: Int, _ row: (Int, inout String) -> Void) throws {
    try AtomicFile.write(to: path) { handle in
      var buffer = header.joined(separator: ",") + "\n"
      for i in 0..<rows {
        row(i, &buffer)
        buffer += "\n"
        if buffer.utf8.count > 1 << 20 {
          try handle.write(contentsOf: Data(buffer.utf8))
          buffer = ""
        }
      }
      try handle.write(contentsOf: Data(buffer.utf8))
    }
  }
}

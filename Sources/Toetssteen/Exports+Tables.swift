import ExactArithmetic
import Foundation
import Population
import RuleIR
import RuleKernel
import Synthesis

/// The file format of the tables `toets simulate --tables` writes.
public enum TableFormat: String, CaseIterable, Sendable {
  /// Comma-separated, with a header; amounts in euros with a decimal point.
  case csv
  /// Apache Parquet, written by DuckDB, with the column types of `toets sql --tables`.
  case parquet
}

extension Exports {
  /// The population and its outcomes as the tables `toets sql` reads — `huishoudens`, `personen` —
  /// and `uitkomsten`, the kernel's outcome per household in the columns the query writes (amount in
  /// euros, or empty with the reason `onbeslist`), to compare an engine's result with.
  ///
  /// Column names and types are those of ``SQLTableSchema``; `huishouden` numbers the households of the
  /// whole population. A whole population gives `huishoudens.csv` (or `.parquet`) and so on in
  /// `directory`; a part of one (``Simulation/partition``) gives `huishoudens/deel-3-van-8.csv`, so the
  /// parts of all runs together are the tables of the whole population, in a directory per table as
  /// Spark and DuckDB read them. The three files appear together or not at all: they are written in a
  /// staging directory inside `directory` and renamed into place when all are complete. Parquet is
  /// written by `duckdb` from those CSV files, with the declared column types.
  /// - Returns: the paths written.
  ///
  /// A part also writes `delen/deel-3-van-8.txt`: on its first line `origin`, what makes the population
  /// (size, seed, date, scenario, variant), on its second the part's households. Readers of the parts
  /// refuse a directory whose parts name different origins: parts of two populations would otherwise
  /// join without a trace.
  public static func writeTables(
    _ s: Simulation, to directory: String, format: TableFormat = .csv, duckdb: DuckDBProcess? = nil, origin: String = ""
  ) throws -> [String] {
    if format == .parquet, duckdb == nil { throw ExportError("Parquet vraagt DuckDB; geen programma gegeven") }
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
    let tables = ["huishoudens", "personen", "uitkomsten"]
    let finals = try tables.map { try tablePath(directory: directory, table: $0, extension: format.rawValue, partition: s.partition) }
    for path in finals { try AtomicFile.requireRegularTarget(path) }
    let paths = tables.map { staging + "/" + $0 + ".csv" }
    let firstHousehold = s.firstHousehold
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
        out += r.isDecided(o, h) ? "," + Cents.decimalString(r.cents[o][h]) + "," : ",,onbeslist"
      }
    }
    var written = paths
    var targets = finals
    if let partition = s.partition {
      let manifest = staging + "/deel.txt"
      let last = s.firstHousehold + p.householdCount - 1
      try AtomicFile.write(to: manifest) { handle in
        try handle.write(contentsOf: Data("bevolking: \(origin)\ndeel: \(partition.index) van \(partition.count), huishoudens \(s.firstHousehold) tot en met \(last)\n".utf8))
      }
      written.append(manifest)
      targets.append(try tablePath(directory: directory, table: "delen", extension: "txt", partition: partition))
      try AtomicFile.requireRegularTarget(targets[targets.count - 1])
    }
    if format == .parquet, let duckdb {
      written = tables.map { staging + "/" + $0 + ".parquet" } + written.dropFirst(tables.count)
      let outcomeColumns = r.outputIDs.map { SQLTableSchema.columnName($0) }.flatMap { ["  \($0) DECIMAL(20,2)", "  \($0)_reden VARCHAR"] }
      var script = schema.createStatements(.duckdb) + "\n"
      script += "CREATE TABLE uitkomsten (\n" + (["  huishouden BIGINT"] + outcomeColumns).joined(separator: ",\n") + "\n);\n"
      for (table, (csv, parquet)) in zip(tables, zip(paths, written)) {
        script += "COPY \(table) FROM \(DuckDBProcess.literal(csv)) (HEADER);\n"
        script += "COPY \(table) TO \(DuckDBProcess.literal(parquet)) (FORMAT parquet);\n"
      }
      try duckdb.run(script: script, scratch: staging + "/parquet.sql")
    }
    for (from, to) in zip(written, targets) { try AtomicFile.rename(from, to) }
    return targets
  }

  /// Where a table goes: `DIR/huishoudens.csv` for a whole population, `DIR/huishoudens/deel-3-van-8.csv`
  /// for part 3 of 8 (the table's directory is made when missing).
  static func tablePath(directory: String, table: String, extension ext: String, partition: Partition?) throws -> String {
    guard let partition else { return directory + "/" + table + "." + ext }
    let folder = directory + "/" + table
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ExportError("'\(folder)' bestaat en is geen map; de delen van een tabel komen in een map per tabel")
    }
    if mkdir(folder, 0o755) != 0, errno != EEXIST {
      throw ExportError("kan de map '\(folder)' niet aanmaken: \(String(cString: strerror(errno)))")
    }
    return folder + "/" + partition.fileName(extension: ext)
  }

  /// A new, empty directory inside `directory` (made when missing), for files that must appear together.
  static func stagingDirectory(in directory: String) throws -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ExportError("'\(directory)' bestaat en is geen map; geef een nieuwe of bestaande map")
    }
    do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch
      where !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue) {
      // Another part may have made it meanwhile (then all is well). Foundation's error text is not
      // for people; the system's reason for the same call is.
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

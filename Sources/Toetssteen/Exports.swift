import CSQLite
import ExactArithmetic
import Foundation
import Population
import RuleKernel

/// Writes per-household results to CSV and SQLite. Files are written under a temporary name next to
/// the target and renamed into place only when complete, so a reader never sees half a file.
public enum Exports {
  /// Writes whichever of the exports has a path.
  public static func write(_ simulation: Simulation, csv: String?, sqlite: String?, persons: String?) throws {
    if let csv { try writeCSV(simulation, to: csv) }
    if let sqlite { try writeSQLite(simulation, to: sqlite) }
    if let persons { try writePersonsCSV(simulation, to: persons) }
  }

  /// CSV with one row per household: number, type, persons, household income and every output in
  /// euros (exact decimals; empty with status `onbepaald` when undecided).
  public static func writeCSV(_ s: Simulation, to path: String) throws {
    try AtomicFile.write(to: path) { handle in
      let r = s.results
      var header = ["huishouden", "huishoudtype", "personen", "toetsingsinkomen_huishouden"]
      for id in r.outputIDs { header += [id, "\(id).status"] }
      var buffer = header.joined(separator: ",") + "\n"
      let p = s.population
      for h in 0..<p.householdCount {
        var row = [String(s.firstHousehold + h), HouseholdType(rawValue: p.householdType[h])?.label ?? "", String(p.personStart[h + 1] - p.personStart[h]),
          Cents.decimalString(s.householdIncome[h])]
        for o in r.outputIDs.indices {
          if r.isDecided(o, h) {
            row += [Cents.decimalString(r.cents[o][h]), "bepaald"]
          } else {
            row += ["", "onbepaald"]
          }
        }
        buffer += row.joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 20 {
          try handle.write(contentsOf: Data(buffer.utf8))
          buffer = ""
        }
      }
      try handle.write(contentsOf: Data(buffer.utf8))
    }
  }

  /// An SQLite database with a table `huishoudens` (amounts in whole cents, NULL when undecided) and a
  /// table `uitvoer` describing the outputs and the run.
  public static func writeSQLite(_ s: Simulation, to path: String) throws {
    try AtomicFile.replace(path) { temporary in
      var db: OpaquePointer?
      guard sqlite3_open(temporary, &db) == SQLITE_OK, let db else { throw ExportError("kan SQLite-bestand '\(temporary)' niet openen") }
      defer { sqlite3_close(db) }
      func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw ExportError("SQLite: \(String(cString: sqlite3_errmsg(db)))") }
      }
      let r = s.results
      let outputColumns = r.outputIDs.map { "\"\($0)_cent\" INTEGER" }.joined(separator: ", ")
      try exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
      try exec("CREATE TABLE huishoudens (huishouden INTEGER PRIMARY KEY, huishoudtype TEXT NOT NULL, personen INTEGER NOT NULL, toetsingsinkomen_huishouden_cent INTEGER NOT NULL, \(outputColumns));")
      try exec("CREATE TABLE uitvoer (id TEXT PRIMARY KEY, kolom TEXT NOT NULL, peildatum TEXT NOT NULL, zaad INTEGER NOT NULL, scenario TEXT NOT NULL);")
      for id in r.outputIDs {
        try exec("INSERT INTO uitvoer VALUES ('\(id)', '\(id)_cent', '\(s.date.iso)', \(s.seed), '\(s.scenario.naam.replacingOccurrences(of: "'", with: "''"))');")
      }
      let placeholders = Array(repeating: "?", count: 4 + r.outputIDs.count).joined(separator: ", ")
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(db, "INSERT INTO huishoudens VALUES (\(placeholders));", -1, &statement, nil) == SQLITE_OK, let statement else {
        throw ExportError("SQLite: \(String(cString: sqlite3_errmsg(db)))")
      }
      defer { sqlite3_finalize(statement) }
      try exec("BEGIN;")
      let p = s.population
      let labels = HouseholdType.allCases.map(\.label)
      for h in 0..<p.householdCount {
        sqlite3_bind_int64(statement, 1, Int64(s.firstHousehold + h))
        sqlite3_bind_text(statement, 2, labels[Int(p.householdType[h])], -1, csqlite_transient())
        sqlite3_bind_int64(statement, 3, Int64(p.personStart[h + 1] - p.personStart[h]))
        sqlite3_bind_int64(statement, 4, s.householdIncome[h])
        for o in r.outputIDs.indices {
          if r.isDecided(o, h) { sqlite3_bind_int64(statement, Int32(5 + o), r.cents[o][h]) } else { sqlite3_bind_null(statement, Int32(5 + o)) }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw ExportError("SQLite: \(String(cString: sqlite3_errmsg(db)))") }
        sqlite3_reset(statement)
      }
      try exec("COMMIT;")
    }
  }
}

/// An export that failed.
public struct ExportError: Error, CustomStringConvertible {
  public let description: String
  init(_ d: String) { description = d }
}

/// Writing files so that they appear complete or not at all.
public enum AtomicFile {
  /// A temporary path in the same directory as `path` (so the rename stays on one file system).
  static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
  }

  /// Refuses a target that exists but is not a regular file: renaming over a symbolic link, a pipe or a
  /// device (`/dev/full`) would replace it with a regular file instead of writing where it points.
  static func requireRegularTarget(_ path: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }  // a new path
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw ExportError("'\(path)' bestaat en is geen gewoon bestand (een map, koppeling, pijp of apparaat); kies een nieuw pad of een gewoon bestand")
    }
  }

  /// Streams content into a temporary file, then renames it to `path`. A write that fails (a full disk)
  /// is an error, and the temporary file is removed.
  public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
    try requireRegularTarget(path)
    let tmp = temporaryPath(for: path)
    guard FileManager.default.createFile(atPath: tmp, contents: nil), let handle = FileHandle(forWritingAtPath: tmp) else {
      try? FileManager.default.removeItem(atPath: tmp)
      throw ExportError("kan '\(path)' niet schrijven: \(whyNotWritable(directoryOf: path))")
    }
    do {
      try body(handle)
      try handle.synchronize()
      try handle.close()
      try rename(tmp, path)
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: tmp)
      throw error
    }
  }

  /// Why a file cannot be made beside `path`: its directory is missing, not a directory, or refuses.
  static func whyNotWritable(directoryOf path: String) -> String {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return "de map '\(directory)' bestaat niet" }
    guard isDirectory.boolValue else { return "'\(directory)' is geen map" }
    return "de map '\(directory)' laat geen nieuw bestand toe (schrijfrechten of een volle schijf)"
  }

  /// Writes text atomically.
  public static func write(_ text: String, to path: String) throws {
    try write(to: path) { try $0.write(contentsOf: Data(text.utf8)) }
  }

  /// Lets `body` build a file at a temporary path, then renames it to `path`.
  public static func replace(_ path: String, _ body: (String) throws -> Void) throws {
    try requireRegularTarget(path)
    let tmp = temporaryPath(for: path)
    try? FileManager.default.removeItem(atPath: tmp)
    do {
      try body(tmp)
      try rename(tmp, path)
    } catch {
      try? FileManager.default.removeItem(atPath: tmp)
      throw error
    }
  }

  static func rename(_ from: String, _ to: String) throws {
    guard Foundation.rename(from, to) == 0 else { throw ExportError("kan '\(from)' niet hernoemen naar '\(to)'") }
  }
}

import Foundation

/// The DuckDB command-line program, which writes Parquet for `toets simulate --table-format parquet`.
///
/// Toetssteen does not write Parquet itself: DuckDB does, from CSV files whose column types are given
/// (the `CREATE TABLE` statements of `toets sql --tables`), so nothing is inferred. DuckDB is the program
/// named by `DUCKDB` (a path), else `duckdb` on PATH; PyPI's `duckdb-cli` package installs it.
public struct DuckDBProcess: Sendable {
  /// The absolute path of the program.
  public let path: String

  /// Finds DuckDB, or says why there is none and how to get it.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<DuckDBProcess, ExportError> {
    let advice = "installeer de DuckDB-CLI (pip install duckdb-cli) of zet DUCKDB op het pad van duckdb"
    if let given = environment["DUCKDB"], !given.isEmpty {
      // As the shell reads it: a name without '/' is a command on PATH, a relative path is read from
      // the current directory.
      let absolute =
        !given.contains("/") ? onPath(given, environment) : given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
      guard let absolute, FileManager.default.isExecutableFile(atPath: absolute) else {
        return .failure(ExportError("DUCKDB='\(given)' is geen uitvoerbaar programma; \(advice)"))
      }
      return .success(DuckDBProcess(path: absolute))
    }
    if let found = onPath("duckdb", environment) { return .success(DuckDBProcess(path: found)) }
    return .failure(ExportError("Parquet wordt geschreven door DuckDB, en er is geen duckdb gevonden op PATH; \(advice)"))
  }

  /// The first executable `name` in the absolute directories of PATH.
  static func onPath(_ name: String, _ environment: [String: String]) -> String? {
    for directory in (environment["PATH"] ?? "").split(separator: ":") where directory.hasPrefix("/") {
      let candidate = String(directory) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// A string as an SQL literal.
  static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

  /// Runs `script` (SQL statements) in an in-memory database; stops at the first error, which is
  /// thrown with DuckDB's own words. The script is written to `scratch` (a file the caller removes)
  /// and read from there, so DuckDB stopping early cannot break a pipe.
  public func run(script: String, scratch: String) throws {
    try Data(script.utf8).write(to: URL(fileURLWithPath: scratch))
    guard let input = FileHandle(forReadingAtPath: scratch) else { throw ExportError("kan '\(scratch)' niet lezen") }
    defer { try? input.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-bail", "-batch", ":memory:"]
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do { try process.run() } catch { throw ExportError("kan \(path) niet starten: \(error.localizedDescription)") }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let text = String(decoding: message, as: UTF8.self).split(separator: "\n").prefix(6).joined(separator: "\n")
      let how = process.terminationReason == .exit ? "stopte met status \(process.terminationStatus)" : "werd afgebroken (signaal \(process.terminationStatus))"
      throw ExportError("DuckDB (\(path)) \(how)\(text.isEmpty ? "" : ":\n" + text)")
    }
  }
}

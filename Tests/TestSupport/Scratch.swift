import Foundation

/// Files and directories a test writes: under the system's temporary directory, each with a unique
/// name so that tests running in parallel never meet. The caller removes them (`defer`).
public enum Scratch {
  /// A new, empty directory whose name starts with `prefix`.
  public static func directory(_ prefix: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// A new file holding `contents`, named `prefix-<uuid>.<ext>`.
  public static func file(_ prefix: String, ext: String, _ contents: String) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString).\(ext)")
    try contents.write(to: file, atomically: true, encoding: .utf8)
    return file
  }
}

import Foundation
import Toetssteen

enum RegulationLocator {
  static func defaultDirectory() -> String? { RegulationLoader.defaultDirectory() }
}

/// Writing to the terminal and to files.
enum Terminal {
  /// Whether standard error is a terminal (for colours and progress).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
  static var stdoutIsTerminal: Bool { isatty(1) == 1 }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Reads a file, or standard input for `-`.
  static func read(_ path: String) throws -> String {
    if path == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      guard let text = String(data: data, encoding: .utf8) else { throw ToetsError("standaardinvoer is geen UTF-8") }
      return text
    }
    guard FileManager.default.fileExists(atPath: path) else { throw ToetsError("bestand '\(path)' bestaat niet") }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ToetsError("kan '\(path)' niet lezen als UTF-8") }
    return text
  }
}

/// An error with a message for the user; the command exits non-zero.
struct ToetsError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

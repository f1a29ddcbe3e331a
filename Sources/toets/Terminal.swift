import ArgumentParser
import Foundation
import HouseholdModel
import Toetssteen

enum RegulationLocator {
  /// The regulations to read when the command names none (see `RegulationLoader.defaultDirectory`).
  static func defaultDirectory() throws -> String {
    do { return try RegulationLoader.defaultDirectory() } catch {
      throw ValidationError("geen map Regulations gevonden (TOETS_REGELINGEN, ./Regulations, de checkout van toets) en de ingebouwde regelingen zijn niet te gebruiken: \(error.description)")
    }
  }

  /// A relative path the user named that is not in the working directory but is built into toets
  /// (`Scenarios/varianten/…`): the built-in copy, with a note on standard error; else the path itself.
  static func existing(_ path: String) throws -> String {
    let copy: String?
    do { copy = try BundledFiles.copy(of: path) } catch { throw ValidationError(error.description) }
    guard let copy else { return path }
    Terminal.error("let op: '\(path)' staat niet in de werkmap; toets gebruikt de ingebouwde versie (\(copy)).")
    return copy
  }
}

/// Writing to the terminal and to files.
enum Terminal {
  /// Whether standard error is a terminal (for colours and progress).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
  static var stdoutIsTerminal: Bool { isatty(1) == 1 }

  /// A message on standard error; if even that cannot be written there is nobody left to tell.
  static func error(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
  }

  /// Output on standard output. A failed write (a full disk, a closed pipe) stops toets with a message
  /// and exit status 74 instead of a crash or a silently short output.
  static func out(_ text: String) {
    do { try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8)) } catch let failure {
      Terminal.error("fout: kan niet naar de standaarduitvoer schrijven (\(failure.localizedDescription))")
      exit(74)
    }
  }

  /// A command's result: on standard output without `--output`, else written atomically to the file
  /// (a file that cannot be written is exit 1). Returns whether it went to a file, so the command can
  /// say where.
  static func deliver(_ text: String, to output: String?) throws -> Bool {
    guard let output else {
      out(text.hasSuffix("\n") ? String(text.dropLast()) : text)
      return false
    }
    do { try AtomicFile.write(text, to: output) } catch {
      Terminal.error("fout: kan '\(output)' niet schrijven: \(error)")
      throw ExitCode(1)
    }
    return true
  }

  /// Reads a file, or standard input for `-`.
  /// Reads a household document, at most ``HouseholdDecoder/maxDocumentBytes`` (a larger one is refused
  /// before it is parsed, with its size).
  static func read(_ path: String, limit: Int = HouseholdDecoder.maxDocumentBytes) throws -> String {
    let data: Data
    if path == "-" {
      data = (try? FileHandle.standardInput.read(upToCount: limit + 1)) ?? Data()
    } else {
      guard FileManager.default.fileExists(atPath: path) else { throw ToetsError("bestand '\(path)' bestaat niet") }
      guard let handle = FileHandle(forReadingAtPath: path) else { throw ToetsError("kan '\(path)' niet lezen") }
      defer { try? handle.close() }
      data = (try? handle.read(upToCount: limit + 1)) ?? Data()
    }
    let name = path == "-" ? "standaardinvoer" : "'\(path)'"
    guard data.count <= limit else { throw ToetsError("\(name) is groter dan \(limit >> 20) MiB; een huishoudendocument is veel kleiner") }
    guard let text = String(data: data, encoding: .utf8) else { throw ToetsError("\(name) is geen UTF-8") }
    return text
  }
}

/// An error with a message for the user; the command exits non-zero.
struct ToetsError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

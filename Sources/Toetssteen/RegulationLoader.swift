import Foundation
import LegalSource
import LegalText

/// Finds and reads the regulation documents under a directory.
public enum RegulationLoader {
  /// Every `.md` file under `directory` (recursively, sorted by path), except `README.md` files, read
  /// and parsed. Problems are added to `diagnostics`.
  public static func load(directory: String, diagnostics: inout DiagnosticEngine) -> [LegalDocument] {
    var documents: [LegalDocument] = []
    for path in markdownFiles(in: directory) {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        diagnostics.emit(.unreadableRegulation(path), at: nil)
        continue
      }
      let file = SourceFile(path: path, text: text)
      if let document = DocumentParser.parse(file, diagnostics: &diagnostics) { documents.append(document) }
    }
    return documents
  }

  /// Paths of the regulation files under `directory`.
  public static func markdownFiles(in directory: String) -> [String] {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: directory) else { return [] }
    var paths: [String] = []
    while let item = enumerator.nextObject() as? String {
      guard item.hasSuffix(".md"), !(item as NSString).lastPathComponent.hasPrefix("README") else { continue }
      paths.append(directory.hasSuffix("/") ? directory + item : directory + "/" + item)
    }
    return paths.sorted()
  }

  /// The regulations directory to use when none is given: `$TOETS_REGELINGEN`, `./Regulations`, the
  /// `Regulations` folder of the checkout the executable was built in, or else the regulations built
  /// into the executable (``BundledFiles``, copied into the user's cache). The folders a user edits come
  /// first; the built-in copy is what a binary outside its checkout reads.
  public static func defaultDirectory(executable: String = CommandLine.arguments.first ?? "") throws(UserCacheDirectoryError) -> String {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    if let env = ProcessInfo.processInfo.environment["TOETS_REGELINGEN"], fm.fileExists(atPath: env, isDirectory: &isDir), isDir.boolValue {
      return env
    }
    if fm.fileExists(atPath: "Regulations", isDirectory: &isDir), isDir.boolValue { return "Regulations" }
    var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = url.appendingPathComponent("Regulations").path
      if fm.fileExists(atPath: candidate, isDirectory: &isDir), isDir.boolValue { return candidate }
      url = url.deletingLastPathComponent()
    }
    return try BundledFiles.directory().appendingPathComponent("Regulations").path
  }
}

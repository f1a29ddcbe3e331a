import Foundation
import LegalSource

/// The regulations and scenarios built into the executable (by the `EmbedBundledFiles` plugin), and
/// their copy on disk.
///
/// A binary copied out of its checkout still needs files to read and to name in messages. The first
/// time it runs there, it writes them to `ingebouwd/<digest>` in the user's cache
/// (``UserCacheDirectory``) — in a temporary directory renamed into place, so the copy is whole or
/// absent — and every later run checks the copy byte for byte and writes it anew when anything differs,
/// is missing or was added. The folders a user edits come first (see
/// ``RegulationLoader/defaultDirectory(executable:)``).
public enum BundledFiles {
  /// The files' relative paths and bytes, decoded once.
  static let decoded: [(path: String, bytes: Data)] = contents.compactMap { entry in
    Data(base64Encoded: entry.base64).map { (entry.path, $0) }
  }

  /// The relative paths of the files built in (`Regulations/…`, `Scenarios/…`), sorted.
  public static var paths: [String] { decoded.map(\.path) }

  /// The directory holding the copy, with `Regulations/` and `Scenarios/` in it, written or repaired
  /// when needed.
  public static func directory() throws(UserCacheDirectoryError) -> URL {
    let base = try UserCacheDirectory.secure("ingebouwd")
    let target = base.appendingPathComponent(digest)
    if isIntact(target) { return target }
    let fm = FileManager.default
    let staging = base.appendingPathComponent(".\(digest)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do {
      for (path, bytes) in decoded {
        let url = staging.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
      }
    } catch {
      try? fm.removeItem(at: staging)
      throw UserCacheDirectoryError(description: "kan de ingebouwde regelingen niet uitpakken in \(base.path): \(error.localizedDescription)")
    }
    // A damaged copy is moved aside first; if another process put a whole copy in place meanwhile,
    // its copy is used and this one dropped.
    if fm.fileExists(atPath: target.path) {
      let aside = base.appendingPathComponent(".weg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
      if rename(target.path, aside.path) == 0 { try? fm.removeItem(at: aside) }
    }
    if rename(staging.path, target.path) != 0 {
      try? fm.removeItem(at: staging)
      guard isIntact(target) else {
        throw UserCacheDirectoryError(description: "kan de ingebouwde regelingen niet op hun plaats zetten in \(target.path) (\(String(cString: strerror(errno))))")
      }
    }
    return target
  }

  /// Whether `directory` holds exactly the files built in, byte for byte, and nothing else.
  static func isIntact(_ directory: URL) -> Bool {
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return false }
    var found: Set<String> = []
    while let item = walker.nextObject() as? String {
      if walker.fileAttributes?[.type] as? FileAttributeType != .typeDirectory { found.insert(item) }
    }
    guard found == Set(decoded.map(\.path)) else { return false }
    return decoded.allSatisfy { (try? Data(contentsOf: directory.appendingPathComponent($0.path))) == $0.bytes }
  }

  /// For a relative path that does not exist in the working directory but names a file built in (a
  /// variant such as `Scenarios/varianten/kgb-stappen-2027.yaml`), the path of the copy; else nil.
  public static func copy(of relativePath: String) throws(UserCacheDirectoryError) -> String? {
    let normalized = relativePath.hasPrefix("./") ? String(relativePath.dropFirst(2)) : relativePath
    guard !relativePath.hasPrefix("/"), !FileManager.default.fileExists(atPath: relativePath),
      decoded.contains(where: { $0.path == normalized })
    else { return nil }
    return try directory().appendingPathComponent(normalized).path
  }
}

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
  static let decoded: [(path: String, bytes: Data)] = contents.map { ($0.path, Data(hexadecimal: $0.hex)) }

  /// FNV-1a (64 bits) over every path, length and content: the name of the copy on disk.
  static let digest: String = {
    var hash = FNV1a()
    for (path, bytes) in decoded {
      hash.add(Array(path.utf8) + [0])
      hash.add(length: bytes.count)
      hash.add(bytes)
    }
    return hash.hex
  }()

  /// The relative paths of the files built in (`Regulations/…`, `Scenarios/…`, `Examples/…`), sorted.
  public static var paths: [String] { decoded.map(\.path) }

  /// The bytes of a file built in, by its path relative to the package.
  public static func bytes(of relativePath: String) -> Data? { decoded.first { $0.path == relativePath }?.bytes }

  /// The directory the copies of every toets version live in (one subdirectory per digest).
  public static var base: URL { UserCacheDirectory.root.appendingPathComponent("ingebouwd") }

  /// Whether `path` lies in a copy of built-in files (this version's or another's).
  public static func isCopy(_ path: String) -> Bool {
    URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(base.standardizedFileURL.path + "/")
  }

  /// The directory holding the copy, with `Regulations/` and `Scenarios/` in it, written or repaired
  /// when needed. Processes take turns (an exclusive lock on `ingebouwd/.slot`): one checks and writes
  /// while the others wait, so no process replaces a copy another has just put in place, and what a
  /// process killed while writing left behind is removed by the next.
  public static func directory() throws(UserCacheDirectoryError) -> URL {
    let base = try UserCacheDirectory.secure("ingebouwd")
    let target = base.appendingPathComponent(digest)
    let lock = open(base.appendingPathComponent(".slot").path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard lock >= 0 else {
      throw UserCacheDirectoryError(description: "kan \(base.path)/.slot niet openen (\(String(cString: strerror(errno))))")
    }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 {
      guard errno == EINTR else { throw UserCacheDirectoryError(description: "kan \(base.path)/.slot niet vergrendelen (\(String(cString: strerror(errno))))") }
    }
    defer { flock(lock, LOCK_UN) }
    if isIntact(target) { return target }
    let fm = FileManager.default
    // Whatever a writer left while no one holds the lock is debris of a process that was killed.
    for name in (try? fm.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(".") && name != ".slot" {
      try? fm.removeItem(at: base.appendingPathComponent(name))
    }
    let staging = base.appendingPathComponent(".\(digest)-\(getpid())")
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
    // A damaged copy is moved aside and removed; then the new one takes its place in one rename.
    if fm.fileExists(atPath: target.path) {
      let aside = base.appendingPathComponent(".weg-\(digest)-\(getpid())")
      if rename(target.path, aside.path) == 0 { try? fm.removeItem(at: aside) }
    }
    if rename(staging.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? fm.removeItem(at: staging)
      throw UserCacheDirectoryError(description: "kan de ingebouwde regelingen niet op hun plaats zetten in \(target.path) (\(reason))")
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

extension Data {
  /// The bytes written as pairs of hexadecimal digits (as the build writes them); other characters end
  /// the bytes.
  init(hexadecimal text: String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count / 2)
    var high: UInt8?
    for c in text.utf8 {
      let v: UInt8
      switch c {
      case 0x30...0x39: v = c - 0x30
      case 0x61...0x66: v = c - 0x61 + 10
      case 0x41...0x46: v = c - 0x41 + 10
      default: self.init(bytes); return
      }
      if let h = high {
        bytes.append(h << 4 | v)
        high = nil
      } else {
        high = v
      }
    }
    self.init(bytes)
  }
}

import Foundation

/// Where toets keeps what it derives on this machine — compiled kernels, the regulations built into the
/// executable — and never in a checkout: `TOETS_CACHE` when set, else `$XDG_CACHE_HOME/toetssteen`, else
/// `~/.cache/toetssteen` of the account.
public enum UserCacheDirectory {
  /// The cache's root directory (see the type's documentation); nothing is created.
  public static var root: URL {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["TOETS_CACHE"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appendingPathComponent("toetssteen")
    }
    // The home directory of the account, not a shared temporary directory.
    let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? getpwuid(geteuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "/nonexistent"
    return URL(fileURLWithPath: home).appendingPathComponent(".cache/toetssteen")
  }

  /// The subdirectory `name` of the root, created (mode 0700) when missing. A directory someone else
  /// could write into is refused: what toets reads from it decides results (regulations) or runs in
  /// the process (kernels), so it must be a real directory of this account, writable by no one else.
  public static func secure(_ name: String) throws(UserCacheDirectoryError) -> URL {
    let directory = root.appendingPathComponent(name)
    // The root first, checked before anything is made inside it.
    for level in [root, directory] {
      var prefix = ""
      for component in level.path.split(separator: "/") {
        prefix += "/" + component
        if mkdir(prefix, 0o700) != 0 && errno != EEXIST && errno != ENOTDIR {
          throw UserCacheDirectoryError(
            description: "kan de cachemap \(level.path) niet aanmaken (\(String(cString: strerror(errno)))); zet TOETS_CACHE op een eigen map")
        }
      }
      var info = stat()
      guard lstat(level.path, &info) == 0 else { throw UserCacheDirectoryError(description: "cachemap \(level.path) niet leesbaar") }
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw UserCacheDirectoryError(description: "cachemap \(level.path) is geen map (een bestand, of een symbolische koppeling)")
      }
      guard info.st_uid == geteuid(), info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
        throw UserCacheDirectoryError(
          description: "cachemap \(level.path) is niet alleen van deze gebruiker schrijfbaar; zet TOETS_CACHE op een eigen map")
      }
    }
    return directory
  }
}

/// A cache directory that cannot be created or is not safe to use, in Dutch.
public struct UserCacheDirectoryError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(description: String) { self.description = description }
}

import Foundation

/// The C compiler the native backend uses, found without configuration: `TOETS_CC` when set, else
/// the `clang` of the Swift toolchain that is on the `PATH` (every Swift toolchain ships one), else
/// `clang` or `cc` on the `PATH`.
public struct NativeToolchain: Sendable {
  /// Absolute path of the compiler.
  public let compiler: String
  /// The compiler's first `--version` line: part of the cache key, so a new compiler recompiles.
  public let version: String

  /// Flags of every compilation. `-O1`: as fast at run time as `-O2` on these programs (measured:
  /// 1,55 s against 1,50 s for a million households) and a third less compile time; `-fwrapv`:
  /// unchecked arithmetic wraps as Swift's `&+` does (the range analysis proved it never needs to);
  /// `-march=native`: the library is built for this machine and cached per machine.
  static let flags = ["-O1", "-fPIC", "-shared", "-fwrapv", "-march=native", "-w"]

  /// The toolchain of this machine, or `nil` when no compiler is found or it does not run.
  public static var current: NativeToolchain? { try? lookup.get() }

  /// The toolchain, or why there is none. A `TOETS_CC` that does not run is an error of its own: the
  /// user asked for that compiler, so no other one is tried in its place.
  public static let lookup: Result<NativeToolchain, NativeBackendError> = find()

  static func find() -> Result<NativeToolchain, NativeBackendError> {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["TOETS_CC"], !explicit.isEmpty {
      guard explicit.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: explicit) else {
        return .failure(NativeBackendError(description: "TOETS_CC=\(explicit) is geen uitvoerbaar bestand met een absoluut pad"))
      }
      guard let toolchain = probe(explicit) else {
        return .failure(NativeBackendError(description: "TOETS_CC=\(explicit) antwoordt niet op --version"))
      }
      return .success(toolchain)
    }
    var candidates: [String] = []
    // Only absolute PATH entries: a relative one would run whatever lies in the working directory.
    let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
    // The clang beside `swift` (resolving the symlinks a toolchain installer leaves).
    for directory in path {
      let swift = URL(fileURLWithPath: directory).appendingPathComponent("swift").path
      guard FileManager.default.isExecutableFile(atPath: swift) else { continue }
      let resolved = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
      candidates.append(resolved.appendingPathComponent("clang").path)
      break
    }
    for name in ["clang", "cc"] {
      for directory in path { candidates.append(URL(fileURLWithPath: directory).appendingPathComponent(name).path) }
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      if let toolchain = probe(candidate) { return .success(toolchain) }
    }
    return .failure(NativeBackendError(description: "geen C-compiler gevonden (zet TOETS_CC, of zet de Swift-toolchain met zijn clang in PATH)"))
  }

  /// The compiler at `path` with its version line, when `--version` succeeds.
  static func probe(_ path: String) -> NativeToolchain? {
    guard let out = try? run(path, ["--version"]), out.status == 0 else { return nil }
    let first = out.output.split(separator: "\n").first.map(String.init) ?? path
    return NativeToolchain(compiler: path, version: first)
  }

  /// Compiles `source` into the shared library `library`, atomically (a temporary file renamed into
  /// place), so that a concurrent run never loads half a library.
  func compile(source: URL, into library: URL) throws {
    let temporary = library.deletingLastPathComponent()
      .appendingPathComponent(".\(library.lastPathComponent).\(UUID().uuidString).tmp")
    defer { try? FileManager.default.removeItem(at: temporary) }
    let out = try Self.run(compiler, Self.flags + ["-o", temporary.path, source.path])
    guard out.status == 0 else {
      throw NativeBackendError(description: "\(compiler) kon de kernel niet compileren: \(out.output.prefix(2_000))")
    }
    guard FileManager.default.fileExists(atPath: temporary.path) else {
      throw NativeBackendError(description: "\(compiler) meldde succes maar schreef geen bibliotheek")
    }
    guard rename(temporary.path, library.path) == 0 else {
      throw NativeBackendError(description: "kon \(library.path) niet schrijven: \(String(cString: strerror(errno)))")
    }
  }

  /// Runs a program and returns its exit status and combined output.
  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

/// Why the native backend could not be used.
public struct NativeBackendError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

import Foundation
import LegalSource

/// The compiled kernels of this machine: shared libraries in the user's cache directory, named by a
/// hash of the C text, the compiler and its flags, and loaded once per process.
///
/// The directory is `kernels` in the user's cache directory (``UserCacheDirectory``: `TOETS_CACHE`,
/// `$XDG_CACHE_HOME/toetssteen` or `~/.cache/toetssteen`) — never the checkout. Beside each library lies the text it was compiled
/// from; a library is used only when that text equals the program's, so a hash collision costs a
/// recompilation, never a wrong result.
public final class NativeLibraryCache: @unchecked Sendable {
  /// The kernel function every generated library exports (see ``NativeSource``).
  typealias KernelFunction = @convention(c) (
    UnsafePointer<UnsafeRawPointer?>, UnsafePointer<Int32>, UnsafePointer<UInt8>, UnsafePointer<Int64>,
    UnsafePointer<Int32>, Int64, Int64, Int64, UnsafePointer<UnsafeMutableRawPointer?>
  ) -> Int64

  /// What loading one kernel took.
  public struct Load: Sendable {
    let function: KernelFunction
    /// Whether the library had to be compiled (false: found in the cache or already loaded).
    public let compiled: Bool
    /// Seconds spent compiling, or finding and loading the cached library.
    public let seconds: Double
  }

  public static let shared = NativeLibraryCache()

  private let lock = NSLock()
  private var loaded: [String: KernelFunction] = [:]

  /// The cache directory: `kernels` in the user's cache (see ``UserCacheDirectory``); nothing is created.
  public static var directory: URL { UserCacheDirectory.root.appendingPathComponent("kernels") }

  /// Creates the cache directory and refuses one that someone else could write into: code loaded
  /// from it runs in this process.
  static func secureDirectory() throws -> URL {
    do { return try UserCacheDirectory.secure("kernels") } catch { throw NativeBackendError(description: error.description) }
  }

  /// The kernel function for `source`: from this process, from the cache, or compiled now.
  func function(for source: NativeSource, toolchain: NativeToolchain) throws -> Load {
    let start = DispatchTime.now()
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
    let key = Self.key(source.text, toolchain)
    // The lock guards the table only: programs compile side by side (two writers of one library
    // each rename a complete file into place).
    lock.lock()
    let known = loaded[key]
    lock.unlock()
    if let known { return Load(function: known, compiled: false, seconds: elapsed()) }
    let directory = try Self.secureDirectory()
    let text = directory.appendingPathComponent("\(key).c")
    let library = directory.appendingPathComponent("\(key).so")
    var compiled = false
    let checksum = directory.appendingPathComponent("\(key).so.fnv")
    let cachedText = try? String(contentsOf: text, encoding: .utf8)
    // A library is loaded only when its bytes have the checksum written after it was compiled: a
    // truncated or damaged file would otherwise be mapped by dlopen and end the process with SIGBUS.
    if cachedText != source.text || !Self.intact(library, checksum) {
      KernelBackend.notices.compiling()
      try Self.writeAtomically(source.text, to: text)
      try toolchain.compile(source: text, into: library)
      try Self.writeAtomically(try Self.checksum(of: library), to: checksum)
      compiled = true
    }
    var handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL)
    if handle == nil && !compiled {
      // A cached library this system cannot load (another C library): build it again.
      try toolchain.compile(source: text, into: library)
      try Self.writeAtomically(try Self.checksum(of: library), to: checksum)
      compiled = true
      handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL)
    }
    guard let handle else {
      let reason = dlerror().map { String(cString: $0) } ?? "onbekende fout"
      throw NativeBackendError(description: "kon \(library.path) niet laden: \(reason)")
    }
    guard let symbol = dlsym(handle, NativeSource.symbol) else {
      throw NativeBackendError(description: "\(library.path) mist de functie \(NativeSource.symbol)")
    }
    let function = unsafeBitCast(symbol, to: KernelFunction.self)
    lock.lock()
    loaded[key] = function
    lock.unlock()
    return Load(function: function, compiled: compiled, seconds: elapsed())
  }

  /// The processor the libraries are built for (`-march=native`): its model and feature flags, so a
  /// cache carried to another machine compiles again instead of running unsupported instructions.
  static let cpu: String = {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "onbekend" }
    let wanted = ["model name", "flags", "Features", "CPU implementer", "CPU part"]
    var seen = Set<String>()
    var lines: [String] = []
    for line in info.split(separator: "\n") {
      let name = line.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if wanted.contains(name), seen.insert(name).inserted { lines.append(String(line)) }
    }
    return lines.joined(separator: "\n")
  }()

  /// FNV-1a (64 bits) of the text, the compiler, its version, the flags and the processor, in hexadecimal.
  static func key(_ text: String, _ toolchain: NativeToolchain) -> String {
    var hash = FNV1a()
    for part in [text, toolchain.compiler, toolchain.version, NativeToolchain.flags.joined(separator: " "), cpu] {
      hash.add(part.utf8)
      hash.add(CollectionOfOne(0xff))
    }
    return "kernel-" + hash.hex
  }

  /// The FNV-1a checksum of a file's bytes, in hexadecimal.
  static func checksum(of file: URL) throws -> String {
    var hash = FNV1a()
    hash.add(try Data(contentsOf: file))
    return hash.hex
  }

  /// Whether `library` exists and has the checksum stored in `checksum`.
  static func intact(_ library: URL, _ checksum: URL) -> Bool {
    guard let stored = try? String(contentsOf: checksum, encoding: .utf8), let actual = try? Self.checksum(of: library) else { return false }
    return stored == actual
  }

  static func writeAtomically(_ text: String, to url: URL) throws {
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
    guard rename(temporary.path, url.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw NativeBackendError(description: "kon \(url.path) niet schrijven")
    }
  }
}

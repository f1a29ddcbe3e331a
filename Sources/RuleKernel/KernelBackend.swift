import Foundation

/// Which engine runs a compiled kernel over the households.
///
/// Every backend gives the same amounts and statuses to the bit (the differential tests compare them
/// with each other and with the reference evaluator); they differ only in speed.
///
/// The interpreter is the default: the native backend is about a fifth faster once its libraries are
/// in the cache, but compiling them the first time takes several seconds (Benchmarks/README.md §6).
public enum KernelBackend: String, Sendable, CaseIterable {
  /// The column-at-a-time interpreter (``BatchExecutor``): no compiler needed.
  case interpreter
  /// The kernel as C, compiled to a shared library at run time by the C compiler of the Swift
  /// toolchain and cached (``NativeSource``); the interpreter when that fails, with the reason.
  case native

  /// The backend runs use when their caller does not choose one: set once by the command line
  /// (`--backend`), ``interpreter`` otherwise.
  public static var preferred: KernelBackend {
    get { BackendPreference.shared.get() }
    set { BackendPreference.shared.set(newValue) }
  }
}

/// The process-wide ``KernelBackend/preferred``, behind a lock.
final class BackendPreference: @unchecked Sendable {
  static let shared = BackendPreference()
  private let lock = NSLock()
  private var value = KernelBackend.interpreter
  func get() -> KernelBackend {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
  func set(_ v: KernelBackend) {
    lock.lock()
    value = v
    lock.unlock()
  }
}

/// What ran a simulation: the backend per program and what compiling or loading cost.
public struct BackendReport: Sendable {
  /// `native` or `interpreter`.
  public var backend = "interpreter"
  /// Why the interpreter ran when native was possible in principle (no compiler, a compile error).
  public var fallbackReason: String?
  /// Programs compiled in this run, and programs found in the cache or already loaded.
  public var compiled = 0
  public var cached = 0
  /// Seconds spent generating, compiling and loading native code.
  public var seconds = 0.0

  public init() {}

  /// One line for people: "native (2 gecompileerd, 1 uit de cache, 3,2 s)".
  public var summary: String {
    if backend == "native" {
      return "native (\(compiled) gecompileerd, \(cached) uit de cache, \(String(format: "%.2f", seconds)) s)"
    }
    return fallbackReason.map { "interpreter (\($0))" } ?? "interpreter"
  }
}

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

extension KernelBackend {
  /// Where runs report what a user waiting at a terminal should hear: that native code is being
  /// compiled (seconds, once), or that the interpreter runs where native was asked for. The command
  /// line sets the handlers; each is called at most once per process.
  public static let notices = BackendNotices()
}

/// The handlers of ``KernelBackend/notices``.
public final class BackendNotices: @unchecked Sendable {
  private let lock = NSLock()
  private var onCompile: (@Sendable () -> Void)?
  private var onFallback: (@Sendable (String) -> Void)?
  private var compiledOnce = false
  private var fellBackOnce = false

  /// Sets the handlers (replacing earlier ones).
  public func set(compiling: @escaping @Sendable () -> Void, fallback: @escaping @Sendable (String) -> Void) {
    lock.lock()
    onCompile = compiling
    onFallback = fallback
    lock.unlock()
  }

  func compiling() {
    lock.lock()
    let handler = compiledOnce ? nil : onCompile
    compiledOnce = true
    lock.unlock()
    handler?()
  }

  func fellBack(_ reason: String) {
    lock.lock()
    let handler = fellBackOnce ? nil : onFallback
    fellBackOnce = true
    lock.unlock()
    handler?(reason)
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
  /// The backend that ran.
  public var backend = KernelBackend.interpreter
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
    if backend == .native {
      return "native (\(compiled) gecompileerd, \(cached) uit de cache, \(String(format: "%.2f", seconds)) s)"
    }
    return fallbackReason.map { "interpreter (\($0))" } ?? "interpreter"
  }
}

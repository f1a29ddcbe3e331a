import Foundation

/// A count that several threads add to, for progress reports: how many households (or rows) are done.
public final class ProgressCounter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  public init() {}

  /// Adds `n` and returns the new total.
  public func add(_ n: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += n
    return value
  }
}

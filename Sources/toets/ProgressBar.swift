import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
  let enabled: Bool
  private let lock = NSLock()
  private var lastDrawn = 0.0
  private var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  func update(_ phase: String, _ done: Int, _ total: Int) {
    guard enabled, total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date().timeIntervalSince1970
    guard now - lastDrawn > 0.1 || done >= total else { return }
    lastDrawn = now
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    try? FileHandle.standardError.write(contentsOf: Data("\r\(phase.padding(toLength: 12, withPad: " ", startingAt: 0)) \(bar) \(done * 100 / total)%  ".utf8))
    drawn = true
  }

  func finish() {
    guard enabled, drawn else { return }
    try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8))
  }
}

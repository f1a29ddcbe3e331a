#if Beslisservice
import NIOPosix

/// Admission for evaluations: at most ``capacity`` run at once, at most ``waitingLimit`` wait for a
/// turn, and nobody waits past their deadline. Evaluations run on threads of their own (one per
/// slot), not on Swift's cooperative pool or Dispatch's global queues — on Linux those share one
/// thread per core — so that timers, health checks and error answers stay responsive while every
/// slot computes.
///
/// Why: without a bound, a thousand requests in flight share two cores and all of them miss the time
/// limit; with it, the first ones are answered in time and the rest get a quick 503.
public actor EvaluationSlots {
  /// Why a request did not get a slot.
  public enum Refusal: Error, Sendable {
    /// Every slot is busy and the waiting line is full.
    case busy
    /// The deadline passed while the request waited.
    case timeLimit
  }

  public let capacity: Int
  public let waitingLimit: Int
  /// Evaluations running now.
  public private(set) var active = 0
  private var waiting: [(id: UInt64, turn: CheckedContinuation<Void, any Error>, timer: Task<Void, Never>)] = []
  private var nextID: UInt64 = 0
  private let threads: NIOThreadPool

  public init(capacity: Int, waitingLimit: Int) {
    self.capacity = max(1, capacity)
    self.waitingLimit = max(0, waitingLimit)
    threads = NIOThreadPool(numberOfThreads: self.capacity)
    threads.start()
  }

  deinit {
    threads.shutdownGracefully { _ in }
  }

  /// Requests waiting for a slot now.
  public var waitingCount: Int { waiting.count }

  /// Runs `work` in a slot, off the cooperative pool; refuses at once when the line is full, and with
  /// ``Refusal/timeLimit`` when no slot frees up before `deadline`.
  public nonisolated func run<T: Sendable>(
    until deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () throws -> T
  ) async throws -> T {
    try await enter(until: deadline)
    do {
      let result = try await threads.runIfActive(work)
      await leave()
      return result
    } catch {
      await leave()
      throw error
    }
  }

  func enter(until deadline: ContinuousClock.Instant) async throws {
    if active < capacity, waiting.isEmpty {
      active += 1
      return
    }
    guard waiting.count < waitingLimit else { throw Refusal.busy }
    let id = nextID
    nextID &+= 1
    try await withCheckedThrowingContinuation { (turn: CheckedContinuation<Void, any Error>) in
      let timer = Task {
        try? await Task.sleep(until: deadline, clock: .continuous)
        self.expire(id)
      }
      waiting.append((id, turn, timer))
    }
  }

  /// Hands the slot to the first in line, or frees it.
  func leave() {
    guard !waiting.isEmpty else {
      active -= 1
      return
    }
    let next = waiting.removeFirst()
    next.timer.cancel()
    next.turn.resume()
  }

  private func expire(_ id: UInt64) {
    guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
    waiting.remove(at: index).turn.resume(throwing: Refusal.timeLimit)
  }
}
#endif

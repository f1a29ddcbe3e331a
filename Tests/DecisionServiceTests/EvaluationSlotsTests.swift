#if Beslisservice
import DecisionService
import Foundation
import Testing

/// The admission of evaluations: a bounded number run, a bounded number wait, the rest are refused at
/// once, and a waiter whose deadline passes leaves the line with a time-limit refusal.
@Suite("Rekenplaatsen")
struct EvaluationSlotsTests {
  /// Work that blocks until `release` is signalled, so a slot stays taken for as long as the test wants.
  static func blocking(_ release: DispatchSemaphore) -> @Sendable () -> Int {
    { release.wait(); return 1 }
  }

  /// Polls until `condition` holds, for at most ten minutes of wall time: the test suite runs its tests
  /// in parallel on two cores, so a task may wait long for its turn.
  static func waitUntil(_ condition: @Sendable () async -> Bool) async {
    let end = ContinuousClock.now + .seconds(600)
    while ContinuousClock.now < end, !(await condition()) { try? await Task.sleep(for: .milliseconds(5)) }
  }

  /// A deadline no test reaches: only the test of the time limit sets a short one.
  static var far: ContinuousClock.Instant { .now + .seconds(3600) }

  @Test("vol en de wachtrij vol: meteen 'busy'; een plaats die vrijkomt gaat naar wie wacht")
  func busyAndHandover() async throws {
    let slots = EvaluationSlots(capacity: 1, waitingLimit: 1)
    let release = DispatchSemaphore(value: 0)
    let far = Self.far
    let first = Task { try await slots.run(until: far, Self.blocking(release)) }
    await Self.waitUntil { await slots.active == 1 }
    let second = Task { try await slots.run(until: far) { 2 } }
    await Self.waitUntil { await slots.waitingCount == 1 }
    await #expect(throws: EvaluationSlots.Refusal.busy) { try await slots.run(until: far) { 3 } }
    release.signal()
    #expect(try await first.value == 1)
    #expect(try await second.value == 2)
    #expect(await slots.active == 0)
    #expect(await slots.waitingCount == 0)
  }

  @Test("wie wacht tot na de deadline krijgt 'timeLimit' en verlaat de rij")
  func waiterTimesOut() async throws {
    let slots = EvaluationSlots(capacity: 1, waitingLimit: 4)
    let release = DispatchSemaphore(value: 0)
    let first = Task { try await slots.run(until: Self.far, Self.blocking(release)) }
    await Self.waitUntil { await slots.active == 1 }
    await #expect(throws: EvaluationSlots.Refusal.timeLimit) { try await slots.run(until: .now + .milliseconds(50)) { 2 } }
    #expect(await slots.waitingCount == 0)
    release.signal()
    #expect(try await first.value == 1)
    #expect(await slots.active == 0)
  }

  @Test("een fout in het werk geeft de plaats terug")
  func errorReleases() async throws {
    struct Failure: Error {}
    let slots = EvaluationSlots(capacity: 1, waitingLimit: 0)
    await #expect(throws: Failure.self) { try await slots.run(until: Self.far) { () throws -> Int in throw Failure() } }
    #expect(try await slots.run(until: Self.far) { 7 } == 7)
  }
}
#endif

import ExactArithmetic
import Foundation
import HouseholdModel
import ReferenceEvaluator
import Testing
import TestSupport
import Toetssteen

/// An evaluation with a deadline stops at it instead of computing on (the decision service's time
/// limit), and one that fits gives exactly what the evaluation without a deadline gives.
@Suite("Evaluatie met een deadline")
struct DeadlineTests {
  static func largeHousehold() throws -> Household {
    try Repository.engine.household(fromJSON: Repository.largestHouseholdJSON)
  }

  @Test("een verstreken deadline: TimeLimitExceeded, zonder te rekenen")
  func expired() throws {
    let household = try Self.largeHousehold()
    #expect(throws: TimeLimitExceeded.self) {
      try Repository.engine.evaluate(household, on: CivilDate(iso: "2026-01-01")!, deadline: .now - .seconds(1))
    }
  }

  @Test("een evaluator voorbij zijn deadline stopt binnen 64 definities: tijdslimiet, geen waarde")
  func stopsEarly() throws {
    let household = try Self.largeHousehold()
    let date = CivilDate(iso: "2026-01-01")!
    let output = try #require(Repository.engine.program.outputs(on: date).first { $0.id == "netto.jaarinkomen" })
    let full = Evaluator(program: Repository.engine.program, household: household, tracing: true)
    _ = full.value(of: output.symbol, on: date)
    let stopped = Evaluator(program: Repository.engine.program, household: household, tracing: true)
    stopped.deadline = .now
    #expect(stopped.value(of: output.symbol, on: date) == .failure(.timeLimit))
    // The trace holds what was computed before the stop: a sliver of the whole.
    #expect(stopped.trace.steps.count * 20 < full.trace.steps.count, "\(stopped.trace.steps.count) van \(full.trace.steps.count) stappen")
  }

  @Test("een ruime deadline: dezelfde uitkomsten en uitleg als zonder deadline")
  func generous() throws {
    let household = try Repository.engine.household(fromJSON: String(contentsOfFile: Repository.path("Examples/huishouden-met-loon.json"), encoding: .utf8))
    let date = CivilDate(iso: "2026-01-01")!
    let plain = Repository.engine.evaluate(household, on: date)
    let timed = try Repository.engine.evaluate(household, on: date, deadline: .now + .seconds(600))
    #expect(JSONWriter.render(plain.json()) == JSONWriter.render(timed.json()))
  }
}

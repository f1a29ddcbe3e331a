import ExactArithmetic
import Foundation
import HouseholdModel
import Testing
import TestSupport
import Toetssteen

/// An evaluation with a deadline stops at it instead of computing on (the decision service's time
/// limit), and one that fits gives exactly what the evaluation without a deadline gives.
@Suite("Evaluatie met een deadline")
struct DeadlineTests {
  /// A household of 100 persons: the most a document may hold, and the slowest to evaluate.
  static func largeHousehold() throws -> Household {
    var persons = [#"{"id": "a", "rol": "aanvrager", "geboortedatum": "1960-03-01", "loon": "30000.00", "vermogen": "0"}"#]
    persons += (0..<99).map { #"{"id": "k\#($0)", "rol": "kind", "geboortedatum": "2015-06-01"}"# }
    let json = #"{"personen": [\#(persons.joined(separator: ", "))], "woning": {"huurder": true, "zelfstandig": true, "rekenhuur": "768.00"}}"#
    return try Repository.engine.household(fromJSON: json)
  }

  @Test("een verstreken deadline: TimeLimitExceeded, zonder te rekenen")
  func expired() throws {
    let household = try Self.largeHousehold()
    #expect(throws: TimeLimitExceeded.self) {
      try Repository.engine.evaluate(household, on: CivilDate(iso: "2026-01-01")!, deadline: .now - .seconds(1))
    }
  }

  @Test("een deadline midden in de berekening: gestopt ruim voordat de hele berekening klaar zou zijn")
  func stopsEarly() throws {
    let household = try Self.largeHousehold()
    let date = CivilDate(iso: "2026-01-01")!
    let clock = ContinuousClock()
    let full = clock.measure { _ = Repository.engine.evaluate(household, on: date) }
    let limit = full / 20
    var stopped: Duration = .zero
    stopped = clock.measure {
      #expect(throws: TimeLimitExceeded.self) { try Repository.engine.evaluate(household, on: date, deadline: .now + limit) }
    }
    // Stopped within a generous margin of the limit, far from the full time.
    #expect(stopped < full / 2, "de volledige berekening duurt \(full), de gestopte \(stopped) bij een grens van \(limit)")
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

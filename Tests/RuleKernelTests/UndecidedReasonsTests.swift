import ExactArithmetic
import HouseholdModel
import TestSupport
import Testing

@testable import Toetssteen

/// The summary says why households are undecided: the reference evaluator's reasons on an even
/// sample of them, counted, the most frequent first, the same on any thread count.
@Suite("Waarom huishoudens onbepaald blijven")
struct UndecidedReasonsTests {
  @Test("De steekproef is gelijkmatig en vast: alle huishoudens tot de grens, daarboven verspreid over de lijst")
  func sample() {
    #expect(UndecidedReasons.sample([3, 5, 8], limit: 4) == [3, 5, 8])
    #expect(UndecidedReasons.sample(Array(0..<10), limit: 5) == [0, 2, 4, 6, 8])
    let many = Array(stride(from: 1, to: 10_000, by: 7))
    let drawn = UndecidedReasons.sample(many, limit: 100)
    #expect(drawn.count == 100 && Set(drawn).count == 100)
    #expect(drawn.first == many.first && drawn.last! > many[many.count * 98 / 100])
  }

  @Test("Redenen worden geteld en geordend: de meeste eerst, bij gelijk aantal op tekst")
  func counting() {
    let reasons = ["b", "a", "b", nil, "c", "b", "a"]
    let u = UndecidedReasons(reasons: reasons)
    #expect(u.sampled == 7)
    #expect(u.reasons.map(\.households) == [3, 2, 1, 1])
    #expect(u.reasons.prefix(2).map(\.text) == ["b", "a"])
    // A row the kernel left undecided that the reference does decide is a kernel defect, said as such.
    #expect(u.reasons.contains { $0.text.contains("een fout in de kernel") })
  }

  // The same on 1 and 2 threads: DifferentialTests.threads compares the whole JSON summary.
  @Test("Een simulatie noemt per uitvoer de redenen, met artikel")
  func simulation() throws {
    let day = CivilDate(iso: "2025-07-01")!
    let run = try Repository.engine.simulate(date: day, households: 20_000, seed: 7, scenario: DifferentialTests.scenario, threads: 2)
    let a = SimulationSummary(run)
    #expect(a.outputs.contains { $0.undecided > 0 })
    for x in a.outputs {
      guard let u = x.undecidedReasons else {
        #expect(x.undecided == 0, "\(x.id)")
        continue
      }
      #expect(u.sampled == min(x.undecided, UndecidedReasons.sampleLimit), "\(x.id)")
      #expect(u.reasons.map(\.households).reduce(0, +) == u.sampled, "\(x.id)")
      // Every reason names its law, and none is the kernel-defect line.
      for r in u.reasons {
        #expect(r.text.contains("art.") || r.text.contains("(Wet") || r.text.contains("(Pw") || r.text.contains("geen regel"), "\(x.id): \(r.text)")
        #expect(!r.text.contains("een fout in de kernel"), "\(x.id): \(r.text)")
      }
    }
    let json = JSONWriter.render(a.json(date: day, seed: 7, scenario: "test"))
    #expect(json.contains("\"undecided_reasons\"") && json.contains("\"sampled\""))
  }
}

import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import RuleKernel
import TestSupport
import Testing

/// The kernel packs a duration as months × 64 + days and assumes dates within a few centuries: exact
/// only inside those bounds. A duration it cannot hold (64 days or more, over 200 years, a sum of
/// durations) sends its output to the reference evaluator instead of a wrong number, and the kernel's
/// results equal the reference's either way.
@Suite("Duren die de kernel niet exact kan houden")
struct DurationBoundsTests {
  static let law = RegulationFixture.header(code: "test", until: nil) + """
    ## Artikel 1

    1. Een termijn na de geboortedatum.

    ```regels
    De korte datum van een persoon is zijn geboortedatum vermeerderd met 30 dagen.
    De lange datum van een persoon is zijn geboortedatum vermeerderd met 80 dagen.
    De verre datum van een persoon is zijn geboortedatum vermeerderd met 300 jaar.
    De termijn is 40 dagen vermeerderd met 40 dagen.
    De somdatum van een persoon is zijn geboortedatum vermeerderd met de termijn.
    De korte telling is het bedrag in euro's van (het aantal dagen van de peildatum tot de korte datum van de aanvrager).
    De lange telling is het bedrag in euro's van (het aantal dagen van de peildatum tot de lange datum van de aanvrager).
    De verre telling is het bedrag in euro's van (het aantal dagen van de peildatum tot de verre datum van de aanvrager).
    De somtelling is het bedrag in euro's van (het aantal dagen van de peildatum tot de somdatum van de aanvrager).
    Uitvoer test.kort is de korte telling.
    Uitvoer test.lang is de lange telling.
    Uitvoer test.ver is de verre telling.
    Uitvoer test.som is de somtelling.
    ```
    """

  @Test("80 dagen, 300 jaar en een som van duren: naar de referentie-evaluator; 30 dagen in de kernel; dezelfde uitkomsten")
  func boundsFallBack() throws {
    let day = CivilDate(iso: "2026-01-01")!
    let births = ["1958-01-31", "1990-12-15", "2025-11-20", "1850-01-01", "2199-12-31"]
    let fixture = try KernelFixture(
      ["test.md": Self.law], documents: births.map { #"{"personen": [{"rol": "aanvrager", "geboortedatum": "\#($0)"}]}"# }, on: day)
    let unsupported = Dictionary(uniqueKeysWithValues: fixture.kernel.unsupported.map { ($0.id, $0.reason) })
    #expect(unsupported["test.kort"] == nil)
    #expect(unsupported["test.lang"]?.contains("hoogstens 63 dagen") == true, "\(unsupported)")
    #expect(unsupported["test.ver"]?.contains("tot 200 jaar") == true, "\(unsupported)")
    #expect(unsupported["test.som"] != nil, "\(unsupported)")
    for id in ["test.kort", "test.lang", "test.ver", "test.som"] {
      let o = try #require(fixture.results.index(of: id))
      let name = ["test.kort": "korte telling", "test.lang": "lange telling", "test.ver": "verre telling", "test.som": "somtelling"][id]!
      for (h, birth) in births.enumerated() {
        let reference = try Evaluator(program: fixture.program, household: fixture.households[h]).value(of: SymbolID(law: "test", name: name), on: day).get()
        guard case .number(let euros) = reference else { Issue.record("\(id) \(birth): \(reference)"); continue }
        #expect(fixture.results.isDecided(o, h) && Rational(Int(fixture.results.cents[o][h])) == euros * 100, "\(id) \(birth)")
      }
    }
  }
}

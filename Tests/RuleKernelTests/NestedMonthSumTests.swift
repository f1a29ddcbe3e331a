import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import RuleKernel
import TestSupport
import Testing

/// A monthly sum inside another monthly sum, with a value that changes in July: the short path (the
/// first month of each segment times its length) must take the July segment of the outer sum too. It
/// once looked the outer sum up by its January node, which differs when the inner sum is itself
/// shortened, missed it, and took January for all twelve months (found with a derived toetsingsinkomen:
/// the zorgtoeslag's months read the bruto bijstand, whose norm changes in July, and the AOW's yearly sum).
@Suite("Een maandsom binnen een maandsom")
struct NestedMonthSumTests {
  /// Two versions of a test law: the monthly amount is € 100 until July and € 120 after.
  static func version(from: String, until: String?, amount: Int) -> String {
    RegulationFixture.header(code: "test", from: from, until: until) + """
      ## Artikel 1

      1. Het maandbedrag is [€ \(amount)]{parameterwaarde: maandbedrag} per maand.

      ```regels
      Parameter het maandbedrag is € \(amount) per maand.
      Het maandloon is het twaalfde deel van het inkomen van de aanvrager vermeerderd met het maandbedrag.
      Het jaarbedrag is de som van het maandloon over de maanden van het berekeningsjaar.
      De maandwaarde is het maandbedrag vermeerderd met het twaalfde deel van het jaarbedrag.
      De uitkomst is (de som van de maandwaarde over de maanden van het berekeningsjaar), rekenkundig afgerond op hele euro's volgens artikel 1.
      Uitvoer test.uitkomst is de uitkomst.
      ```
      """
  }

  @Test("Januari–juni en juli–december apart, ook met een maandsom erin")
  func julySegmentOfTheOuterSum() throws {
    let day = CivilDate(iso: "2025-03-01")!
    let document = #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01", "toetsingsinkomen": "1200"}]}"#
    let fixture = try KernelFixture(
      [
        "test-a.md": Self.version(from: "2025-01-01", until: "2025-07-01", amount: 100),
        "test-b.md": Self.version(from: "2025-07-01", until: nil, amount: 120),
      ], documents: Array(repeating: document, count: 3), on: day)
    let (program, household, results) = (fixture.program, fixture.households[0], fixture.results)
    // The short path keeps the output (two segments, not twelve months) …
    #expect(fixture.kernel.stable?.outputs.contains { $0.id == "test.uitkomst" } == true)
    let o = try #require(results.index(of: "test.uitkomst"))
    // … and gives, with a yearly sum of 1.200 + 6 × 100 + 6 × 120 = 2.520, 6 × (100 + 210) + 6 × (120 + 210)
    // = 3.840, as the reference does; January times twelve would give 12 × (100 + 210) = 3.720. (The income
    // keeps the sums from folding to constants, which would hide the difference between the two lowerings.)
    let reference = Evaluator(program: program, household: household).value(of: SymbolID(law: "test", name: "uitkomst"), on: day)
    #expect(try reference.get() == .number(Rational(3840)))
    for h in 0..<3 { #expect(results.isDecided(o, h) && results.cents[o][h] == 384_000) }
  }
}

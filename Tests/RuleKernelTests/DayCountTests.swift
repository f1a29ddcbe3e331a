import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import RuleKernel
import TestSupport
import Testing

/// `het aantal dagen van D tot E`: calendar days, D counted and E not, the same in the reference
/// evaluator and the kernel; inside a monthly sum it keeps the short path (January times twelve) when
/// only comparisons with the peildatum change from month to month. The national rules use it for the
/// AOW over the month in which it starts (AOW art. 16 lid 1); the SQL and native backends are checked
/// against the kernel on those rules (DifferentialTests, Tests/sql).
@Suite("Het aantal dagen tussen twee datums")
struct DayCountTests {
  static let law = RegulationFixture.header(code: "test", until: nil) + """
    ## Artikel 1

    1. Het maandbedrag is [€ 100]{parameterwaarde: maandbedrag} per maand, over de eerste maand naar dagen.

    ```regels
    Parameter het maandbedrag is € 100 per maand.
    De ingangsdatum van een persoon is de datum waarop hij 67 jaar wordt.
    Het deel van een persoon is (het maandbedrag maal ((het aantal dagen van zijn ingangsdatum tot (de eerste dag van de kalendermaand volgend op zijn ingangsdatum)) gedeeld door (het aantal dagen van (de eerste dag van de maand van zijn ingangsdatum) tot (de eerste dag van de kalendermaand volgend op zijn ingangsdatum)))), rekenkundig afgerond op centen volgens artikel 1 indien aan alle volgende voorwaarden is voldaan:
      - zijn ingangsdatum ligt na de peildatum;
      - zijn ingangsdatum ligt voor de eerste dag van de kalendermaand volgend op de peildatum.
    Anders is het deel van een persoon € 0 per maand.
    Het jaarbedrag is de som van het deel van de aanvrager over de maanden van het berekeningsjaar.
    De dagenleeftijd is het aantal dagen van de geboortedatum van de aanvrager tot de peildatum.
    Uitvoer test.jaarbedrag is het jaarbedrag.
    De dagenuitkomst is het bedrag in euro's van de dagenleeftijd.
    De terugtelling is het bedrag in euro's van (het aantal dagen van de peildatum tot de geboortedatum van de aanvrager).
    Uitvoer test.dagen is de dagenuitkomst.
    Uitvoer test.terug is de terugtelling.
    ```
    """

  @Test("Kalenderdagen, de eerste dag geteld en de laatste niet; in een maandsom alleen de maand van de ingangsdatum")
  func daysAndFirstMonth() throws {
    let day = CivilDate(iso: "2025-03-01")!
    // Birth date → days to 1 March 2025 (counted with Python's datetime; across 17 leap days, 1960–2024)
    // and the part of the month in
    // which he turns 67: on the first of a month nothing (the whole month is his), 28 February 1 of 28
    // days, 15 March 17 of 31, 31 December 1 of 31, and in 2024 nothing this year.
    let cases: [(String, Int, Int64)] = [
      ("1958-01-01", 24_531, 0), ("1958-02-28", 24_473, 357), ("1958-03-15", 24_458, 5_484),
      ("1958-12-31", 24_167, 323), ("1957-06-10", 24_736, 0),
    ]
    let fixture = try KernelFixture(
      ["test.md": Self.law], documents: cases.map { #"{"personen": [{"rol": "aanvrager", "geboortedatum": "\#($0.0)"}]}"# }, on: day)
    let (program, households, results) = (fixture.program, fixture.households, fixture.results)
    #expect(fixture.kernel.stable?.outputs.contains { $0.id == "test.jaarbedrag" } == true, "de maandsom blijft op het korte pad")
    let year = try #require(results.index(of: "test.jaarbedrag")), days = try #require(results.index(of: "test.dagen"))
    let back = try #require(results.index(of: "test.terug"))
    for (h, (birth, count, cents)) in cases.enumerated() {
      let evaluator = Evaluator(program: program, household: households[h])
      #expect(try evaluator.value(of: SymbolID(law: "test", name: "dagenleeftijd"), on: day).get() == .number(Rational(count)), "\(birth)")
      #expect(try evaluator.value(of: SymbolID(law: "test", name: "jaarbedrag"), on: day).get() == .number(Rational(Int(cents)) / 100), "\(birth)")
      #expect(results.isDecided(days, h) && results.cents[days][h] == Int64(count) * 100, "\(birth)")
      // Backwards: the same number of days, negative.
      #expect(results.isDecided(back, h) && results.cents[back][h] == -Int64(count) * 100, "\(birth)")
      #expect(results.isDecided(year, h) && results.cents[year][h] == cents, "\(birth)")
    }
  }

  @Test("De uitleg zet het aantal dagen tussen haakjes waar het in een berekening staat")
  func printed() throws {
    let (compiled, diagnostics) = RegulationFixture.compile(["test.md": Self.law])
    let program = try #require(compiled, "\(RegulationFixture.errors(diagnostics))")
    let deel = try #require(program.version(of: "test", on: CivilDate(iso: "2025-03-01")!)?.definitions[SymbolID(law: "test", name: "deel")])
    guard case .value(let e)? = deel.rules.first?.body else {
      Issue.record("de eerste regel van 'deel' geeft geen waarde")
      return
    }
    let text = ExpressionPrinter(style: .words).render(e)
    #expect(text.contains("((het aantal dagen van zijn ingangsdatum tot de eerste dag van de maand na zijn ingangsdatum) gedeeld door (het aantal dagen van"), "\(text)")
  }

  @Test("Een datum die geen datum is, wordt geweigerd: het aantal dagen vraagt twee datums")
  func typeChecked() {
    let bad = Self.law.replacingOccurrences(of: "tot de peildatum.", with: "tot het maandbedrag.")
    let (program, diagnostics) = RegulationFixture.compile(["test.md": bad])
    #expect(program == nil)
    #expect(RegulationFixture.errors(diagnostics).joined().contains("datum"))
  }
}

import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import Testing
import TestSupport

/// The explanation of `A geldend op D` shows A as it is on D: the formula and the inputs name the
/// value that was used, not the value on the date of the step.
@Suite("Uitleg van 'geldend op'")
struct TraceDateTests {
  static let law = RegulationFixture.header(code: "test") + """
    ## Artikel 1

    ```regels
    Parameter het maandloon is een bedrag per maand:
      - vanaf 2025-01-01: € 2.000, bron "januari";
      - vanaf 2025-07-01: € 2.100, bron "juli".

    Het jaarloon is het twaalfvoud van het maandloon geldend op het begin van het berekeningsjaar.
    ```
    """

  @Test("In augustus toont de uitleg het maandloon van 1 januari, waarmee gerekend is")
  func shiftedInputs() throws {
    let (program, diagnostics) = RegulationFixture.compile(["test.md": Self.law])
    let p = try #require(program, "\(RegulationFixture.errors(diagnostics))")
    let household = try RegulationFixture.household("{\"personen\": [{\"rol\": \"aanvrager\", \"geboortedatum\": \"1980-01-01\"}]}", program: p)
    let evaluator = Evaluator(program: p, household: household, tracing: true)
    let august = CivilDate(iso: "2025-08-01")!
    let symbol = SymbolID(law: "test", name: "jaarloon")
    #expect(evaluator.value(of: symbol, on: august) == .success(.number(Rational(24_000))))
    let step = try #require(evaluator.step(for: symbol, on: august).map { evaluator.trace.steps[$0] })
    let formula = try #require(step.formula)
    #expect(formula.contains("€ 2.000"))
    #expect(!formula.contains("€ 2.100"))
    #expect(step.inputs.map(\.value) == ["€ 2.000 per maand"])
    #expect(step.inputs.first?.source.contains("januari") == true)
  }
}

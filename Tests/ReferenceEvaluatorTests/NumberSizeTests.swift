import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import Testing
import TestSupport

/// Exact arithmetic has no overflow, but numbers can grow without end: squaring through definitions
/// doubles the digits each time, and so do a quotient by a fraction and a sum of fractions. An operation
/// on more than a million bits is undecided with its article, before GMP runs out of memory.
@Suite("Getallen die elke maat te boven gaan")
struct NumberSizeTests {
  /// A chain of `n` definitions, each `step` applied to the one before, starting at 3/2.
  static func chain(_ n: Int, step: (String) -> String) -> String {
    var rules = ["De schakel0 is 3 gedeeld door 2."]
    for i in 1..<n { rules.append("De schakel\(i) is \(step("de schakel\(i - 1)")).") }
    return RegulationFixture.header(code: "test") + "## Artikel 1\n\n1. Een keten.\n\n```regels\n" + rules.joined(separator: "\n") + "\n```\n"
  }

  @Test("Kwadrateren, delen door een breuk en breuken optellen: onbepaald met het artikel, niet het geheugen vol", arguments: [
    "x maal x", "x gedeeld door (1 gedeeld door x)", "x vermeerderd met (1 gedeeld door x)",
  ])
  func growthBounded(_ form: String) throws {
    let law = Self.chain(40) { form.replacingOccurrences(of: "x", with: $0) }
    let (program, diagnostics) = RegulationFixture.compile(["test.md": law])
    let p = try #require(program, "\(RegulationFixture.errors(diagnostics))")
    let household = try RegulationFixture.household(#"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01"}]}"#, program: p)
    let evaluator = Evaluator(program: p, household: household)
    let day = CivilDate(iso: "2025-06-01")!
    // Early links are exact numbers; the last is undecided for its size.
    #expect((try? evaluator.value(of: SymbolID(law: "test", name: "schakel5"), on: day).get()) != nil)
    let last = evaluator.value(of: SymbolID(law: "test", name: "schakel39"), on: day)
    guard case .failure(let undecided) = last else { Issue.record("\(form): \(last)"); return }
    #expect(undecided.code == "getal-te-groot", "\(undecided)")
    #expect(undecided.citations.first?.artikel == "1")
  }
}

import ExactArithmetic
import HouseholdModel
import LegalSource
import ReferenceEvaluator
import RuleIR

/// The outcome of running the worked examples.
public struct ExampleRun: Sendable {
  public var passed = 0
  public var failed = 0
  public var diagnostics: [Diagnostic] = []
}

extension Engine {
  /// Runs every worked example of every document: evaluates the household and compares each expected
  /// outcome exactly. A failure is a diagnostic at the expectation's line.
  public func runExamples() -> ExampleRun {
    var run = ExampleRun()
    var engine = DiagnosticEngine()
    for document in documents {
      for example in WorkedExample.examples(in: document, diagnostics: &engine) {
        if check(example, into: &engine) { run.passed += 1 } else { run.failed += 1 }
      }
    }
    run.diagnostics = engine.sorted
    return run
  }

  /// Checks one example; returns whether every expectation held.
  public func check(_ example: WorkedExample, into diagnostics: inout DiagnosticEngine) -> Bool {
    func fail(_ text: String, _ range: SourceRange) {
      diagnostics.emit(.exampleFailed(example.name, text), at: range, citation: example.citation)
    }
    let household: Household
    do {
      household = try HouseholdDecoder(program: program).decode(example.household)
    } catch {
      fail("het huishouden is ongeldig: \(error.errors.map(\.description).joined(separator: "; "))", example.range)
      return false
    }
    let evaluator = Evaluator(program: program, household: household, tracing: false)
    var ok = true
    for expectation in example.expectations {
      guard let symbol = symbol(for: expectation.target, on: example.date) else {
        fail("onbekende uitvoer of naam '\(expectation.target)'", expectation.range)
        ok = false
        continue
      }
      let result = evaluator.value(of: symbol, on: example.date)
      let type = program.symbols[symbol]?.type ?? .money(.any)
      switch (result, expectation.expected) {
      case (.failure, nil):
        continue
      case (.success(let v), nil):
        fail("\(expectation.target) is \(v.formatted(as: type)), verwacht onbepaald", expectation.range)
      case (.failure(let u), .some):
        fail("\(expectation.target) is onbepaald (\(u)), verwacht \(expectation.expected!)", expectation.range)
      case (.success(let v), .some(let text)):
        if matches(v, text) { continue }
        fail("\(expectation.target) is \(v.formatted(as: type)), verwacht \(text)", expectation.range)
      }
      ok = false
    }
    return ok
  }

  /// An output id (`zorgtoeslag.jaarbedrag`) or a name `wet.naam met spaties`.
  func symbol(for target: String, on date: CivilDate) -> SymbolID? {
    if let output = program.outputs(on: date).first(where: { $0.id == target }) { return output.symbol }
    guard let dot = target.firstIndex(of: ".") else { return nil }
    let id = SymbolID(law: String(target[..<dot]), name: String(target[target.index(after: dot)...]).lowercased())
    return program.symbols[id] != nil ? id : nil
  }

  func matches(_ value: Value, _ text: String) -> Bool {
    switch value {
    case .number(let r): return WorkedExample.number(text).map { $0 == r } ?? false
    case .boolean(let b): return (text == "waar" && b) || (text == "onwaar" && !b)
    case .date(let d): return CivilDate(iso: text) == d
    case .enumCase(let e): return e == text || HouseholdDecoder.jsonForm(e) == text
    case .duration(let d): return d.description == text
    default: return false
    }
  }
}

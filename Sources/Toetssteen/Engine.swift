import ExactArithmetic
import HouseholdModel
import LegalSource
import LegalText
import ReferenceEvaluator
import RuleIR
import RuleSemantics

/// The pipeline from regulation files to decisions: load, compile, evaluate. The single entry point
/// for the command line, the tests and the other front ends.
public struct Engine: Sendable {
  public let program: Program
  public let documents: [LegalDocument]
  public let coverage: CoverageReport

  /// The outcome of compiling a directory: an engine when there were no errors, and every diagnostic.
  public struct Compiled: Sendable {
    public let engine: Engine?
    public let diagnostics: [Diagnostic]
    public let coverage: CoverageReport?
    public let documents: [LegalDocument]
  }

  /// Loads and compiles every regulation under `directory`.
  public static func compile(directory: String) -> Compiled { compile(directory: directory, amendments: []) }

  /// Compiles regulation texts held in memory (an editor, the fuzzer) as ``compile(directory:)`` compiles
  /// files: every problem as a diagnostic at its path, line and column, an engine when there is none.
  public static func compile(sources: [SourceFile]) -> Compiled {
    var diagnostics = DiagnosticEngine()
    let documents = sources.compactMap { DocumentParser.parse($0, diagnostics: &diagnostics) }
    return compiled(documents, diagnostics: &diagnostics)
  }

  /// The last step of every compilation: the parsed documents through the compiler, into an engine
  /// when nothing is in error.
  static func compiled(_ documents: [LegalDocument], diagnostics: inout DiagnosticEngine) -> Compiled {
    let result = Compiler.compile(documents, diagnostics: &diagnostics)
    let engine = result.program.map { Engine(program: $0, documents: documents, coverage: result.coverage) }
    return Compiled(engine: engine, diagnostics: diagnostics.sorted, coverage: result.coverage, documents: documents)
  }

  /// Reads a household document against this program's facts.
  public func household(fromJSON text: String) throws(HouseholdErrors) -> Household {
    try HouseholdDecoder(program: program).decode(text: text)
  }

  /// Evaluates every output valid on `date` for one household.
  public func evaluate(_ household: Household, on date: CivilDate, explain: Bool = true) -> Evaluation {
    evaluate(household, on: date, explain: explain, evaluator: Evaluator(program: program, household: household, tracing: explain))
  }

  /// Evaluates as ``evaluate(_:on:explain:)``, but stops once the clock passes `deadline`: a caller that
  /// answers within a time limit (the decision service) gets ``TimeLimitExceeded`` instead of a result,
  /// and the work stops within microseconds of the deadline instead of running on.
  public func evaluate(
    _ household: Household, on date: CivilDate, explain: Bool = true, deadline: ContinuousClock.Instant
  ) throws(TimeLimitExceeded) -> Evaluation {
    guard ContinuousClock.now < deadline else { throw TimeLimitExceeded() }
    let evaluator = Evaluator(program: program, household: household, tracing: explain)
    evaluator.deadline = deadline
    let evaluation = evaluate(household, on: date, explain: explain, evaluator: evaluator)
    guard ContinuousClock.now < deadline else { throw TimeLimitExceeded() }
    return evaluation
  }

  private func evaluate(_ household: Household, on date: CivilDate, explain: Bool, evaluator: Evaluator) -> Evaluation {
    var outputs: [Evaluation.Output] = []
    let valid = program.outputs(on: date)
    for output in valid {
      if let deadline = evaluator.deadline, ContinuousClock.now >= deadline { break }
      let result = evaluator.value(of: output.symbol, on: date)
      outputs.append(Evaluation.Output(declaration: output, result: result, step: evaluator.step(for: output.symbol, on: date)))
    }
    for (declaration, reason) in outputsWithoutVersion(on: date) {
      outputs.append(Evaluation.Output(declaration: declaration, result: .failure(reason), step: nil))
    }
    outputs.sort { $0.declaration.id < $1.declaration.id }
    return Evaluation(
      date: date, household: household, outputs: outputs, trace: evaluator.trace, program: program,
      warnings: DocumentConsistency.warnings(program: program, household: household, on: date)
        + LabelConsistency.warnings(program: program, household: household, on: date))
  }

  /// Outputs not valid on `date`, each undecided: the law has no version then (with the versions that
  /// do exist), or the version in force does not declare the output.
  public func outputsWithoutVersion(on date: CivilDate) -> [(declaration: OutputDeclaration, reason: Undecided)] {
    let valid = Set(program.outputs(on: date).map(\.id))
    return program.allOutputIDs.filter { !valid.contains($0) }.compactMap { id in
      guard let (law, declaration) = program.latestDeclaration(of: id) else { return nil }
      if program.version(of: law, on: date) != nil { return (declaration, .notDefined(declaration.symbol, date: date)) }
      let available = (program.laws[law] ?? []).map(\.validityText).joined(separator: "; ")
      return (declaration, .noVersion(law: law, date: date, available: available))
    }
  }
}

/// An evaluation stopped at the deadline its caller set (``Engine/evaluate(_:on:explain:deadline:)``).
public struct TimeLimitExceeded: Error, Sendable {}

/// The result of evaluating one household on one date.
public struct Evaluation: Sendable {
  public struct Output: Sendable {
    public let declaration: OutputDeclaration
    public let result: Result<Value, Undecided>
    /// The trace step that decided it, when traced.
    public let step: Int?
  }

  public let date: CivilDate
  public let household: Household
  public let outputs: [Output]
  public let trace: Trace
  let program: Program
  /// Where the document's labels contradict its facts (``LabelConsistency``) or say what the rules cannot
  /// use (``DocumentConsistency``); the outputs follow the facts.
  public let warnings: [String]

  /// The outputs the rules could not decide.
  public var undecided: [(String, Undecided)] {
    outputs.compactMap { o in
      if case .failure(let u) = o.result { return (o.declaration.id, u) }
      return nil
    }
  }

  public func value(of id: String) -> Value? {
    guard let o = outputs.first(where: { $0.declaration.id == id }), case .success(let v) = o.result else { return nil }
    return v
  }
}

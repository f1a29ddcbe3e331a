import Analyses
import ExactArithmetic
import Foundation
import HouseholdModel
import LegalSource
import Synthesis
import Toetssteen

/// One parser a user feeds, driven the way `toets` drives it, from raw bytes: whatever the bytes, the
/// run ends with a value or a located error. A crash, a trap or a hang is a finding.
///
/// - `regeling`: a regulation document (Markdown with annotations and rule blocks), compiled beside
///   the household data model; when it compiles, its worked examples run and the contract's household
///   is evaluated with an explanation.
/// - `huishouden`: a household document, read against the encoded regulations and evaluated on
///   1 January 2026 with an explanation.
/// - `scenario`: a scenario file, validated and, when valid, used to draw a few households.
/// - `variant`: a variant file, read and checked, and its parameter changes applied to the encoded
///   regulations. Amended documents are left out (a fuzzer must not read files its input names), and
///   so are `wetdatum` and `versie_van`, which recompile every regulation (tens of milliseconds an
///   input; `toets report --variant` is tested with them).
public enum FuzzTarget: String, CaseIterable, Sendable {
  case regeling, huishouden, scenario, variant

  /// What every run needs, prepared once: the encoded regulations and the data model's text.
  public struct Context: Sendable {
    public let engine: Engine
    public let householdModel: SourceFile
    public let contractHousehold: String
    public let directory: String

    /// Reads the regulations under `directory` (the repository's `Regulations`); nil with the
    /// diagnostics' count when they do not compile.
    public init(regulations directory: String, household: String) throws {
      let compiled = Engine.compile(directory: directory)
      guard let engine = compiled.engine else {
        throw FuzzSetupError(message: "de regelingen in '\(directory)' compileren niet (\(compiled.diagnostics.filter(\.isError).count) fouten)")
      }
      let modelPath = directory + "/huishouden/gegevensmodel.md"
      self.engine = engine
      self.householdModel = SourceFile(path: modelPath, text: try String(contentsOfFile: modelPath, encoding: .utf8))
      self.contractHousehold = try String(contentsOfFile: household, encoding: .utf8)
      self.directory = directory
    }
  }

  /// Runs the target on one input. The result is deliberately discarded: only termination matters.
  public func run(_ bytes: UnsafeRawBufferPointer, context: Context) {
    // Files are read as UTF-8 by every front end; bytes that are not are refused before parsing.
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    switch self {
    case .regeling: regulation(text, context)
    case .huishouden: household(text, context)
    case .scenario: scenario(text, context)
    case .variant: variant(text, context)
    }
  }

  static let date = CivilDate(iso: "2026-01-01")!

  private func regulation(_ text: String, _ context: Context) {
    let compiled = Engine.compile(sources: [context.householdModel, SourceFile(path: "fuzz.md", text: text)])
    _ = compiled.diagnostics.map { DiagnosticFormatter().format($0) }
    guard let engine = compiled.engine else { return }
    _ = engine.runExamples()
    if let household = try? engine.household(fromJSON: context.contractHousehold) {
      for date in [Self.date, CivilDate(iso: "2025-07-01")!] {
        _ = JSONWriter.render(engine.evaluate(household, on: date).json())
      }
    }
  }

  private func household(_ text: String, _ context: Context) {
    guard let household = try? context.engine.household(fromJSON: text) else { return }
    _ = JSONWriter.render(context.engine.evaluate(household, on: Self.date).json())
  }

  private func scenario(_ text: String, _ context: Context) {
    guard let scenario = try? Scenario.parse(yaml: text, path: "fuzz.yaml") else { return }
    let generator = Generator(scenario: scenario, program: context.engine.program, date: Self.date)
    _ = generator.generate(count: 32, threads: 1)
  }

  private func variant(_ text: String, _ context: Context) {
    guard var variant = try? Variant.parse(yaml: text, path: "fuzz.yaml") else { return }
    variant.regelingen = []
    variant.wetdatum = nil
    variant.versieVan = [:]
    _ = try? variant.engine(directory: context.directory, date: variant.lawDate(default: Self.date), base: context.engine)
  }
}

/// The harness could not start: the regulations or the example household are missing or broken.
public struct FuzzSetupError: Error, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

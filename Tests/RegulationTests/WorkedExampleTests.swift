import Foundation
import LegalSource
import LegalText
import Testing
import Toetssteen

/// Runs every worked example (```voorbeeld) written beside the articles in `Regulations/`, and checks
/// that the regulations compile without errors or warnings.
@Suite("De regelingen in Regulations/")
struct WorkedExampleTests {
  static let directory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Regulations").path
  }()

  static let compiled = Engine.compile(directory: directory)

  @Test("toets check Regulations is schoon: geen fouten, geen waarschuwingen")
  func clean() {
    let formatted = DiagnosticFormatter(showsExcerpt: false).format(Self.compiled.diagnostics)
    #expect(Self.compiled.diagnostics.isEmpty, "\(formatted)")
    #expect(Self.compiled.engine != nil)
  }

  @Test("Ieder rekenvoorbeeld klopt", arguments: Self.exampleNames())
  func example(name: String) throws {
    let engine = try #require(Self.compiled.engine)
    var diagnostics = DiagnosticEngine()
    for document in engine.documents {
      for example in WorkedExample.examples(in: document, diagnostics: &diagnostics) where Self.label(document, example) == name {
        var failures = DiagnosticEngine()
        let ok = engine.check(example, into: &failures)
        #expect(ok, "\(DiagnosticFormatter(showsExcerpt: false).format(failures.diagnostics))")
      }
    }
    #expect(!diagnostics.hasErrors)
  }

  static func exampleNames() -> [String] {
    guard let engine = compiled.engine else { return ["(de regelingen compileren niet)"] }
    var diagnostics = DiagnosticEngine()
    return engine.documents.flatMap { d in WorkedExample.examples(in: d, diagnostics: &diagnostics).map { label(d, $0) } }
  }

  static func label(_ d: LegalDocument, _ e: WorkedExample) -> String { "\(d.header.code) \(d.header.toestand.iso): \(e.name)" }

  @Test("Er zijn rekenvoorbeelden voor 2024 en 2025, met grenzen")
  func coverage() throws {
    let names = Self.exampleNames()
    #expect(names.count >= 40)
    #expect(names.contains { $0.contains("inkomensgrens 2024") })
    #expect(names.contains { $0.contains("inkomensgrens 2025") })
    #expect(names.contains { $0.contains("vermogen precies op de grens") })
    #expect(names.contains { $0.contains("jonger dan 18") })
  }
}

import Foundation
import Synthesis
import Testing

/// The national scenario with one piece of text replaced, parsed: the error it gives, or "" when it is
/// accepted. The piece must be in the scenario, so an edit of `nederland.yaml` cannot turn a refusal
/// test into one that passes without trying anything.
func scenarioRefusal(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  let text: String
  do { text = try String(contentsOfFile: PopulationValidationTests.scenarioPath, encoding: .utf8) } catch {
    Issue.record("het scenario is niet te lezen: \(error)", sourceLocation: sourceLocation)
    return ""
  }
  #expect(text.contains(old), "'\(old)' staat niet in het scenario", sourceLocation: sourceLocation)
  do {
    _ = try Scenario.parse(yaml: text.replacingOccurrences(of: old, with: new), path: "s.yaml")
    return ""
  } catch { return "\(error)" }
}

import Foundation

/// Finds the default scenario: `$TOETS_SCENARIO`, `Scenarios/nederland.yaml` beside the regulations or
/// in the working directory.
public enum ScenarioLocator {
  public static func defaultPath(regulations: String) -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["TOETS_SCENARIO"], fm.fileExists(atPath: env) { return env }
    let beside = URL(fileURLWithPath: regulations).deletingLastPathComponent().appendingPathComponent("Scenarios/nederland.yaml").path
    if fm.fileExists(atPath: beside) { return beside }
    if fm.fileExists(atPath: "Scenarios/nederland.yaml") { return "Scenarios/nederland.yaml" }
    return nil
  }
}

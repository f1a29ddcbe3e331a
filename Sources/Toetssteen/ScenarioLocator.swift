import Foundation

/// Finds the default scenario: `$TOETS_SCENARIO`, `Scenarios/nederland.yaml` beside the regulations,
/// or in the working directory. When the regulations are the copy built into toets, a scenario in the
/// working directory comes before the built-in one beside them: a folder the user edits goes first.
public enum ScenarioLocator {
  public static func defaultPath(regulations: String) -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["TOETS_SCENARIO"], fm.fileExists(atPath: env) { return env }
    let beside = URL(fileURLWithPath: regulations).deletingLastPathComponent().appendingPathComponent("Scenarios/nederland.yaml").path
    let local = "Scenarios/nederland.yaml"
    let order = BundledFiles.isCopy(regulations) ? [local, beside] : [beside, local]
    return order.first { fm.fileExists(atPath: $0) }
  }
}

import Yams

/// A scenario with one value replaced, for sensitivity runs: `partnertoeslag.jonge_partner_promille`
/// set to 20, or `niet_gebruik.zorgtoeslag` to 150. The path must name a value the scenario has (a
/// typo is refused, never added as a new key), and the changed scenario passes every check a scenario
/// file passes.
extension Scenario {
  /// Reads the scenario at `path` with the value at `keyPath` replaced by `value` (YAML, e.g. `20` or `[1, 2]`).
  public static func load(path: String, replacing keyPath: String, with value: String) throws -> Scenario {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ScenarioError(description: "kan scenario '\(path)' niet lezen")
    }
    return try parse(yaml: text, path: path, replacing: keyPath, with: value)
  }

  public static func parse(yaml: String, path: String, replacing keyPath: String, with value: String) throws -> Scenario {
    let shown = keyPath.count > 120 ? String(keyPath.prefix(120)) + "…" : keyPath
    func fail(_ s: String) -> ScenarioError { ScenarioError(description: "\(path): \(shown): \(s)") }
    guard let root = (try? Yams.compose(yaml: yaml)) ?? nil else { throw fail("het scenario is geen geldige YAML") }
    guard let replacement = (try? Yams.compose(yaml: value)) ?? nil else { throw fail("'\(value)' is geen geldige YAML-waarde") }
    let keys = keyPath.split(separator: ".").map(String.init)
    guard !keys.isEmpty, keys.count <= 8 else { throw fail("een pad van 1 tot 8 sleutels, gescheiden door punten") }
    let changed = try replace(root, keys[...], with: replacement, fail)
    let text: String
    do { text = try Yams.serialize(node: changed) } catch { throw fail("kan het gewijzigde scenario niet schrijven: \(error)") }
    return try parse(yaml: text, path: "\(path) (met \(shown) = \(value.count > 120 ? String(value.prefix(120)) + "…" : value))")
  }

  static func replace(_ node: Node, _ keys: ArraySlice<String>, with value: Node, _ fail: (String) -> ScenarioError) throws -> Node {
    guard let key = keys.first else { return value }
    guard case .mapping(var mapping) = node else { throw fail("'\(key)' ligt niet in een blok met sleutels") }
    guard let child = mapping[key] else {
      let known = mapping.keys.compactMap(\.string).sorted()
      throw fail("het scenario heeft geen '\(key)' (wel: \(known.joined(separator: ", ")))")
    }
    mapping[key] = try replace(child, keys.dropFirst(), with: value, fail)
    return .mapping(mapping)
  }
}

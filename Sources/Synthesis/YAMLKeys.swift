import LegalSource
import Yams

/// The keys a YAML document (a scenario, a variant) may use, as a tree, and the check that refuses a
/// document with any other key: a misspelled optional section (`partnertoeslg:`) would otherwise be
/// ignored and move the totals without a word. Each unknown key is reported with its line, its place
/// in the document and, where one is close, the key that was probably meant. A section left empty
/// (`studenten:` without its keys) is refused too: decoded, it would silently be absent.
public indirect enum YAMLShape: Sendable {
  /// A value whose inside is not checked (a number, a text, a list of numbers).
  case value
  /// A value as ``value`` that may not be left empty: for an optional key an empty value would decode
  /// as absent, and silently change what is drawn (`bijstand_regeling:` without a regeling).
  case filled
  /// A mapping with exactly these keys (each optional here; required keys are the decoder's concern).
  case mapping([String: YAMLShape])
  /// A list whose items have this shape.
  case list(YAMLShape)
  /// A mapping with free keys (names chosen by the author) whose values have this shape.
  case dictionary(YAMLShape)

  /// Every unknown key in `yaml`, as `regel N: pad: onbekende sleutel 'x'; bedoelt u 'y'?`.
  public func unknownKeys(in yaml: String) -> [String] {
    guard let node = try? Yams.compose(yaml: yaml) else { return [] }  // syntax errors: the decoder reports them
    var out: [String] = []
    check(node, path: "", into: &out)
    return out
  }

  /// A plain scalar YAML reads as null: nothing, `~` or `null`.
  static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  func check(_ node: Node, path: String, into out: inout [String]) {
    switch (self, node) {
    case (.mapping(let keys), .mapping(let mapping)):
      for (key, value) in mapping {
        let name = key.string ?? "\(key)"
        let place = path.isEmpty ? name : "\(path).\(name)"
        guard let shape = keys[name] else {
          let line = key.mark.map { "regel \($0.line): " } ?? ""
          let hint = Spelling.suggestion(for: name, among: keys.keys.sorted()).map { "; bedoelt u '\($0)'?" } ?? ""
          let known = keys.keys.sorted().joined(separator: ", ")
          out.append("\(line)onbekende sleutel '\(Spelling.echo(place))'\(hint) (bekend\(path.isEmpty ? "" : " onder '\(path)'"): \(known))")
          continue
        }
        shape.check(value, path: place, into: &out)
      }
    case (.dictionary, .mapping(let mapping)) where mapping.isEmpty && !path.isEmpty:
      // `niet_gebruik: {}` would decode as a section that does nothing, as if the author had left it out.
      let line = node.mark.map { "regel \($0.line): " } ?? ""
      out.append("\(line)'\(path)' is leeg; verwacht: een sectie met sleutels en waarden, of laat de sleutel weg")
    case (.dictionary(let shape), .mapping(let mapping)):
      for (key, value) in mapping { shape.check(value, path: path.isEmpty ? (key.string ?? "") : "\(path).\(key.string ?? "")", into: &out) }
    case (.mapping(let keys), .scalar(let scalar)) where !path.isEmpty && Self.isNull(scalar):
      // An empty section (`medebewoners:`) would decode as absent and silently draw nothing.
      let line = node.mark.map { "regel \($0.line): " } ?? ""
      out.append("\(line)'\(path)' heeft geen waarde; verwacht: een sectie met \(keys.keys.sorted().joined(separator: ", ")), of laat de sleutel weg")
    case (.dictionary, .scalar(let scalar)) where !path.isEmpty && Self.isNull(scalar):
      let line = node.mark.map { "regel \($0.line): " } ?? ""
      out.append("\(line)'\(path)' heeft geen waarde; verwacht: een sectie met sleutels en waarden, of laat de sleutel weg")
    case (.filled, .scalar(let scalar)) where Self.isNull(scalar):
      let line = node.mark.map { "regel \($0.line): " } ?? ""
      out.append("\(line)'\(path)' heeft geen waarde; verwacht: een waarde, of laat de sleutel weg")
    case (.list(let shape), .sequence(let items)):
      for (i, item) in items.enumerated() { shape.check(item, path: "\(path)[\(i)]", into: &out) }
    default:
      return
    }
  }
}

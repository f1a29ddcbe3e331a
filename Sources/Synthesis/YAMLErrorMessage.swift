import Yams

/// Yams' parser errors in Dutch, at `path:regel:kolom`: a duplicate key, a tab where indentation
/// belongs, a value where a key belongs, a document that stops early. Problems libyaml reports that
/// are not translated keep their original wording after a Dutch lead, so nothing is hidden.
enum YAMLErrorMessage {
  /// The message for `error` in the document at `path`, or nil when it is not a YAML parser error.
  static func dutch(_ error: any Error, path: String) -> String? {
    guard let yaml = error as? YamlError else { return nil }
    switch yaml {
    case let .duplicatedKeysInMapping(duplicates, context):
      let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      let one = duplicates.count == 1
      return "\(path):\(context.mark.line):\(context.mark.column): de sleutel \(keys) \(one ? "komt" : "komen") twee keer voor in hetzelfde blok; iedere sleutel staat er één keer"
    case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
      return "\(path):\(mark.line):\(mark.column): geen geldige YAML: \(translate(problem))"
    case let .reader(problem, _, _, _):
      return "\(path): geen geldige YAML-tekst: \(translate(problem))"
    default:
      return "\(path): geen geldige YAML"
    }
  }

  /// libyaml's problem in Dutch, for the problems a hand-edited scenario runs into.
  static func translate(_ problem: String) -> String {
    let known: [(String, String)] = [
      ("found character that cannot start any token", "hier kan geen waarde beginnen (een tab? YAML springt in met spaties)"),
      ("found a tab character", "een tab waar YAML spaties verwacht; spring in met spaties"),
      ("mapping values are not allowed in this context", "een dubbele punt waar geen sleutel kan staan (klopt de inspringing, of hoort de waarde tussen aanhalingstekens?)"),
      ("did not find expected key", "hier hoort een sleutel (klopt de inspringing?)"),
      ("did not find expected ',' or ']'", "een ',' of ']' verwacht: is een lijst niet gesloten?"),
      ("did not find expected ',' or '}'", "een ',' of '}' verwacht: is een blok niet gesloten?"),
      ("did not find expected node content", "hier ontbreekt een waarde"),
      ("did not find expected '-' indicator", "hier hoort een lijstelement ('- …'; klopt de inspringing?)"),
      ("found unexpected end of stream", "het document houdt onverwacht op (een aanhalingsteken of haakje niet gesloten?)"),
      ("could not find expected ':'", "een ':' verwacht na de sleutel"),
      ("found undefined alias", "een alias (*naam) zonder anker (&naam)"),
      ("control characters are not allowed", "het document bevat een stuurteken dat YAML niet toelaat"),
      ("invalid leading UTF-8 octet", "het document is geen geldige UTF-8"),
    ]
    for (english, dutch) in known where problem.contains(english) { return dutch }
    return "libyaml meldt: \(problem)"
  }
}

import Yams

/// Reads a YAML document (a scenario, a variant) into a type: first the keys against its ``YAMLShape``,
/// then the decoding, with every problem as one Dutch message that names the file and the field —
/// never Yams' or Foundation's English debug text alone.
public enum YAMLDocument {
  public static func decode<T: Decodable>(_ type: T.Type, from yaml: String, path: String, shape: YAMLShape) throws(YAMLDocumentError) -> T {
    let unknown = shape.unknownKeys(in: yaml)
    guard unknown.isEmpty else { throw YAMLDocumentError(description: unknown.map { "\(path): \($0)" }.joined(separator: "\n")) }
    do {
      return try YAMLDecoder().decode(T.self, from: yaml)
    } catch let DecodingError.keyNotFound(key, context) {
      throw YAMLDocumentError(description: "\(path): ontbrekend veld '\(field(context.codingPath + [key]))'")
    } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
      throw YAMLDocumentError(description: "\(path): het document is leeg of geen blok met velden (sleutel: waarde)")
    } catch let DecodingError.typeMismatch(expected, context) {
      // A number with too many digits fails as a type too (it fits no 64-bit integer): say what fits.
      let expectedKind = kind(expected)
      let hint = expectedKind.hasPrefix("een geheel getal") ? "; een geheel getal staat er zonder decimalen of eenheid, met hoogstens 18 cijfers" : ""
      throw YAMLDocumentError(description: "\(path): veld '\(field(context.codingPath))' heeft het verkeerde soort waarde (verwacht: \(expectedKind))\(hint)")
    } catch let DecodingError.valueNotFound(expected, context) {
      throw YAMLDocumentError(description: "\(path): veld '\(field(context.codingPath))' heeft geen waarde (verwacht: \(kind(expected)))")
    } catch let DecodingError.dataCorrupted(context) {
      if let underlying = context.underlyingError, let message = YAMLErrorMessage.dutch(underlying, path: path) {
        throw YAMLDocumentError(description: message)
      }
      let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
      throw YAMLDocumentError(description: "\(path): geen geldige YAML\(context.codingPath.isEmpty ? "" : " bij '\(field(context.codingPath))'"): \(detail)")
    } catch {
      throw YAMLDocumentError(description: YAMLErrorMessage.dutch(error, path: path) ?? "\(path): \(error)")
    }
  }

  static func field(_ path: [CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
  }

  static func kind(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "een tekst"
    case is Int64.Type, is Int.Type: return "een geheel getal"
    case is UInt64.Type: return "een geheel getal van 0 of meer"
    case is [String: String].Type, is [String: [[Int64]]].Type: return "een opsomming 'sleutel: waarde'"
    default:
      // Yams names its node types (Node.Scalar, Node.Mapping, …) where a dictionary's value fails.
      let name = "\(type)"
      if name.contains("Int") { return "een geheel getal" }
      if name.contains("Scalar") || name.contains("String") { return "een enkele waarde (getal of tekst)" }
      if name.hasPrefix("Array") || name.hasPrefix("[") || name.contains("Sequence") { return "een lijst" }
      return "een blok met velden"
    }
  }
}

/// A YAML document that cannot be read, with its message.
public struct YAMLDocumentError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

#if Beslisservice
import ExactArithmetic
import Foundation
import Hummingbird

/// What a request must be before the household decoder sees it: a date and an explanation choice in
/// the query, and a body as the command line demands of a file — JSON (the `Content-Type`, when sent,
/// says so) in UTF-8 (the bytes are valid UTF-8).
enum RequestChecks {
  /// The peildatum: `datum` (or `date`) in the query, once, as JJJJ-MM-DD within the dates the laws
  /// can mean (as on the command line).
  static func date(_ request: Request) throws(APIError) -> CivilDate {
    let params = request.uri.queryParameters
    let given = params.getAll("datum") + params.getAll("date")
    guard let raw = given.first else {
      throw APIError(.badRequest, code: "geen-datum", "geef de peildatum als queryparameter: /v1/evaluate?datum=2026-01-01", field: "datum", expected: "JJJJ-MM-DD")
    }
    guard given.count == 1 else {
      throw APIError(.badRequest, code: "dubbele-datum", "de peildatum staat \(given.count) keer in de query; geef hem één keer", field: "datum", expected: "één datum JJJJ-MM-DD")
    }
    guard let date = CivilDate(iso: String(raw)) else {
      throw APIError(.badRequest, code: "ongeldige-datum", "'\(raw)' is geen datum", field: "datum", expected: "JJJJ-MM-DD, bijvoorbeeld 2026-01-01")
    }
    guard DateRange.contains(date) else {
      throw APIError(
        .badRequest, code: "ongeldige-datum", "\(date.iso) ligt buiten de datums die de wetten kunnen betekenen", field: "datum",
        expected: "een datum \(DateRange.description)")
    }
    return date
  }

  /// `uitleg=nee` leaves the trace out (the outputs and undecided reasons stay); default: with trace.
  static func explain(_ request: Request) throws(APIError) -> Bool {
    guard let raw = request.uri.queryParameters.get("uitleg") else { return true }
    switch raw.lowercased() {
    case "ja", "true", "1": return true
    case "nee", "false", "0": return false
    default: throw APIError(.badRequest, code: "ongeldige-uitleg", "'\(raw)' is geen ja of nee", field: "uitleg", expected: "ja of nee")
    }
  }

  /// The body must be declared JSON: no `Content-Type`, another media type or another character set is
  /// a 415. (Requiring the header also keeps other web sites out: a browser sends JSON across sites only
  /// after a preflight this service does not grant.)
  static func contentType(_ request: Request) throws(APIError) {
    let values = request.headers[values: .contentType]
    guard !values.isEmpty else {
      throw APIError(
        .unsupportedMediaType, code: "geen-json", "de body heeft geen Content-Type; stuur het huishoudendocument met Content-Type: application/json",
        field: "Content-Type", expected: "application/json")
    }
    for raw in values {
      let parts = raw.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      let media = parts.first ?? ""
      guard media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json")) else {
        throw APIError(
          .unsupportedMediaType, code: "geen-json", "de body heeft Content-Type '\(raw)'; het huishoudendocument is JSON",
          field: "Content-Type", expected: "application/json")
      }
      for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
        let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard charset == "utf-8" || charset == "utf8" else {
          throw APIError(
            .unsupportedMediaType, code: "geen-utf8", "de body is in tekenset '\(charset)'; het huishoudendocument is UTF-8",
            field: "Content-Type", expected: "application/json; charset=utf-8")
        }
      }
    }
  }

  /// The body as text: empty is a 400, bytes that are not UTF-8 a 422 naming the first bad byte.
  static func utf8(_ body: ByteBuffer) throws(APIError) -> String {
    let bytes = Array(body.readableBytesView)
    guard var text = String(validating: bytes, as: UTF8.self) else {
      let offset = firstInvalidOffset(bytes)
      throw APIError(
        .unprocessableContent, code: "geen-utf8", "de body is geen geldige UTF-8 (byte \(offset + 1) van \(bytes.count))",
        field: "body", expected: "een huishoudendocument in UTF-8")
    }
    // A byte order mark before the document reads as without, as the CLI reads a file.
    if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
    guard !text.allSatisfy(\.isWhitespace) else {
      throw APIError(
        .badRequest, code: "geen-huishouden", "de body is leeg; stuur het huishoudendocument (JSON) mee", field: "body",
        expected: "een huishoudendocument volgens het contract")
    }
    return text
  }

  /// The offset of the first byte that does not continue valid UTF-8.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      offset += UTF8.width(scalar)
    }
    return offset
  }
}
#endif

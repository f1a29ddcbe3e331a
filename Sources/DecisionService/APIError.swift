#if Beslisservice
import Foundation
import HouseholdModel
import LegalSource
import Hummingbird

/// A request the service cannot answer, as a 4xx with a precise message: which field, what was
/// expected, and — for a household document — every problem with its line and column.
public struct APIError: Error, Sendable {
  public let status: HTTPResponse.Status
  public let code: String
  public let message: String
  public let field: String?
  public let expected: String?
  public let problems: [JSONValue]

  public init(_ status: HTTPResponse.Status, code: String, _ message: String, field: String? = nil, expected: String? = nil, problems: [JSONValue] = []) {
    self.status = status
    self.code = code
    self.message = message
    self.field = field
    self.expected = expected
    self.problems = problems
  }

  /// The error as the JSON body of the response.
  public var json: JSONValue {
    var pairs: [(String, JSONValue)] = [("fout", .string(code)), ("melding", .string(message))]
    if let field { pairs.append(("veld", .string(field))) }
    if let expected { pairs.append(("verwacht", .string(expected))) }
    if !problems.isEmpty { pairs.append(("problemen", .array(problems))) }
    return .ordered(pairs)
  }

  public var response: Response { JSONResponse.make(json, status: status) }

  /// A household document the decoder refused: a 422 with every problem at its line and column.
  /// Line and column count as the CLI's do (columns in Unicode scalars); `id` is the catalogue's.
  static func invalidHousehold(_ errors: HouseholdErrors, text: String) -> APIError {
    let diagnostics = errors.diagnostics(in: SourceFile(path: "body", text: text))
    let problems: [JSONValue] = zip(errors.errors, diagnostics).map { e, d in
      let place = d.range?.startLocation
      return .ordered([
        ("regel", place.map { .number(String($0.line)) } ?? .null), ("kolom", place.map { .number(String($0.column)) } ?? .null),
        ("veld", .string(e.path)), ("id", .string(e.id)), ("melding", .string(e.message)),
      ])
    }
    return APIError(
      .unprocessableContent, code: "ongeldig-huishouden", "het huishoudendocument klopt niet (\(problems.count == 1 ? "1 probleem" : "\(problems.count) problemen"))",
      field: "body", problems: problems)
  }

  /// An evaluation that did not fit in the time limit (it was stopped, not left running).
  static func timeLimit(_ limit: Duration) -> APIError {
    APIError(.serviceUnavailable, code: "tijdslimiet", "de berekening paste niet in de tijdslimiet van \(dutch(limit)); zij is afgebroken")
  }

  /// A duration as people read it: "10 seconden", "250 milliseconden".
  static func dutch(_ duration: Duration) -> String {
    let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    if milliseconds % 1000 == 0 { return milliseconds == 1000 ? "1 seconde" : "\(milliseconds / 1000) seconden" }
    return "\(milliseconds) milliseconden"
  }
}

/// JSON responses with the right content type.
public enum JSONResponse {
  public static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    make(text: JSONWriter.render(value) + "\n", status: status)
  }

  public static func make(text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}
#endif

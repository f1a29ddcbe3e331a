import ExactArithmetic
import Foundation
import HouseholdModel
import Hummingbird
import Toetssteen

/// The decision service: the rules of one compiled engine behind HTTP.
///
/// - `POST /v1/evaluate?datum=JJJJ-MM-DD` with the household document (the contract's JSON) as body:
///   the outputs with their explanation, exactly as `toets evaluate --format json` prints them
///   (`&uitleg=nee`: without the trace).
/// - `GET /v1/regulations`: the laws, their versions with validity, articles and outputs.
/// - `GET /v1/openapi.json`: the OpenAPI 3.1 document describing both.
///
/// Limits: a body of at most ``Limits/maxBody`` bytes (413 beyond), an evaluation of at most
/// ``Limits/timeout`` (503 beyond). Bad input gets a 4xx with the field and what was expected; the
/// service never crashes on input and never invents a value (undecided outputs say why).
public struct DecisionService: Sendable {
  public struct Limits: Sendable {
    public var maxBody: Int
    public var timeout: Duration

    public init(maxBody: Int = 1 << 20, timeout: Duration = .seconds(10)) {
      self.maxBody = maxBody
      self.timeout = timeout
    }
  }

  public let engine: Engine
  public let limits: Limits
  let regulations: String

  public init(engine: Engine, limits: Limits = Limits()) {
    self.engine = engine
    self.limits = limits
    regulations = JSONWriter.render(RegulationsListing.json(engine)) + "\n"
  }

  /// The routes, on a router other code can extend or test.
  public func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/v1/regulations") { _, _ in JSONResponse.make(text: regulations) }
    router.get("/v1/openapi.json") { _, _ in JSONResponse.make(text: OpenAPIDocument.text) }
    router.post("/v1/evaluate") { request, _ in await evaluate(request) }
    return router
  }

  /// `POST /v1/evaluate`: the date from the query, the household from the body.
  func evaluate(_ request: Request) async -> Response {
    do {
      let date = try Self.date(request)
      var request = request
      let body: ByteBuffer
      do { body = try await request.collectBody(upTo: limits.maxBody) } catch {
        throw APIError(.contentTooLarge, code: "te-groot", "het huishoudendocument is groter dan \(limits.maxBody) bytes", field: "body")
      }
      let text = String(buffer: body)
      guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw APIError(.badRequest, code: "geen-huishouden", "de body is leeg; stuur het huishoudendocument (JSON) mee", field: "body", expected: "een huishoudendocument volgens het contract")
      }
      let household: Household
      do { household = try engine.household(fromJSON: text) } catch {
        let problems: [JSONValue] = error.errors.map { e in
          .ordered([
            ("regel", e.line.map { .number(String($0)) } ?? .null), ("kolom", e.column.map { .number(String($0)) } ?? .null),
            ("veld", .string(e.path)), ("melding", .string(e.message)),
          ])
        }
        throw APIError(.unprocessableContent, code: "ongeldig-huishouden", "het huishoudendocument klopt niet (\(problems.count) probleem/problemen)", field: "body", problems: problems)
      }
      let explain = try Self.explain(request)
      let engine = self.engine
      let json = try await Self.withTimeout(limits.timeout) {
        JSONWriter.render(engine.evaluate(household, on: date, explain: explain).json(includeTrace: explain)) + "\n"
      }
      return JSONResponse.make(text: json)
    } catch let e as APIError {
      return e.response
    } catch {
      return APIError(.internalServerError, code: "intern", "onverwachte fout: \(error)").response
    }
  }

  static func date(_ request: Request) throws -> CivilDate {
    let params = request.uri.queryParameters
    guard let raw = params.get("datum") ?? params.get("date") else {
      throw APIError(.badRequest, code: "geen-datum", "geef de peildatum als queryparameter: /v1/evaluate?datum=2025-01-01", field: "datum", expected: "JJJJ-MM-DD")
    }
    guard let date = CivilDate(iso: String(raw)) else {
      throw APIError(.badRequest, code: "ongeldige-datum", "'\(raw)' is geen datum", field: "datum", expected: "JJJJ-MM-DD, bijvoorbeeld 2025-01-01")
    }
    return date
  }

  /// `uitleg=nee` leaves the trace out (the outputs and undecided reasons stay); default: with trace.
  static func explain(_ request: Request) throws -> Bool {
    guard let raw = request.uri.queryParameters.get("uitleg") else { return true }
    switch raw.lowercased() {
    case "ja", "true", "1": return true
    case "nee", "false", "0": return false
    default: throw APIError(.badRequest, code: "ongeldige-uitleg", "'\(raw)' is geen ja of nee", field: "uitleg", expected: "ja of nee")
    }
  }

  /// Runs `work` off the request's task; answers 503 when it takes longer than `limit`.
  static func withTimeout(_ limit: Duration, _ work: @escaping @Sendable () -> String) async throws -> String {
    try await withThrowingTaskGroup(of: String?.self) { group in
      group.addTask { await Task.detached { work() }.value }
      group.addTask {
        try await Task.sleep(for: limit)
        return nil
      }
      let first = try await group.next()!
      group.cancelAll()
      guard let result = first else {
        throw APIError(.serviceUnavailable, code: "tijdslimiet", "de berekening duurde langer dan \(limit)")
      }
      return result
    }
  }
}

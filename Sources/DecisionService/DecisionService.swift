#if Beslisservice
import ExactArithmetic
import Foundation
import HouseholdModel
import Hummingbird
import NIOCore
import Toetssteen

/// The decision service: the rules of one compiled engine behind HTTP (`toets serve`).
///
/// - `POST /v1/evaluate?datum=JJJJ-MM-DD` with the household document (the contract's JSON) as body:
///   the outputs with their explanation, exactly as `toets evaluate --format json` prints them
///   (`&uitleg=nee`: without the trace).
/// - `GET /v1/regulations`: the laws, their versions with validity, articles and outputs.
/// - `GET /v1/openapi.json`: the OpenAPI 3.1 document describing the service.
/// - `GET /healthz`: whether it runs, with the evaluations running and waiting.
/// - `GET /`: the workbench, a page to enter a household and read the outcomes with their articles.
///
/// Limits (``Limits``): the body size (413), JSON in UTF-8 only (415, 422), the evaluations running at
/// once and waiting (503 `te-druk`), the time from request to answer (503 `tijdslimiet`: the evaluation
/// stops then, it does not compute on), and the time to send a request (the connection closes). Bad
/// input gets a 4xx with the field and what was expected; the service never crashes on input and never
/// invents a value (undecided outputs say why).
public struct DecisionService: Sendable {
  public struct Limits: Sendable {
    /// The largest household document, in bytes.
    public var maxBody: Int
    /// From a complete request to its answer: waiting for a slot and evaluating.
    public var timeout: Duration
    /// Evaluations that run at once (default: one per core).
    public var concurrent: Int
    /// Requests that may wait for a slot; beyond that the answer is an immediate 503.
    public var waiting: Int
    /// The time a client has to send the whole request (head and body), and to start the next one on
    /// a kept-alive connection.
    public var readTimeout: Duration
    /// The time a client has to take an answer (an explanation of a large household is megabytes).
    public var writeTimeout: Duration

    public init(
      maxBody: Int = 1 << 20, timeout: Duration = .seconds(10), concurrent: Int = ProcessInfo.processInfo.activeProcessorCount,
      waiting: Int = 64, readTimeout: Duration = .seconds(15), writeTimeout: Duration = .seconds(60)
    ) {
      self.maxBody = maxBody
      self.timeout = timeout
      self.concurrent = concurrent
      self.waiting = waiting
      self.readTimeout = readTimeout
      self.writeTimeout = writeTimeout
    }
  }

  public let engine: Engine
  public let limits: Limits
  public let slots: EvaluationSlots
  let regulations: String

  public init(engine: Engine, limits: Limits = Limits()) {
    self.engine = engine
    self.limits = limits
    slots = EvaluationSlots(capacity: limits.concurrent, waitingLimit: limits.waiting)
    regulations = JSONWriter.render(RegulationsListing.json(engine)) + "\n"
  }

  /// The paths the service answers, with their methods (for 405 and the 404's list).
  static let routes: [(path: String, methods: [HTTPRequest.Method])] = [
    ("/", [.get, .head]), ("/werkbank.js", [.get, .head]), ("/werkbank.css", [.get, .head]), ("/healthz", [.get, .head]),
    ("/v1/evaluate", [.post]), ("/v1/regulations", [.get, .head]), ("/v1/openapi.json", [.get, .head]),
  ]

  /// The routes, on a router other code can extend or test. Every `GET` also answers `HEAD` (the same
  /// head without the body), as HTTP asks.
  public func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: JSONErrorMiddleware(routes: Self.routes))
    func get(_ path: RouterPath, _ answer: @escaping @Sendable () async -> Response) {
      router.get(path) { _, _ in await answer() }
      router.head(path) { _, _ in
        var response = await answer()
        response.body = ResponseBody()
        return response
      }
    }
    let (regulations, engine, slots) = (self.regulations, self.engine, self.slots)
    get("/") { WorkbenchPage.response(WorkbenchPage.html, type: "text/html") }
    get("/werkbank.js") { WorkbenchPage.response(WorkbenchScript.source, type: "text/javascript") }
    get("/werkbank.css") { WorkbenchPage.response(WorkbenchPage.style, type: "text/css") }
    get("/healthz") { await Self.health(engine: engine, slots: slots) }
    get("/v1/regulations") { JSONResponse.make(text: regulations) }
    get("/v1/openapi.json") { JSONResponse.make(text: OpenAPIDocument.text) }
    router.post("/v1/evaluate") { request, _ in await evaluate(request) }
    return router
  }

  static func health(engine: Engine, slots: EvaluationSlots) async -> Response {
    let (active, waiting) = (await slots.active, await slots.waitingCount)
    return JSONResponse.make(.ordered([
      ("status", .string("ok")), ("regelingen", .number(String(engine.program.laws.count))),
      ("bezig", .number(String(active))), ("wachtend", .number(String(waiting))),
    ]))
  }

  /// `POST /v1/evaluate`: the date from the query, the household from the body. The time limit runs
  /// from the request's arrival, and covers sending the body, waiting, evaluating and rendering.
  func evaluate(_ request: Request) async -> Response {
    let deadline = ContinuousClock.now + limits.timeout
    do {
      let date = try RequestChecks.date(request)
      let explain = try RequestChecks.explain(request)
      try RequestChecks.contentType(request)
      var request = request
      let body: ByteBuffer
      do { body = try await request.collectBody(upTo: limits.maxBody) } catch is NIOTooManyBytesError {
        throw APIError(.contentTooLarge, code: "te-groot", "het huishoudendocument is groter dan \(limits.maxBody) bytes", field: "body")
      } catch {
        throw APIError(.badRequest, code: "onvolledige-body", "de body kwam niet volledig binnen", field: "body")
      }
      let text = try RequestChecks.utf8(body)
      // Admission first: reading the document is work too, and a refused request should cost nothing.
      let (engine, limit) = (self.engine, limits.timeout)
      let json = try await slots.run(until: deadline) { () throws(APIError) -> String in
        guard ContinuousClock.now < deadline else { throw APIError.timeLimit(limit) }
        let household: Household
        do throws(HouseholdErrors) { household = try engine.household(fromJSON: text) } catch { throw APIError.invalidHousehold(error, text: text) }
        let evaluation: Evaluation
        do { evaluation = try engine.evaluate(household, on: date, explain: explain, deadline: deadline) } catch { throw APIError.timeLimit(limit) }
        let json = JSONWriter.render(evaluation.json(includeTrace: explain)) + "\n"
        // Rendering a large explanation takes time too: an answer after the limit is not given.
        guard ContinuousClock.now < deadline else { throw APIError.timeLimit(limit) }
        return json
      }
      return JSONResponse.make(text: json)
    } catch let e as APIError {
      return e.response
    } catch EvaluationSlots.Refusal.busy {
      var response = APIError(
        .serviceUnavailable, code: "te-druk",
        "alle \(limits.concurrent) rekenplaatsen en de wachtrij van \(limits.waiting) zijn bezet; probeer het zo opnieuw").response
      response.headers[.retryAfter] = "1"
      return response
    } catch EvaluationSlots.Refusal.timeLimit {
      return APIError.timeLimit(limits.timeout).response
    } catch {
      return APIError(.internalServerError, code: "intern", "onverwachte fout: \(error)").response
    }
  }
}
#endif

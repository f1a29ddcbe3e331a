#if Beslisservice
import DecisionService
import ExactArithmetic
import Foundation
import HouseholdModel
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Toetssteen

/// The decision service answers the contract's household exactly as `toets evaluate --format json`,
/// and rejects malformed requests with a precise 4xx.
@Suite("Beslisservice")
struct DecisionServiceTests {
  static let engine = Repository.engine
  static let household = try! String(contentsOfFile: Repository.path("Examples/huishouden.json"), encoding: .utf8)

  static func app(_ limits: DecisionService.Limits = .init()) -> some ApplicationProtocol {
    Application(router: DecisionService(engine: engine, limits: limits).router())
  }

  @Test("het huishouden van het contract: hetzelfde antwoord als toets evaluate --format json")
  func evaluateMatchesCLI() async throws {
    let expected = JSONWriter.render(Self.engine.evaluate(try Self.engine.household(fromJSON: Self.household), on: CivilDate(iso: "2025-01-01")!).json()) + "\n"
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(String(buffer: r.body) == expected)
      }
    }
  }

  @Test("uitleg=nee: dezelfde uitkomsten zonder trace; een ongeldige waarde is een 400")
  func withoutTrace() async throws {
    let expected = JSONWriter.render(Self.engine.evaluate(try Self.engine.household(fromJSON: Self.household), on: CivilDate(iso: "2025-01-01")!, explain: false).json(includeTrace: false)) + "\n"
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01&uitleg=nee", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .ok)
        #expect(String(buffer: r.body) == expected)
        #expect(!String(buffer: r.body).contains("\"trace\""))
      }
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01&uitleg=misschien", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .badRequest)
        #expect(String(buffer: r.body).contains("\"veld\": \"uitleg\""))
      }
    }
  }

  @Test("geen datum, een ongeldige datum, een lege body, kapotte JSON: 4xx met veld en verwachting")
  func badRequests() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .badRequest)
        #expect(String(buffer: r.body).contains("\"veld\": \"datum\""))
      }
      try await client.execute(uri: "/v1/evaluate?datum=2025-13-40", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .badRequest)
        #expect(String(buffer: r.body).contains("JJJJ-MM-DD"))
      }
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "  ")) { r in
        #expect(r.status == .badRequest)
      }
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"personen\": [ {\"id\": 1, ")) { r in
        #expect(r.status == .unprocessableContent)
        let text = String(buffer: r.body)
        #expect(text.contains("\"problemen\"") && text.contains("\"regel\""))
      }
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"personen\": [{\"id\": \"a\", \"rol\": \"koning\"}]}")) { r in
        #expect(r.status == .unprocessableContent)
        #expect(String(buffer: r.body).contains("rol"))
      }
      // The catalogue's id beside the text; the column counts Unicode scalars as the CLI's does ("é€" is two).
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"x\": \"é€\", \"personen\": [{\"rol\": \"aanvrager\", \"lon\": \"1\"}]}")) { r in
        #expect(r.status == .unprocessableContent)
        let body = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
        let problems = body?["problemen"] as? [[String: Any]] ?? []
        #expect(problems.map { $0["id"] as? String } == ["huishouden.veld-onbekend", "huishouden.veld-onbekend"])
        #expect(problems.map { $0["kolom"] as? Int } == [2, 47])
        #expect(problems.last?["melding"] as? String == "onbekend veld; bedoelt u 'loon'?")
      }
    }
  }

  @Test("een te grote body: 413")
  func tooLarge() async throws {
    try await Self.app(.init(maxBody: 1000)).test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2025-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: String(repeating: " ", count: 5000) + Self.household)) { r in
        #expect(r.status == .contentTooLarge)
      }
    }
  }

  @Test("regelingen en OpenAPI: geldige JSON met de wetten en beide paden")
  func listings() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/regulations", method: .get) { r in
        #expect(r.status == .ok)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [String: Any])
        let laws = try #require(json["regelingen"] as? [[String: Any]])
        #expect(laws.contains { $0["code"] as? String == "zorgtoeslag" })
      }
      try await client.execute(uri: "/v1/openapi.json", method: .get) { r in
        let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: Any])
        #expect(paths["/v1/evaluate"] != nil && paths["/v1/regulations"] != nil)
      }
    }
  }
}
#endif

#if Beslisservice
import DecisionService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// What the service answers at its edges: unknown paths and methods, bodies that are not JSON or not
/// UTF-8, the health check, the workbench, and an evaluation over its time limit — always JSON with
/// `fout`, never a crash and never a hanging request.
@Suite("Beslisservice aan de randen")
struct ServiceBoundaryTests {
  static func app(_ limits: DecisionService.Limits = .init()) -> some ApplicationProtocol {
    Application(router: DecisionService(engine: Repository.engine, limits: limits).router())
  }

  static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) as? [String: Any])
  }

  static let household = try! String(contentsOfFile: Repository.path("Examples/huishouden.json"), encoding: .utf8)

  @Test("een onbekend pad: 404 met de paden die er zijn; een verkeerde methode: 405 met Allow")
  func unknownPathAndMethod() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v2/evaluate", method: .post) { r in
        #expect(r.status == .notFound)
        let body = try Self.json(r.body)
        #expect(body["fout"] as? String == "onbekend-pad")
        #expect((body["verwacht"] as? String)?.contains("/v1/evaluate") == true)
      }
      try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .get) { r in
        #expect(r.status == .methodNotAllowed)
        #expect(r.headers[.allow] == "POST")
        let body = try Self.json(r.body)
        #expect(body["fout"] as? String == "methode-niet-toegestaan")
      }
      try await client.execute(uri: "/healthz", method: .delete) { r in
        #expect(r.status == .methodNotAllowed)
        #expect(r.headers[.allow] == "GET, HEAD")
      }
    }
  }

  @Test("Content-Type en UTF-8: 415 voor geen JSON of een andere tekenset, 422 voor bytes die geen UTF-8 zijn")
  func mediaTypeAndEncoding() async throws {
    try await Self.app().test(.router) { client in
      for type in ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1"] {
        try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, headers: [.contentType: type], body: ByteBuffer(string: Self.household)) { r in
          #expect(r.status == .unsupportedMediaType, "\(type)")
          let body = try Self.json(r.body)
          #expect(body["veld"] as? String == "Content-Type")
        }
      }
      for type in ["application/json", "application/json; charset=UTF-8", "application/problem+json"] {
        try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, headers: [.contentType: type], body: ByteBuffer(string: Self.household)) { r in
          #expect(r.status == .ok, "\(type)")
        }
      }
      var latin1 = ByteBuffer(string: "{\"personen\": [{\"id\": \"")
      latin1.writeBytes([0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65])  // "Jérôme" in Latin-1
      latin1.writeString("\", \"rol\": \"aanvrager\"}]}")
      try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, headers: [.contentType: "application/json"], body: latin1) { r in
        #expect(r.status == .unprocessableContent)
        let body = try Self.json(r.body)
        #expect(body["fout"] as? String == "geen-utf8")
        #expect((body["melding"] as? String)?.contains("byte 24 ") == true)
      }
    }
  }

  @Test("healthz: status, regelingen, lopende en wachtende berekeningen")
  func health() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get) { r in
        #expect(r.status == .ok)
        let body = try Self.json(r.body)
        #expect(body["status"] as? String == "ok")
        #expect(body["regelingen"] as? Int == Repository.engine.program.laws.count)
        #expect(body["bezig"] as? Int == 0 && body["wachtend"] as? Int == 0)
      }
    }
  }

  @Test("de werkbank: HTML, script en stijl als eigen bestanden onder een strikte CSP; haar voorbeeld is Examples/huishouden-met-loon.json")
  func workbench() async throws {
    try await Self.app().test(.router) { client in
      for (path, type) in [("/", "text/html"), ("/werkbank.js", "text/javascript"), ("/werkbank.css", "text/css")] {
        try await client.execute(uri: path, method: .get) { r in
          #expect(r.status == .ok)
          #expect(r.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
          #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
          #expect(r.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
        }
      }
      try await client.execute(uri: "/", method: .get) { r in
        let page = String(buffer: r.body)
        #expect(page.contains("<script src=\"/werkbank.js\"></script>"))
        #expect(!page.contains("<style>") && !page.contains("<script>"))
      }
      try await client.execute(uri: "/werkbank.js", method: .get) { r in
        let script = String(buffer: r.body)
        let start = try #require(script.range(of: "const voorbeeld = "))
        let end = try #require(script.range(of: ";\n", range: start.upperBound..<script.endIndex))
        let embedded = try JSONSerialization.jsonObject(with: Data(script[start.upperBound..<end.lowerBound].utf8)) as? NSDictionary
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repository.path("Examples/huishouden-met-loon.json")))) as? NSDictionary
        #expect(embedded != nil && embedded == file)
      }
    }
  }

  @Test("HEAD op een GET-pad: de kop zonder body; een pad met een slash te veel: dezelfde 405")
  func headAndSlashes() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/healthz", method: .head) { r in
        #expect(r.status == .ok)
        #expect(r.body.readableBytes == 0)
      }
      try await client.execute(uri: "/v1/evaluate/", method: .get) { r in
        #expect(r.status == .methodNotAllowed)
        #expect(r.headers[.allow] == "POST")
      }
      try await client.execute(uri: "//healthz/", method: .post) { r in
        #expect(r.status == .methodNotAllowed)
        #expect(r.headers[.allow] == "GET, HEAD")
      }
    }
  }

  @Test("zonder Content-Type, twee datums, een datum buiten het bereik: 415 en 400 met het veld")
  func requestShape() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, body: ByteBuffer(string: Self.household)) { r in
        #expect(r.status == .unsupportedMediaType)
      }
      for query in ["datum=2026-01-01&datum=2025-01-01", "datum=0000-01-01", "datum=2300-01-01"] {
        try await client.execute(uri: "/v1/evaluate?\(query)", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
          #expect(r.status == .badRequest, "\(query)")
          let body = try Self.json(r.body)
          #expect(body["veld"] as? String == "datum")
        }
      }
    }
  }

  @Test("uitvoerstappen: iedere beslist uitvoer wijst naar de stap van de trace die haar waarde heeft")
  func outputSteps() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.household)) { r in
        let body = try Self.json(r.body)
        let outputs = try #require(body["outputs"] as? [String: String])
        let steps = try #require(body["uitvoerstappen"] as? [String: Int])
        let trace = try #require(body["trace"] as? [[String: Any]])
        #expect(!outputs.isEmpty)
        for (id, value) in outputs {
          let index = try #require(steps[id], "\(id) heeft geen stap")
          #expect(trace[index]["waarde"] as? String == value, "\(id)")
          #expect(trace[index]["persoon"] is NSNull)
        }
      }
    }
  }

  @Test("een berekening over de tijdslimiet: 503 tijdslimiet, en daarna rekent niets meer")
  func timeLimit() async throws {
    let large = Repository.largestHouseholdJSON
    let service = DecisionService(engine: Repository.engine, limits: .init(timeout: .milliseconds(20)))
    try await Application(router: service.router()).test(.router) { client in
      try await client.execute(uri: "/v1/evaluate?datum=2026-01-01", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: large)) { r in
        #expect(r.status == .serviceUnavailable)
        let body = try Self.json(r.body)
        #expect(body["fout"] as? String == "tijdslimiet")
        #expect((body["melding"] as? String)?.contains("20 milliseconden") == true)
      }
    }
    #expect(await service.slots.active == 0)
  }
}
#endif

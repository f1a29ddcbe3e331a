import Foundation
import Specification
import HouseholdModel
import RuleIR
import TestSupport
import Testing
import Toetssteen

/// The specification a jurist signs off and a developer builds from.
@Suite("Specificatie")
struct SpecificationTests {
  static let root = Repository.root

  static let engine = Repository.engine
  static let pages = SpecificationSite.pages(engine: engine)

  @Test("de Wzt 2025: artikel 2 met annotaties en de regels ernaast, parameters met bron, open keuzes")
  func zorgtoeslag() throws {
    let page = try #require(Self.pages.first { $0.code == "zorgtoeslag" && $0.header.validFrom.iso == "2025-01-01" })
    let article2 = try #require(page.articles.first { $0.citation.artikel == "2" })
    #expect(article2.parts.contains { $0.text.joined().contains("]{") && !$0.rules.isEmpty })
    #expect(page.parameters.contains { $0.source != nil || $0.citation.artikel != nil })
    #expect(page.decisions.contains { $0.id == "vermogenstoets-partner" && $0.status == .open && !$0.affects.isEmpty })
    #expect(page.articles.contains { $0.parts.contains { !$0.decisions.isEmpty } })
    #expect(page.trace.contains { $0.article.artikel == "2" && !$0.rules.isEmpty && !$0.examples.isEmpty })
    let html = SpecHTML.page(page, all: Self.pages)
    #expect(html.contains("class=\"jas jas-voorwaarde\"") || html.contains("class=\"jas jas-variabele\""))
    #expect(html.contains("id=\"legenda\"") && html.contains("open interpretatiekeuze"))
    #expect(!html.contains("<script"))
    // Every link inside the page lands on an element of the page.
    let ids = Set(Self.matches(#"id="([^"]+)""#, html))
    let links = Set(Self.matches(##"href="#([^"]+)""##, html))
    #expect(links.subtracting(ids).isEmpty, "\(links.subtracting(ids))")
  }

  @Test("iedere regelingversie heeft een pagina; het partnerbegrip wordt elders anders gedefinieerd")
  func register() throws {
    #expect(Self.pages.count == Self.engine.documents.count)
    let awir = try #require(Self.pages.first { $0.code == "awir" && $0.header.validFrom.iso == "2025-01-01" })
    let partner = try #require(awir.begrippen.first { $0.name == "toeslagpartner" })
    #expect(partner.elsewhere.contains { $0.hasPrefix("echtgenoot") })
    #expect(partner.elsewhere.contains { $0.hasPrefix("bijstandspartner") })
  }

  @Test("iedere interpretatiekeuze is gekoppeld aan de regels die erop steunen, en ieder artikel toont haar")
  func decisions() throws {
    let decisions = Self.engine.program.decisions
    // Regulations/README.md lists every choice in its table, and no choice that is gone.
    let readme = try String(contentsOfFile: Repository.path("Regulations/README.md"), encoding: .utf8)
    let listed = Set(Self.matches(#"(?m)^\| ([a-z0-9-]+) \| [a-z_]+/"#, readme))
    #expect(listed == Set(decisions.map(\.id)))
    for d in decisions {
      #expect(!d.affects.isEmpty, "\(d.id) raakt geen regel")
      #expect(!d.alternatives.isEmpty && !d.reason.isEmpty && !d.decidedBy.isEmpty)
      for id in d.affects {
        let known = Self.engine.program.laws[id.law]?.contains { $0.definitions[id] != nil } == true || Self.engine.program.parameters[id] != nil
        #expect(known, "\(d.id) raakt onbekend \(id)")
      }
    }
  }

  static func matches(_ pattern: String, _ text: String) -> [String] {
    let re = try! NSRegularExpression(pattern: pattern)
    return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
  }
}

/// The IR export other tools read.
@Suite("IR-export")
struct IRExportTests {
  @Test("formaat en versie, iedere regel met bron, en het schema kent precies de operatoren die de export schrijft")
  func export() throws {
    let text = JSONWriter.render(IRExport.document(SpecificationTests.engine.program))
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(doc["formaat"] as? String == "toetssteen-ir" && doc["versie"] as? String == IRExport.version)
    let laws = try #require(doc["wetten"] as? [[String: Any]])
    let zorg = try #require(laws.first { $0["code"] as? String == "zorgtoeslag" })
    let versions = try #require(zorg["versies"] as? [[String: Any]])
    #expect(versions.contains { ($0["uitvoer"] as? [[String: Any]])?.contains { $0["id"] as? String == "zorgtoeslag.jaarbedrag" } == true })
    for v in versions {
      for d in v["definities"] as? [[String: Any]] ?? [] {
        for r in d["regels"] as? [[String: Any]] ?? [] {
          #expect(((r["bron"] as? [String: Any])?["jci"] as? String)?.hasPrefix("jci1.3:c:") == true)
        }
      }
    }
    let schemaURL = SpecificationTests.root.appendingPathComponent("Schemas/toetssteen-ir-1.schema.json")
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
    let defs = try #require(schema["$defs"] as? [String: Any])
    let expression = try #require((defs["expressie"] as? [String: Any])?["properties"] as? [String: Any])
    let ops = try #require((expression["op"] as? [String: Any])?["enum"] as? [String])
    #expect(Set(ops) == Set(IRExport.operators))
    let used = Set(Self.operators(in: text))
    #expect(used.isSubset(of: Set(IRExport.operators)), "\(used.subtracting(IRExport.operators))")
  }

  static func operators(in text: String) -> [String] {
    let re = try! NSRegularExpression(pattern: #""op" *: *"([A-Za-z]+)""#)
    return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
  }
}

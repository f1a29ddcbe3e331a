import Foundation
import LegalSource
import Testing
import TestSupport

/// Every diagnostic comes from a phase's catalogue (`*Messages.swift`), and every catalogue entry is
/// emitted somewhere: a message id that tools match on cannot drift, and no entry waits unused.
@Suite("De catalogus van meldingen")
struct DiagnosticCatalogueTests {
  /// The Swift files under `Sources/`, by path relative to the checkout.
  static let sources: [(path: String, text: String)] = {
    let root = Repository.path("Sources")
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    return files.sorted().compactMap { file in
      (try? String(contentsOfFile: root + "/" + file, encoding: .utf8)).map { ("Sources/" + file, $0) }
    }
  }()

  /// A catalogue is a `*Messages.swift` that extends `DiagnosticMessage` (the argument parser's Dutch
  /// words in `DutchArgumentMessages.swift` are no diagnostics).
  static func isCatalogue(_ file: (path: String, text: String)) -> Bool {
    file.path.hasSuffix("Messages.swift") && file.text.contains("extension DiagnosticMessage")
  }

  @Test("Geen melding wordt buiten een catalogus gemaakt")
  func noAdHocMessages() {
    #expect(Self.sources.count > 100, "de bronnen zijn niet gevonden onder \(Repository.path("Sources"))")
    let adHoc = Self.sources.filter { !Self.isCatalogue($0) && $0.text.contains("DiagnosticMessage(id:") }.map(\.path)
    #expect(adHoc.isEmpty, "maak deze meldingen in de catalogus van hun fase: \(adHoc)")
  }

  @Test("Iedere melding in een catalogus wordt ergens gegeven")
  func everyEntryEmitted() throws {
    let catalogues = Self.sources.filter { Self.isCatalogue($0) }
    #expect(catalogues.count >= 4)
    let users = Self.sources.filter { !Self.isCatalogue($0) }.map(\.text).joined(separator: "\n")
    let declaration = try Regex(#"static func ([A-Za-z0-9_]+)\("#)
    var unused: [String] = []
    for catalogue in catalogues {
      for match in catalogue.text.matches(of: declaration) {
        let name = String(match.output[1].substring ?? "")
        if !users.contains(".\(name)(") { unused.append("\(catalogue.path): \(name)") }
      }
    }
    #expect(unused.isEmpty, "nooit gegeven: \(unused)")
  }

  @Test("'Niet geformaliseerd' zonder reden: regel.reden op de regel, met het artikel")
  func notFormalisedWithoutReason() {
    let marked = MarkedText(
      RegulationFixture.header(code: "test") + """
        ## Artikel 1

        ```regels
        Parameter de grens is € 1.000, bron "test".
        De toeslag is de grens.
        ⟨regel⟩Niet geformaliseerd: de toeslag indien de grens is hoger dan € 2.000, want " ".
        Uitvoer test.toeslag is de toeslag.
        ```
        """)
    let (program, diagnostics) = RegulationFixture.compile(["test.md": marked.text])
    #expect(program == nil)
    let found = diagnostics.filter(\.isError)
    #expect(found.map(\.message.id) == ["regel.reden"], "\(RegulationFixture.errors(diagnostics))")
    #expect(found.first?.range?.position == "test.md:" + marked["regel"])
    #expect(found.first?.citation?.artikel == "1")
  }
}

import LegalSource
import LegalText
import TestSupport
import Testing

/// Marker-based tests: `⟨id⟩` stands where a warning with that id is expected; the markers are taken
/// out before the text is read, and each warning must start exactly at a marker.
@Suite("JAS-klassen die op hun plaats niet kunnen kloppen")
struct AnnotationLintTests {
  static let marked = DocumentParserTests.frontMatter + """
    ## Artikel 1

    4. ⟨jas.afwijking⟩[In afwijking van het eerste lid]{voorwaarde} bedraagt de aanspraak [vijftig procent]{parameterwaarde} van ⟨jas.parameterwaarde⟩[het bedrag]{parameterwaarde}.

    5. Een wijziging wordt ⟨jas.bekendmaking⟩[door Onze Minister medegedeeld in de Staatscourant]{delegatiebevoegdheid}, met toepassing van ⟨jas.verwijzing⟩[artikel 14]{delegatiebevoegdheid}; [bij ministeriële regeling]{delegatiebevoegdheid} worden regels gesteld.

    6. ⟨jas.rechtsfeit⟩[het bereiken van de leeftijd van 18 jaar]{rechtsfeit}, en [het indienen van een aanvraag]{rechtsfeit}.

    7. Onder X wordt ⟨jas.begripsbepaling⟩[mede verstaan]{afleidingsregel} een Y. ⟨jas.delegatie-zonder-annotatie⟩Bij ministeriële regeling worden regels gesteld.

    8. Bij algemene maatregel van bestuur kunnen [nadere regels]{delegatiebevoegdheid} worden gesteld; onder Z wordt [verstaan]{brondefinitie} een W.
    """

  /// The text without markers, and each marker's id with its line and column (1-based).
  @Test("Iedere waarschuwing staat op haar marker, en een juiste klasse geeft er geen")
  func markers() {
    let marked = MarkedText(Self.marked)
    var d = DiagnosticEngine()
    _ = DocumentParser.parse(SourceFile(path: "t.md", text: marked.text), diagnostics: &d)
    let found = d.sorted.map { ($0.message.id, $0.range?.position ?? "") }
    #expect(found.map(\.0) == marked.markers.map(\.name))
    #expect(found.map(\.1) == marked.markers.map { "t.md:\($0.place)" })
    #expect(d.diagnostics.allSatisfy { $0.severity == .warning && $0.citation?.short == "TW art. 1" })
  }
}

/// A file with Windows line endings reads exactly as the same file with LF.
@Suite("CRLF leest als LF")
struct LineEndingTests {
  @Test("\\r\\n wordt \\n: dezelfde tekst, regels en kolommen; een losse \\r blijft")
  func crlf() {
    let lf = SourceFile(path: "x", text: "a €\nbc\n\nd\re\n")
    let crlf = SourceFile(path: "x", text: "a €\r\nbc\r\n\r\nd\re\r\n")
    #expect(crlf.text == lf.text)
    #expect(crlf.scalars == lf.scalars)
    #expect(crlf.lineStarts == lf.lineStarts)
    #expect(crlf.lineAndColumn(of: 4).line == 2)
    #expect(crlf.text.split(separator: "\n", omittingEmptySubsequences: false).count == 5)
  }
}

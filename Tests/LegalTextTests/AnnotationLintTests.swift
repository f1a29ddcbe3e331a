import LegalSource
import LegalText
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
  static func unmark(_ text: String) -> (String, [(String, String)]) {
    var out = ""
    var expected: [(String, String)] = []
    var line = 1
    var column = 1
    var rest = Substring(text)
    while let c = rest.first {
      if c == "⟨", let close = rest.firstIndex(of: "⟩") {
        expected.append((String(rest[rest.index(after: rest.startIndex)..<close]), "t.md:\(line):\(column)"))
        rest = rest[rest.index(after: close)...]
        continue
      }
      out.append(c)
      if c == "\n" { line += 1; column = 1 } else { column += 1 }
      rest = rest.dropFirst()
    }
    return (out, expected)
  }

  @Test("Iedere waarschuwing staat op haar marker, en een juiste klasse geeft er geen")
  func markers() {
    let (text, expected) = Self.unmark(Self.marked)
    var d = DiagnosticEngine()
    _ = DocumentParser.parse(SourceFile(path: "t.md", text: text), diagnostics: &d)
    let found = d.sorted.map { ($0.message.id, $0.range?.position ?? "") }
    #expect(found.map(\.0) == expected.map(\.0))
    #expect(found.map(\.1) == expected.map(\.1))
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

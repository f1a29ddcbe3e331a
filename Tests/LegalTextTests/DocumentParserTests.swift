import LegalSource
import LegalText
import Testing

@Suite("Geannoteerde wetstekst")
struct DocumentParserTests {
  /// The front matter of the test documents in this target (eight lines and a blank line).
  static let frontMatter = """
    ---
    wet: Testwet
    citeertitel: TW
    code: test
    bwb: BWBR0099999
    geldig vanaf: 2025-01-01
    bron: test
    ---


    """

  static let text = frontMatter + """
    ## Artikel 2a

    ### Lid 3

    Indien [de normpremie]{variabele: normpremie} [minder bedraagt dan]{operator} [het bedrag]{varabele}, geldt [iets]{afleidingsregel}.

    #### Onderdeel f

    ```regels
    Parameter de grens is € 5.
    ```

    ## Toelichting

    ```voorbeeld
    naam: x
    ```
    """

  func parse() -> (LegalDocument?, DiagnosticEngine) {
    var d = DiagnosticEngine()
    return (DocumentParser.parse(SourceFile(path: "t.md", text: Self.text), diagnostics: &d), d)
  }

  @Test("Koppen bepalen artikel, lid en onderdeel van wat eronder staat")
  func structure() throws {
    let doc = try #require(parse().0)
    let blocks = doc.blocks
    #expect(blocks.count == 2)
    #expect(blocks[0].kind == .regels)
    #expect(blocks[0].citation.short == "TW art. 2a lid 3 onder f")
    #expect(blocks[0].citation.jci == "jci1.3:c:BWBR0099999&artikel=2a&lid=3&onderdeel=f&z=2025-01-01&g=2025-01-01")
    #expect(blocks[1].kind == .voorbeeld)
    #expect(blocks[1].citation.artikel == nil)
  }

  @Test("Annotaties met klasse en begrip; een onbekende klasse krijgt een suggestie")
  func annotations() throws {
    let (doc, diagnostics) = parse()
    let annotations = try #require(doc).annotations
    #expect(annotations.map(\.jasClass) == [.variabele, .operator, .afleidingsregel])
    #expect(annotations[0].begrip == "normpremie")
    #expect(annotations[0].formulering == "de normpremie")
    #expect(annotations[1].begrip == nil)
    let d = try #require(diagnostics.diagnostics.first)
    #expect(d.range?.position == "t.md:14:92")
    #expect(d.message.id == "tekst.jas-klasse")
    #expect(d.notes.map(\.text) == ["bedoelt u 'variabele'?"])
  }

  @Test("Een accolade zonder annotatie (een weggevallen '[' of een klasse zonder haken) is een fout op haar plaats")
  func strayBraces() {
    for (line, column) in [("1. Een tekst]{voorwaarde} en [goed]{voorwaarde}.", 14), ("1. Los {voorwaarde} in de tekst.", 8), ("1. [goed]{voorwaarde} en }", 26)] {
      var d = DiagnosticEngine()
      _ = DocumentParser.parse(SourceFile(path: "t.md", text: Self.frontMatter + "## Artikel 1\n\n" + line + "\n"), diagnostics: &d)
      #expect(d.diagnostics.map(\.message.id) == ["tekst.accolade-los"], "\(line)")
      #expect(d.diagnostics.first?.range?.position == "t.md:12:\(column)", "\(line)")
    }
  }

  @Test("De tekst zonder annotaties is de wetstekst")
  func plainText() {
    #expect(Annotation.plainText(of: "Indien [de normpremie]{variabele: normpremie} minder bedraagt [dan]") == "Indien de normpremie minder bedraagt [dan]")
  }

  @Test("Alle zestien JAS-klassen")
  func classes() {
    #expect(JASClass.allCases.count == 16)
    #expect(JASClass(annotation: "Delegatie-invulling") == .delegatieInvulling)
    #expect(JASClass(annotation: "delegatieinvulling") == .delegatieInvulling)
  }
}

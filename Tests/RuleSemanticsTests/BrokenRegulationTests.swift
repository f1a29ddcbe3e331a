import LegalSource
import Testing
import TestSupport

/// A broken regulation reports every problem together, each with `path:line:column` and its article.
@Suite("Fouten in een regeling worden allemaal gemeld, met plaats en artikel")
struct BrokenRegulationTests {
  static let broken = RegulationFixture.header(code: "test") + """
    ## Artikel 1

    ```regels
    Parameter de grens is € 1.000, bron "test".
    Parameter de premie is een bedrag per jaar:
      - vanaf 2025-01-01 tot 2025-07-01: € 100, bron "test".
    ```

    ## Artikel 2

    ### Lid 1

    ```regels
    De toeslag is de premie verminderd met de grnes.
    De som is de grens vermeerderd met de geboortedatum van de aanvrager.
    ```

    ### Lid 2

    ```regels
    Het eerste bedrag is het tweede bedrag.
    Het tweede bedrag is het eerste bedrag.
    ```
    """

  @Test("Verkeerd gespelde naam, bedrag plus datum, ontbrekende parameterwaarde en kringverwijzing")
  func allErrorsTogether() {
    let (program, diagnostics) = RegulationFixture.compile(["test.md": Self.broken])
    #expect(program == nil)
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.contains("test.md:23:43: onbekende naam 'grnes'"))
    #expect(errors.contains("test.md:24:11: optellen: bedrag (elke periode) en datum passen niet bij elkaar"))
    #expect(errors.contains("test.md:14:14: parameter 'premie' heeft geen waarde van 2025-07-01 tot 2026-01-01"))
    #expect(errors.contains("test.md:31:26: kringverwijzing: 'eerste bedrag' → 'tweede bedrag' → 'eerste bedrag'"))
    #expect(errors.count == 4, "alle vier de fouten, niet meer: \(errors)")
  }

  @Test("Een parameterwaarde die niet in de tekst staat is een fout, tenzij de regel haar bron noemt")
  func parameterValueNotInText() throws {
    func diagnostics(_ declaration: String) -> [Diagnostic] {
      let text = RegulationFixture.header(code: "test") + """
        ## Artikel 1

        De grens bedraagt € 1.250.

        ```regels
        \(declaration)
        De toeslag is de grens.
        ```
        """
      return RegulationFixture.compile(["test.md": text]).diagnostics.filter { $0.message.id == "dekking.parameterwaarde" }
    }
    #expect(diagnostics("Parameter de grens is € 1.250.").isEmpty)
    let typo = diagnostics("Parameter de grens is € 1.205.")
    #expect(typo.count == 1)
    #expect(typo.first?.isError == true)
    #expect(typo.first?.message.text.contains("1.205") == true)
    #expect(diagnostics("Parameter de grens is € 1.205, bron \"Regeling 2025, geïndexeerd\".").isEmpty)
  }

  @Test("Een keten van definities dieper dan 64: één fout met plaats, geen volle stack; 60 diep is goed")
  func definitionChainBounded() {
    func chain(_ n: Int) -> String {
      var rules = ["De schakel0 is € 1 per jaar."]
      for i in 1..<n { rules.append("De schakel\(i) is de schakel\(i - 1) vermeerderd met € 1 per jaar.") }
      rules.append("Uitvoer test.keten is de schakel\(n - 1).")
      return RegulationFixture.header(code: "test") + "## Artikel 1\n\n1. Een keten.\n\n```regels\n" + rules.joined(separator: "\n") + "\n```\n"
    }
    let (ok, okDiagnostics) = RegulationFixture.compile(["test.md": chain(60)])
    #expect(ok != nil, "\(RegulationFixture.errors(okDiagnostics))")
    for n in [70, 5_000] {
      let (program, diagnostics) = RegulationFixture.compile(["test.md": chain(n)])
      #expect(program == nil)
      let found = diagnostics.filter(\.isError)
      #expect(found.map(\.message.id) == ["afhankelijkheid.te-diep"], "\(n): \(RegulationFixture.errors(diagnostics).prefix(3))")
      #expect(found.first?.range != nil && found.first?.citation?.artikel == "1")
    }
  }

  @Test("Iedere fout noemt het artikel en lid waar ze in staat")
  func citations() {
    let (_, diagnostics) = RegulationFixture.compile(["test.md": Self.broken])
    let misspelled = diagnostics.first { $0.message.id == "naam.onbekend" }
    #expect(misspelled?.citation?.artikel == "2")
    #expect(misspelled?.citation?.lid == "1")
    #expect(misspelled?.citation?.bwb == "BWBR0099999")
    let rendered = DiagnosticFormatter().format(misspelled!)
    #expect(rendered.hasPrefix("test.md:23:43: error: onbekende naam 'grnes'\n  in Testwet, artikel 2, lid 1 (BWBR0099999, toestand 2025-01-01)"))
    // The suggestion is a note of its own, after the excerpt, as swift-syntax keeps a fix apart.
    #expect(misspelled?.notes.map(\.text) == ["bedoelt u 'grens'?"])
    #expect(rendered.hasSuffix("\n  note: bedoelt u 'grens'?"))
  }

  @Test("Een interpretatiekeuze zonder reden, met een onbekende status of een onbekende regel: gemeld met regel en artikel")
  func decisions() {
    let text = RegulationFixture.header(code: "test") + """
      ## Artikel 1

      ```regels
      Parameter de grens is € 1.000, bron "test".
      De toeslag is de grens.
      ```

      ```keuze
      id: goed
      titel: Een keuze
      vraag: Welke grens?
      alternatieven:
        - deze
        - die
      keuze: deze
      reden: omdat
      besloten door: test
      status: open
      raakt: de toeslag, grens
      ```

      ```keuze
      id: fout
      titel: Een keuze
      vraag: Welke?
      alternatieven:
        - a
      keuze: a
      besloten door: test
      status: misschien
      raakt: toeslag
      ```

      ```keuze
      id: onbekend
      titel: t
      vraag: v
      alternatieven:
        - a
      keuze: a
      reden: r
      besloten door: test
      status: afgestemd
      raakt: tosleag
      ```
      """
    let (program, diagnostics) = RegulationFixture.compile(["test.md": text])
    #expect(program == nil)
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.contains { $0.hasPrefix("test.md:") && $0.contains("ontbrekend veld 'reden'") })
    #expect(errors.contains { $0.contains("'tosleag' onder 'raakt' is geen regel of parameter van test") })
    #expect(errors.count == 2, "\(errors)")
    #expect(diagnostics.filter(\.isError).allSatisfy { $0.citation?.artikel == "1" })
    let (good, _) = RegulationFixture.compile(["test.md": text.components(separatedBy: "```keuze\nid: fout")[0]])
    #expect(good?.decisions.first?.affects.map(\.name).sorted() == ["grens", "toeslag"])
  }

  /// A complete, valid keuze block with the given id and `raakt` list.
  static func keuze(id: String, raakt: String) -> String {
    ["```keuze", "id: \(id)", "titel: t", "vraag: v", "alternatieven:", "  - a", "keuze: a", "reden: r", "besloten door: test",
     "status: open", "raakt: \(raakt)", "```"].joined(separator: "\n")
  }

  @Test("Eén kapotte regel geeft één fout: wat ervan afhangt en de keuzes die haar noemen zwijgen")
  func noCascade() {
    let text = RegulationFixture.header(code: "test") + """
      ## Artikel 1

      ```regels
      Parameter de grens is € 1.000, bron "test".
      De toeslag is de grens verminderd met de drempl.
      Het bedrag is de toeslag vermeerderd met de grens.
      ```

      \(Self.keuze(id: "toeslag-grens", raakt: "toeslag, bedrag, grens, bedrgg"))
      """
    let (program, diagnostics) = RegulationFixture.compile(["test.md": text])
    #expect(program == nil)
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.contains { $0.contains("onbekende naam 'drempl'") })
    #expect(errors.contains { $0.contains("'bedrgg' onder 'raakt' is geen regel of parameter van test") })
    #expect(errors.count == 2, "de kapotte regel en de echt onbekende naam, geen vervolgfouten: \(errors)")
  }

  @Test("Een syntaxfout stopt de rest van de controle niet")
  func recovery() {
    let text = RegulationFixture.header(code: "test") + """
      ## Artikel 1

      ```regels
      De toeslag is is € 5.
      Parameter de grens is € 1.000, bron "test".
      De korting is de grens maal de grens.
      ```
      """
    let (_, diagnostics) = RegulationFixture.compile(["test.md": text])
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors == [
      "test.md:13:15: 'is' is een woord van de regeltaal en kan geen naam zijn",
      "test.md:15:15: een bedrag maal een bedrag heeft geen betekenis",
    ])
  }

  @Test("Een regel met een syntaxfout na haar kop declareert haar naam: wie haar gebruikt, ook een andere wet, zwijgt")
  func unparsedRuleDeclares() {
    let basis = RegulationFixture.header(code: "basis") + """
      ## Artikel 1

      ```regels
      Parameter de grens is € 1.000, bron "test".
      Het tarief van een persoon is de grens vermeerderd met met de grens.
      Een persoon is gerechtigde indien de grens is groter dan en € 5.
      Het bedrag van een persoon is zijn tarief indien hij is gerechtigde.
      ```

      \(Self.keuze(id: "tarief", raakt: "tarief, gerechtigde, bedrag"))
      """
    let gebruik = RegulationFixture.header(code: "gebruik") + """
      ## Artikel 1

      ```regels
      Gebruik uit basis: tarief.
      De som is de som van het tarief van de personen.
      ```
      """
    let (program, diagnostics) = RegulationFixture.compile(["basis.md": basis, "gebruik.md": gebruik])
    #expect(program == nil)
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.count == 2, "alleen de twee syntaxfouten, geen vervolgfouten: \(errors)")
    #expect(errors.allSatisfy { $0.hasPrefix("basis.md:14:") || $0.hasPrefix("basis.md:15:") }, "\(errors)")
  }

  @Test("Een regel die niet gelezen kan worden en een parameter met dezelfde naam: alleen de syntaxfout")
  func unparsedRuleBesideParameter() {
    let text = RegulationFixture.header(code: "test") + """
      ## Artikel 1

      ```regels
      Parameter de grens is € 1.000, bron "test".
      De grens is is € 5.
      ```
      """
    let errors = RegulationFixture.errors(RegulationFixture.compile(["test.md": text]).diagnostics)
    #expect(errors == ["test.md:14:13: 'is' is een woord van de regeltaal en kan geen naam zijn"], "\(errors)")
  }

  @Test("Een kapotte kop wordt gemeld en het document overgeslagen")
  func frontMatter() {
    let text = """
      ---
      wet: Testwet
      code: Test-Wet
      bwb: 12345
      geldig vanaf: 2025-13-01
      bron: x
      ---
      """
    let (_, diagnostics) = RegulationFixture.compile(["kop.md": text])
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.contains("kop.md:3:7: 'code' moet uit kleine letters, cijfers en '_' bestaan, niet 'Test-Wet'"))
    #expect(errors.contains("kop.md:4:6: '12345' is geen BWB-id (de vorm is BWBR gevolgd door zeven cijfers)"))
    #expect(errors.contains("kop.md:5:15: 'geldig vanaf' moet een datum JJJJ-MM-DD zijn, niet '2025-13-01'"))
  }

  @Test("Wat de inkomensregels nieuw brachten, fout gebruikt: opgegeven bij een afgeleide waarde, gebruik tot vóór de versie, een onbekende soort uitvoer")
  func incomeConstructs() {
    let base = RegulationFixture.header(code: "basis", from: "2025-01-01", until: "2027-01-01") + """
      ## Artikel 1

      ```regels
      Het basisinkomen van een persoon is zijn inkomen.
      ```
      """
    let user = RegulationFixture.header(code: "test") + """
      ## Artikel 1

      ```regels
      Gebruik uit basis tot 2024-01-01: basisinkomen.
      Het bedrag van een persoon is zijn inkomen indien zijn basisinkomen is opgegeven.
      Het totaal is de som van het bedrag van de personen.
      Uitvoer test.totaal is het totaal, een maatstf.
      ```
      """
    let (program, diagnostics) = RegulationFixture.compile(["basis.md": base, "test.md": user])
    #expect(program == nil)
    let errors = RegulationFixture.errors(diagnostics)
    #expect(errors.contains { $0.hasPrefix("test.md:") && $0.contains("'Gebruik uit basis tot 2024-01-01' eindigt vóór deze versie begint (2025-01-01)") }, "\(errors)")
    #expect(errors.contains { $0.hasPrefix("test.md:") && $0.contains("'een maatstaf' (zoals het netto-inkomen), maar vond 'maatstf'") }, "\(errors)")
    // Without the misspelled output, the remaining error is the `opgegeven` on a derived value.
    let fixed = user.replacingOccurrences(of: "een maatstf", with: "een maatstaf").replacingOccurrences(of: "tot 2024-01-01", with: "tot 2026-01-01")
    let (_, again) = RegulationFixture.compile(["basis.md": base, "test.md": fixed])
    #expect(RegulationFixture.errors(again).contains { $0.contains("alleen een gegeven uit het huishoudendocument kan 'opgegeven' zijn") }, "\(RegulationFixture.errors(again))")
  }

}

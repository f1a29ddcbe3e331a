import ExactArithmetic
import LegalSource
import RuleSyntax
import Testing
import TestSupport

@Suite("De regeltaal lezen")
struct ParserTests {
  let citation = Citation(bwb: "BWBR0099999", title: "Testwet", shortTitle: "TW", artikel: "1")

  func parse(_ text: String) -> ([StatementSyntax], [String]) {
    let file = SourceFile(path: "r", text: text)
    var d = DiagnosticEngine()
    let statements = Parser.parse(block: SourceRange(file: file, start: 0, end: file.scalars.count), citation: citation, diagnostics: &d)
    return (statements, d.diagnostics.map { "\($0.range!.position): \($0.message.text)" })
  }

  /// The diagnostics of `text` as (message id, line:column), for tests that mark the place in the text.
  func diagnosed(_ text: String) -> [(id: String, at: String)] {
    let file = SourceFile(path: "r", text: text)
    var d = DiagnosticEngine()
    _ = Parser.parse(block: SourceRange(file: file, start: 0, end: file.scalars.count), citation: citation, diagnostics: &d)
    return d.diagnostics.map { ($0.message.id, $0.range.map { "\($0.startLocation.line):\($0.startLocation.column)" } ?? "-") }
  }

  @Test("Een verschreven maand tussen dag en jaar: syntax.maand op de maand, met de maand die bedoeld is")
  func misspeltMonth() {
    let marked = MarkedText("Parameter de ingangsdatum is 1 ⟨maand⟩janauri 2015, bron \"test\".")
    let found = diagnosed(marked.text)
    #expect(found.map(\.id) == ["syntax.maand"])
    #expect(found.first?.at == marked["maand"])
    let file = SourceFile(path: "r", text: marked.text)
    var engine = DiagnosticEngine()
    _ = Parser.parse(block: SourceRange(file: file, start: 0, end: file.scalars.count), citation: citation, diagnostics: &engine)
    #expect(engine.diagnostics.first?.message.text == "'janauri' is geen maand")
    #expect(engine.diagnostics.first?.notes.map(\.text) == ["bedoelt u 'januari'?"])
    // A number before a word that is no month at all stays a number (`18 jaar`, `3 kinderen`).
    #expect(diagnosed("Parameter de grens is 18 jaar, bron \"test\".").isEmpty)
    // `maand` is one edit from `maart`, but before a number it is still the unit of a duration.
    #expect(!diagnosed("Parameter de termijn is 1 maand 2, bron \"t\".").contains { $0.id == "syntax.maand" })
    // A day far out of range with a misspelt month: the same clear error, no overflow.
    #expect(diagnosed("Parameter de x is 99999999999999999999 janauri 2015, bron \"t\".").map(\.id) == ["syntax.maand"])
  }

  @Test("Een duur of datum buiten wat een wet kan bedoelen: een fout op de waarde, geen overloop verderop")
  func literalsOutOfRange() {
    for text in [
      "De leeftijd is ⟨w⟩99999999999999999 jaar.",
      "De leeftijd is ⟨w⟩1001 jaar.",
      "De termijn is ⟨w⟩67 jaar en 99999999999999999999999 maanden.",
      "De termijn is ⟨w⟩12001 maanden.",
      "De termijn is ⟨w⟩1000 jaar en 1 maanden.",
      "De termijn is ⟨w⟩9223372036854775807 dagen.",
      "Parameter de ingangsdatum is ⟨w⟩1 januari 9000, bron \"t\".",
      "Parameter de ingangsdatum is ⟨w⟩9999-12-31, bron \"t\".",
      "Parameter de ingangsdatum is ⟨w⟩1 januari 1849, bron \"t\".",
    ] {
      let marked = MarkedText(text)
      let found = diagnosed(marked.text)
      #expect(found.map(\.id).first.map { ["syntax.duur-bereik", "syntax.datum-bereik"].contains($0) } == true, "\(text): \(found.map(\.id))")
      #expect(found.first?.at == marked["w"], "\(text)")
    }
    // At the bounds: accepted.
    #expect(diagnosed("De leeftijd is 1000 jaar.").isEmpty)
    #expect(diagnosed("De termijn is 500 jaar en 6000 maanden.").isEmpty)
    #expect(diagnosed("Parameter de ingangsdatum is 31 december 2199, bron \"t\".").isEmpty)
    #expect(diagnosed("Parameter de ingangsdatum is 1850-01-01, bron \"t\".").isEmpty)
  }

  @Test("Een dagentelling zonder begindatum of met een verschreven 'dagen': een fout op die plek, niet verderop")
  func dayCountMistakes() {
    let missing = MarkedText("De termijn is het aantal dagen van ⟨tot⟩tot de peildatum.")
    #expect(diagnosed(missing.text).map(\.id) == ["syntax.verwacht"])
    #expect(diagnosed(missing.text).first?.at == missing["tot"])
    #expect(parse(missing.text).1 == ["r:1:36: verwacht een datum na 'het aantal dagen van', maar vond 'tot'"])
    let misspelt = MarkedText("De termijn is het aantal ⟨dagn⟩dagn van de ingangsdatum tot de peildatum.")
    #expect(diagnosed(misspelt.text).map(\.id) == ["syntax.verwacht"])
    #expect(diagnosed(misspelt.text).first?.at == misspelt["dagn"])
    let file = SourceFile(path: "r", text: misspelt.text)
    var engine = DiagnosticEngine()
    _ = Parser.parse(block: SourceRange(file: file, start: 0, end: file.scalars.count), citation: citation, diagnostics: &engine)
    #expect(engine.diagnostics.first?.notes.map(\.text) == ["bedoelt u 'dagen'?"])
    // A second 'tot', and a misspelt 'dagen' straight before 'tot' (the start date left out): at that word.
    let twice = MarkedText("De termijn is het aantal dagen van de ingangsdatum tot ⟨tot⟩tot de peildatum.")
    #expect(diagnosed(twice.text).map(\.id) == ["syntax.verwacht"])
    #expect(diagnosed(twice.text).first?.at == twice["tot"])
    let bare = MarkedText("De termijn is het aantal ⟨dagn⟩dagn tot de peildatum.")
    #expect(diagnosed(bare.text).map(\.id) == ["syntax.verwacht"])
    #expect(diagnosed(bare.text).first?.at == bare["dagn"])
    // Counting a collection is untouched, also when a word two letters from 'dagen' follows.
    #expect(diagnosed("De x is het aantal kinderen.").isEmpty)
    #expect(diagnosed("De x is het aantal dagen van de ingangsdatum tot de peildatum.").isEmpty)
  }

  @Test("Diep geneste of eindeloos lange uitdrukkingen en voorwaarden: een fout met plaats, geen volle stack")
  func nestingAndLengthBounded() {
    func ids(_ text: String) -> [String] {
      let file = SourceFile(path: "r", text: text)
      var d = DiagnosticEngine()
      _ = Parser.parse(block: SourceRange(file: file, start: 0, end: file.scalars.count), citation: citation, diagnostics: &d)
      return d.diagnostics.map(\.message.id)
    }
    let parentheses = "De premie is " + String(repeating: "(", count: 4_000) + "€ 5" + String(repeating: ")", count: 4_000) + "."
    #expect(ids(parentheses) == ["syntax.te-diep"])
    let sum = "De premie is " + Array(repeating: "€ 5", count: 20_000).joined(separator: " vermeerderd met ") + "."
    #expect(ids(sum) == ["syntax.te-lang"])
    let negations = "Een persoon is oud indien " + String(repeating: "niet (", count: 10_000) + "zijn leeftijd is ten minste 18 jaar" + String(repeating: ")", count: 10_000) + "."
    #expect(ids(negations) == ["syntax.te-diep"])
    var lists = "Een persoon is oud indien aan alle volgende voorwaarden is voldaan:\n"
    for level in 1...4_000 { lists += String(repeating: "  ", count: level) + "- aan alle volgende voorwaarden is voldaan:\n" }
    lists += String(repeating: "  ", count: 4_001) + "- zijn leeftijd is ten minste 18 jaar."
    #expect(ids(lists) == ["syntax.te-diep"])
    let conjunction = "Een persoon is oud indien " + Array(repeating: "zijn leeftijd is ten minste 18 jaar", count: 20_000).joined(separator: " en ") + "."
    #expect(ids(conjunction) == ["syntax.te-lang"])
    // What laws write stays well inside the bounds.
    let (_, fine) = parse("De premie is ((€ 5 vermeerderd met € 6) maal 2) verminderd met (€ 1 maal 3).")
    #expect(fine.isEmpty)
  }

  @Test("Getallen, bedragen en percentages in Nederlandse notatie")
  func lexer() {
    let file = SourceFile(path: "r", text: "€ 1.580,92 4,273 % 2025-07-01 'gehuwd' euro's. 12")
    var d = DiagnosticEngine()
    let kinds = Lexer.tokenize(SourceRange(file: file, start: 0, end: file.scalars.count), diagnostics: &d).map(\.kind)
    #expect(kinds[0] == .money(Rational(dutch: "1.580,92")!))
    #expect(kinds[1] == .percentage(Rational(dutch: "0,04273")!))
    #expect(kinds[2] == .date(CivilDate(iso: "2025-07-01")!))
    #expect(kinds[3] == .enumValue("gehuwd"))
    #expect(kinds[4] == .word)
    #expect(kinds[5] == .punctuation("."))
    #expect(kinds[6] == .number(Rational(12)))
  }

  @Test("Een uitvoer is een betaling, of met ', een norm' een norm; iets anders na de komma is een fout")
  func outputKind() {
    let (plain, e1) = parse("Uitvoer test.bedrag is het bedrag.")
    let (norm, e2) = parse("Uitvoer test.norm is de norm, een norm.")
    #expect(e1.isEmpty && e2.isEmpty)
    if case .output(let id, _, let kind, _) = plain.first { #expect(id == "test.bedrag" && kind == .payment) } else { Issue.record("geen uitvoer") }
    if case .output(_, _, let kind, _) = norm.first { #expect(kind == .norm) } else { Issue.record("geen uitvoer") }
    let (_, errors) = parse("Uitvoer test.norm is de norm, een uitkering.")
    #expect(errors.count == 1 && errors[0].contains("'een norm'"))
  }

  @Test("Een regel met uitzondering, voorwaarde en afronding")
  func rule() {
    let (statements, errors) = parse("In afwijking van het eerste lid, artikel 7 lid 3 van awir bedraagt de aanspraak 50 procent van de basisaanspraak, rekenkundig afgerond op hele euro's volgens artikel 14 lid 4 van awir indien er is een partner.")
    #expect(errors.isEmpty)
    guard case .rule(let r) = statements.first else {
      Issue.record("geen regel")
      return
    }
    #expect(r.target.key == "aanspraak")
    #expect(r.exceptionOf.count == 2)
    #expect(r.exceptionOf[0].lid == "1")
    #expect(r.exceptionOf[0].artikel == "1")
    #expect(r.exceptionOf[1].law == "awir")
    #expect(r.condition != nil)
    guard case .value(.rounded(_, .rekenkundig, .wholeEuros, .article(let ref), _)) = r.body else {
      Issue.record("geen afronding")
      return
    }
    #expect(ref.artikel == "14" && ref.lid == "4" && ref.law == "awir")
  }

  @Test("Opsommingen van voorwaarden, genest")
  func lists() {
    let (statements, errors) = parse("""
      Een persoon is verzekerde indien aan alle volgende voorwaarden is voldaan:
        - hij is zorgverzekerd;
        - aan ten minste één van de volgende voorwaarden is voldaan:
          - zijn leeftijd is ten minste 18 jaar;
          - de peildatum ligt op of na 1 januari 2025.
      """)
    #expect(errors.isEmpty, "\(errors)")
    guard case .rule(let r) = statements.first, case .all(let items, _)? = r.condition else {
      Issue.record("geen opsomming")
      return
    }
    #expect(items.count == 2)
    guard case .any(let inner, _) = items[1] else {
      Issue.record("geen geneste opsomming")
      return
    }
    #expect(inner.count == 2)
  }

  @Test("'en' en 'of' door elkaar zonder haakjes is een fout")
  func mixedAndOr() {
    let (_, errors) = parse("De x is € 1 indien hij is a en hij is b of hij is c.")
    #expect(errors == ["r:1:41: 'en' en 'of' door elkaar zonder haakjes is dubbelzinnig: gebruik haakjes of een opsomming ('aan alle volgende voorwaarden is voldaan:')"])
  }

  @Test("Na een fout gaat het lezen verder bij de volgende regel")
  func recovery() {
    let (statements, errors) = parse("De x is is € 1.\nParameter de y is € 2.\nDe z is afgerond op hele euro's € 3.")
    #expect(errors.count == 2)
    #expect(errors[0].hasPrefix("r:1:9:"))
    // The parameter, and the two broken rules by their names only (they still declare x and z).
    #expect(statements.count == 3)
    let unparsed = statements.compactMap { s -> String? in
      if case .unparsedRule(let name, _, _) = s { return name.key } else { return nil }
    }
    #expect(unparsed == ["x", "z"])
  }

  @Test("Een afronding zonder artikel is een fout")
  func roundingNeedsArticle() {
    let (_, errors) = parse("De x is € 1, afgerond op hele euro's.")
    #expect(errors == ["r:1:37: een afronding noemt het artikel dat haar voorschrijft ('… afgerond op hele euro's volgens artikel 14 lid 4 van awir'), of de interpretatiekeuze waar de wet geen afronding noemt ('… volgens keuze maandbedrag-centen')"])
  }

  @Test("Een waarde in een tabel noemt haar bron")
  func tableSource() {
    let (_, errors) = parse("Parameter de x is een bedrag:\n  - vanaf 2025-01-01: € 1;\n  - vanaf 2025-07-01: € 2, bron \"Stcrt.\".")
    #expect(errors.count == 1)
    #expect(errors[0].hasPrefix("r:2:3: een waarde in een tabel noemt haar bron"))
  }
}

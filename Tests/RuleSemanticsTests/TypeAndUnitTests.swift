import Testing
import TestSupport

@Suite("Typen en eenheden")
struct TypeAndUnitTests {
  func errors(_ rules: String) -> [String] {
    let text = RegulationFixture.header(code: "test") + "## Artikel 1\n\n```regels\n" + rules + "\n```\n"
    return RegulationFixture.errors(RegulationFixture.compile(["t.md": text]).diagnostics)
  }

  @Test("Een bedrag per maand en een bedrag per jaar tellen niet op")
  func periods() {
    let e = errors("De last is de huur van het huishouden vermeerderd met het inkomen van de aanvrager.")
    #expect(e.count == 1)
    #expect(e.first?.contains("bedrag per maand en bedrag per jaar hebben een andere periode") == true)
  }

  @Test("Het twaalfvoud van een maandbedrag is een jaarbedrag")
  func twelvefold() {
    #expect(errors("De last is het twaalfvoud van de huur van het huishouden vermeerderd met het inkomen van de aanvrager.").isEmpty)
  }

  @Test("Een onafgerond bedrag kan geen uitvoer zijn; na afronding volgens een artikel wel")
  func outputsNeedRounding() {
    let unrounded = errors("Parameter het percentage is 4,273 %, bron \"test\".\nDe premie is het percentage van het inkomen van de aanvrager.\nUitvoer test.premie is de premie.")
    #expect(unrounded.count == 1)
    #expect(unrounded.first?.contains("uitvoer 'test.premie' is een onafgerond bedrag") == true)
    let rounded = errors("Parameter het percentage is 4,273 %, bron \"test\".\nDe premie is het percentage van het inkomen van de aanvrager, rekenkundig afgerond op hele euro's volgens artikel 1.\nUitvoer test.premie is de premie.")
    #expect(rounded.isEmpty)
  }

  @Test("Een afronding noemt haar artikel, en dat artikel moet bestaan")
  func roundingCitation() {
    let missing = errors("De premie is het inkomen van de aanvrager, afgerond op hele euro's volgens artikel 9.")
    #expect(missing.first?.contains("artikel 9 staat niet in de gecodeerde tekst van 'test'") == true)
  }

  @Test("Een percentage rondt af op een veelvoud van een percentage (Regeling Wfsv art. 2.6), een bedrag niet")
  func percentageRounding() {
    let percentage = errors("Parameter het tarief is 17,90 %, bron \"test\".\nDe maanden is 7.\nHet heffingspercentage is (het tarief maal (de maanden gedeeld door 12)), naar beneden afgerond op een veelvoud van 0,01 % volgens artikel 1.")
    #expect(percentage.isEmpty)
    let amount = errors("De premie is het inkomen van de aanvrager, afgerond op een veelvoud van 0,01 % volgens artikel 1.")
    #expect(amount.count == 1 && amount.first?.contains("verwacht een percentage, maar dit is een bedrag per jaar") == true)
    let cents = errors("Parameter het tarief is 17,90 %, bron \"test\".\nHet deel is het tarief, afgerond op centen volgens artikel 1.")
    #expect(cents.count == 1 && cents.first?.contains("verwacht een bedrag of getal, maar dit is een percentage") == true)
  }

  @Test("Een afronding die de wet niet voorschrijft rust op een keuze die de regel noemt")
  func roundingByChoice() {
    func keuze(raakt: String) -> String {
      "```\n\n```keuze\nid: premie-centen\ntitel: t\nvraag: v\nalternatieven:\n- a\n- b\nkeuze: a\nreden: r\nbesloten door: Toetssteen\nstatus: open\nraakt: \(raakt)\n```\n\n```regels\n"
    }
    let rule = "De basis is het inkomen van de aanvrager.\nDe premie is de basis, afgerond op centen volgens keuze premie-centen."
    #expect(errors(keuze(raakt: "premie") + rule).isEmpty)
    let other = errors(keuze(raakt: "basis") + rule)
    #expect(other.count == 1 && other.first?.contains("rust op keuze 'premie-centen', maar die keuze noemt 'premie' niet onder 'raakt'") == true)
    let misspelt = keuze(raakt: "premie") + rule.replacingOccurrences(of: "premie-centen.", with: "premie-cent.")
    let text = RegulationFixture.header(code: "test") + "## Artikel 1\n\n```regels\n" + misspelt + "\n```\n"
    let unknown = RegulationFixture.compile(["t.md": text]).diagnostics.filter(\.isError)
    #expect(unknown.map(\.message.id) == ["afronding.keuze-onbekend"])
    #expect(unknown.first?.message.text.hasSuffix("heeft geen interpretatiekeuze met die id") == true)
    #expect(unknown.first?.notes.map(\.text) == ["bedoelt u 'premie-centen'?"])
  }

  @Test("Een bedrag als getal in een formule, en een getal als bedrag, zonder de truc van € 1")
  func euroConversions() {
    let formula = """
      Parameter de factor is 0,0001.
      De waarde Y is de getalswaarde in euro's van het inkomen van de aanvrager.
      De uitkomst is de factor maal de waarde Y maal de waarde Y.
      De maandhuur is het bedrag in euro's per maand van de uitkomst, naar boven afgerond op centen volgens artikel 1.
      Uitvoer test.maandhuur is de maandhuur.
      """
    #expect(errors(formula).isEmpty)
    let notAnAmount = errors("De waarde is de getalswaarde in euro's van 5.")
    #expect(notAnAmount.first?.contains("verwacht een bedrag") == true)
    let notANumber = errors("De huur is het bedrag in euro's per maand van het inkomen van de aanvrager.")
    #expect(notANumber.count == 1)
    let mixed = errors("De som is het bedrag in euro's per maand van 5 vermeerderd met het inkomen van de aanvrager.")
    #expect(mixed.first?.contains("bedrag per maand en bedrag per jaar hebben een andere periode") == true)
  }

  @Test("Een gegeven van een persoon vraagt om een persoon")
  func personAttribute() {
    let e = errors("De premie is het inkomen.")
    #expect(e.first?.contains("'inkomen' hoort bij een persoon") == true)
  }

  @Test("Enumeratiewaarden worden gecontroleerd")
  func enumerations() {
    let e = errors("Het huishouden heeft een huwelijk indien het partnerschap is 'getrouwd'.")
    #expect(e.first?.contains("'getrouwd' is geen waarde van 'partnerschap'") == true)
  }

  @Test("Twee waarden voor dezelfde parameter op dezelfde dag")
  func parameterOverlap() {
    let e = errors("Parameter de grens is een bedrag:\n  - vanaf 2025-01-01: € 5, bron \"a\";\n  - vanaf 2025-01-01: € 6, bron \"b\".")
    #expect(e.contains { $0.contains("parameter 'grens' heeft twee waarden op 2025-01-01") })
  }

  @Test("Een uitzondering moet een regel in het genoemde artikel vinden")
  func exceptionTarget() {
    let e = errors("In afwijking van artikel 7 is de premie € 0 indien het partnerschap is 'gehuwd'.")
    #expect(e.contains { $0.contains("in afwijking van artikel 7: daar staat geen regel voor 'premie'") })
  }
}

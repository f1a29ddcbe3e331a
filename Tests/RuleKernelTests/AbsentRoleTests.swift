import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import RuleKernel
import TestSupport
import Testing

/// `hij is de partner` in a household without a partner: nobody is the partner, so the condition is
/// false, in the reference evaluator as in the kernel. Only a fact *of* the absent partner leaves an
/// outcome undecided. (Until December 2026 the reference called the identity itself undecided while the
/// kernel read it as false; the AOW partnertoeslag attributed to the pensioner of a couple showed it.)
@Suite("Een rol die het huishouden niet heeft")
struct AbsentRoleTests {
  static let law = RegulationFixture.header(code: "test", until: nil) + """
    ## Artikel 1

    ```regels
    De ouderdomsgrens is 67 jaar.
    Een persoon is paarlid indien aan ten minste één van de volgende voorwaarden is voldaan:
      - hij is de aanvrager;
      - hij is de partner.
    Het deel van een persoon is € 10 per maand indien hij is paarlid en de leeftijd van de persoon op de peildatum is ten minste de ouderdomsgrens.
    Anders is het deel van een persoon € 0 per maand.
    Het totaal is de som van het deel van de personen.
    Uitvoer test.totaal is het totaal.
    Het partnerdeel is € 5 per maand indien de leeftijd van de partner op de peildatum is ten minste de ouderdomsgrens.
    Anders is het partnerdeel € 0 per maand.
    Uitvoer test.partnerdeel is het partnerdeel.
    Het buitendeel van een persoon is € 1 per maand indien hij is niet de aanvrager en hij is niet de partner.
    Anders is het buitendeel van een persoon € 0 per maand.
    Het buitentotaal is de som van het buitendeel van de personen.
    Uitvoer test.buiten is het buitentotaal.
    ```
    """

  @Test("Zonder partner is niemand de partner: de medebewoner telt niet mee, kernel en referentie gelijk; een gegeven van de partner blijft onbepaald")
  func identityWithoutPartner() throws {
    let day = CivilDate(iso: "2025-03-01")!
    let documents = [
      // Without a partner: an old medebewoner is neither aanvrager nor partner.
      #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1950-01-01"}, {"rol": "medebewoner", "geboortedatum": "1940-01-01"}]}"#,
      // With a partner: both old, both count.
      #"{"partnerschap": "gehuwd", "personen": [{"rol": "aanvrager", "geboortedatum": "1950-01-01"}, {"rol": "partner", "geboortedatum": "1948-01-01"}, {"rol": "medebewoner", "geboortedatum": "1940-01-01"}]}"#,
    ]
    let fixture = try KernelFixture(["test.md": Self.law], documents: documents, on: day)
    let (program, households, results) = (fixture.program, fixture.households, fixture.results)
    let total = try #require(results.index(of: "test.totaal")), partner = try #require(results.index(of: "test.partnerdeel"))
    let outside = try #require(results.index(of: "test.buiten"))
    for (h, cents) in [(0, Int64(1_000)), (1, 2_000)] {
      let evaluator = Evaluator(program: program, household: households[h])
      #expect(try evaluator.value(of: SymbolID(law: "test", name: "totaal"), on: day).get() == .number(Rational(Int(cents)) / 100))
      #expect(results.isDecided(total, h) && results.cents[total][h] == cents)
      // `hij is niet de partner`: true for the medebewoner, with or without a partner; only he counts.
      #expect(try evaluator.value(of: SymbolID(law: "test", name: "buitentotaal"), on: day).get() == .number(Rational(1)))
      #expect(results.isDecided(outside, h) && results.cents[outside][h] == 100)
    }
    // A fact of the absent partner: undecided, naming the partner, in both.
    let alone = Evaluator(program: program, household: households[0])
    guard case .failure(.absentPerson(let who, _)) = alone.value(of: SymbolID(law: "test", name: "partnerdeel"), on: day) else {
      Issue.record("verwacht: onbepaald omdat de partner ontbreekt")
      return
    }
    #expect(who == "de partner")
    #expect(!results.isDecided(partner, 0))
    #expect(results.isDecided(partner, 1) && results.cents[partner][1] == 500)
  }
}

import ExactArithmetic
import ReferenceEvaluator
import RuleIR
import Testing
import TestSupport

/// The outcomes of the default logic: a value, "no rule applies" and "two rules conflict" are all
/// defined, and the undecided ones name the articles.
@Suite("Uitzonderingen, hiaten en tegenstrijdigheden")
struct DefaultLogicTests {
  static let law = RegulationFixture.header(code: "test") + """
    ## Artikel 1

    ```regels
    De toeslag is € 100 indien het inkomen van de aanvrager bedraagt minder dan € 20.000.
    De toeslag is € 50 indien het inkomen van de aanvrager bedraagt ten minste € 15.000 en het inkomen van de aanvrager bedraagt ten hoogste € 30.000.
    ```

    ## Artikel 2

    ```regels
    In afwijking van artikel 1 is de toeslag € 0 indien het vermogen van de aanvrager bedraagt meer dan € 50.000.
    ```

    ## Artikel 3

    ```regels
    Een persoon is rijk indien zijn vermogen bedraagt meer dan € 50.000.
    Het huishouden heeft een lage huur indien de huur van het huishouden bedraagt minder dan € 500 en het partnerschap is 'gehuwd'.
    ```
    """

  func evaluate(_ json: String, _ name: String) throws -> Result<Value, Undecided> {
    let (program, diagnostics) = RegulationFixture.compile(["test.md": Self.law])
    let p = try #require(program, "\(RegulationFixture.errors(diagnostics))")
    let household = try RegulationFixture.household(json, program: p)
    return Evaluator(program: p, household: household).value(of: SymbolID(law: "test", name: name), on: CivilDate(iso: "2025-06-01")!)
  }

  func person(_ fields: String) -> String {
    "{\"personen\": [{\"rol\": \"aanvrager\", \"geboortedatum\": \"1980-01-01\"\(fields)}]}"
  }

  @Test("Eén regel van toepassing geeft haar waarde")
  func single() throws {
    #expect(try evaluate(person(", \"toetsingsinkomen\": \"10000\""), "toeslag") == .success(.number(Rational(100))))
  }

  @Test("Twee regels tegelijk van toepassing is een tegenstrijdigheid die beide artikelen noemt")
  func conflict() throws {
    guard case .failure(.conflict(_, _, let rules)) = try evaluate(person(", \"toetsingsinkomen\": \"17000\""), "toeslag") else {
      Issue.record("verwacht een tegenstrijdigheid")
      return
    }
    #expect(rules.map(\.short) == ["TEST art. 1", "TEST art. 1"])
  }

  @Test("Geen regel van toepassing is een hiaat, geen stilzwijgende nul")
  func gap() throws {
    guard case .failure(.noRule(let id, _, let considered)) = try evaluate(person(", \"toetsingsinkomen\": \"40000\""), "toeslag") else {
      Issue.record("verwacht: geen regel van toepassing")
      return
    }
    #expect(id.name == "toeslag")
    #expect(considered.count == 3)
  }

  @Test("Een uitzondering gaat voor de regels waarvan ze afwijkt, ook als die elkaar tegenspreken")
  func exceptionWins() throws {
    #expect(try evaluate(person(", \"toetsingsinkomen\": \"17000\", \"vermogen\": \"60000\""), "toeslag") == .success(.number(.zero)))
  }

  @Test("Een kenmerk waarvoor geen regel geldt, is onwaar")
  func closedWorldKenmerk() throws {
    let p = try #require(RegulationFixture.compile(["test.md": Self.law]).program)
    let household = try RegulationFixture.household(person(", \"vermogen\": \"10\""), program: p)
    let e = Evaluator(program: p, household: household)
    #expect(e.value(of: SymbolID(law: "test", name: "lage huur"), on: CivilDate(iso: "2025-06-01")!) == .success(.boolean(false)))
  }

  @Test("Onwaar beslist 'en', ook als een ander deel een ontbrekend gegeven nodig heeft")
  func kleeneAnd() throws {
    // Not married: the missing rent does not matter.
    #expect(try evaluate(person(""), "lage huur") == .success(.boolean(false)))
    // Married: the rent is needed and missing, so the outcome names the field.
    let married = "{\"partnerschap\": \"gehuwd\", \"personen\": [{\"rol\": \"aanvrager\", \"geboortedatum\": \"1980-01-01\"}]}"
    guard case .failure(.missingFact(let field, _, let citation)) = try evaluate(married, "lage huur") else {
      Issue.record("verwacht een ontbrekend gegeven")
      return
    }
    #expect(field == "woning.rekenhuur")
    #expect(citation.artikel == "3")
  }
}

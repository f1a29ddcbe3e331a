import Analyses
import ExactArithmetic
import Foundation
import Population
import Reports
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// Who sits where in the income distribution (`inkomensverdeling` in the validation file): the model's
/// households per decile of standardised net income by type beside the published table, and the
/// malformed tables that are refused.
@Suite("Inkomensverdeling naar huishoudtype")
struct DecileCompositionTests {
  static let specPath = Repository.root.appendingPathComponent("Scenarios/validatie.yaml").path
  static let date = CivilDate(iso: "2025-07-01")!

  @Test("tien even grote decielen, aandelen die optellen tot één, alleenstaanden onderaan vaker dan bovenaan, en een tabel in het rapport")
  func composition() throws {
    let engine = Repository.engine
    let spec = try ValidationSpec.load(path: Self.specPath, outputs: Set(engine.program.allOutputIDs))
    let table = try #require(spec.inkomensverdeling)
    var s = PopulationValidationTests.scenario
    s.zaad = 3
    let p = Generator(scenario: s, program: engine.program, date: Self.date).generate(count: 5_000, threads: 2)
    let outcomes = Outcomes.compute(program: engine.program, population: p, date: Self.date, threads: 2)
    let d = try #require(DecileComposition(p, outcomes: outcomes, scenario: s, table: table))
    #expect(d.types == [.alleenstaand, .eenouder, .paarZonderKinderen, .paarMetKinderen, .metMedebewoners])
    #expect(d.model.count == 10 && d.published.count == 10)
    for decile in 0..<10 {
      #expect(d.model[decile].reduce(Rational(0), +) == Rational(1), "deciel \(decile + 1)")
      #expect(d.published[decile].reduce(Rational(0), +) == Rational(1))
    }
    // The published table: two in three households of the lowest decile live alone, one in six of the highest.
    #expect(d.published[0][0] > Rational(numerator: 66, denominator: 100) && d.published[9][0] < Rational(numerator: 17, denominator: 100))
    #expect(d.model[0][0] > d.model[9][0] * 2)
    // Over all deciles: each type's size on both sides; the undecided per type are named, not hidden.
    #expect(d.overall.model.reduce(Rational(0), +) == Rational(1) && d.overall.published.reduce(Rational(0), +) == Rational(1))
    #expect(d.undecided.count == 5 && d.undecided.allSatisfy { $0 >= Rational(0) && $0 < Rational(1) })
    // Two types only: both sides divide by the households of those types.
    var two = table
    two.typen = ["alleenstaand", "paar met kinderen"]
    two.decielen = table.decielen.map { [$0[0], $0[3]] }
    let pair = try #require(DecileComposition(p, outcomes: outcomes, scenario: s, table: two))
    #expect(pair.model.allSatisfy { $0.reduce(Rational(0), +) == Rational(1) } && pair.published.allSatisfy { $0.reduce(Rational(0), +) == Rational(1) })
    // Without equivalence factors there is nothing to rank by; an unknown output gives nothing either.
    var flat = s
    flat.wonen.huurNaarInkomen = nil
    #expect(DecileComposition(p, outcomes: outcomes, scenario: flat, table: table) == nil)
    let unranked = try PopulationValidation.run(engine: engine, spec: spec, scenario: flat, variants: [], households: 500, seeds: [1], threads: 2)
    #expect(unranked.deciles == nil)
    #expect(unranked.missing.contains { $0.hasPrefix("Inkomensverdeling: de tabel naar deciel en huishoudtype is niet naast het model gezet, want het scenario heeft geen equivalentiefactoren") })
    var other = table
    other.uitvoer = "bestaat.niet"
    #expect(DecileComposition(p, outcomes: outcomes, scenario: s, table: other) == nil)
    // The report: a section with ten rows, per type the model beside the table, the largest difference named.
    var v = try PopulationValidation.run(engine: engine, spec: spec, scenario: s, variants: [], households: 2_000, seeds: [1], threads: 2)
    #expect(v.deciles?.households ?? 0 > 1_900)
    v.deciles = d
    let markdown = MarkdownRenderer.render(ValidationReport.build(v, scenarioName: "s", specName: spec.naam))
    #expect(markdown.contains("## Wie zit waar in de inkomensverdeling: huishoudtypen per inkomensdeciel"))
    #expect(markdown.contains("| deciel | alleenstaand: model | alleenstaand: gepubliceerd | eenouder: model |"))
    #expect(markdown.contains("| 1e (laag) |") && markdown.contains("| 10e (hoog) |"))
    #expect(markdown.contains("Het grootste verschil per type: alleenstaand "))
  }

  @Test("een onbekend type, een rij te weinig of te veel, een negatief aantal, een leeg deciel, een onbekende uitvoer of sleutel wordt geweigerd")
  func refused() throws {
    let text = try String(contentsOfFile: Self.specPath, encoding: .utf8)
    func refusal(_ old: String, _ new: String) throws -> String {
      #expect(text.contains(old), "'\(old)' staat niet in het validatiebestand")
      let file = try Scratch.file("validatie", ext: "yaml", text.replacingOccurrences(of: old, with: new))
      defer { try? FileManager.default.removeItem(at: file) }
      do {
        _ = try ValidationSpec.load(path: file.path, outputs: Set(Repository.engine.program.allOutputIDs))
        return ""
      } catch { return "\(error)" }
    }
    let name = "inkomensverdeling"
    let types = "  typen: [alleenstaand, eenouder, paar zonder kinderen, paar met kinderen, met medebewoners]\n"
    #expect(try refusal(types, "  typen: [alleenstaande, eenouder, paar zonder kinderen, paar met kinderen, met medebewoners]\n")
      .contains("\(name): typen: 'alleenstaande' is geen huishoudtype van het model"))
    #expect(try refusal(types, "  typen: [alleenstaande, eenouder, paar zonder kinderen, paar met kinderen, met medebewoners]\n").contains("bedoelt u 'alleenstaand'?"))
    #expect(try refusal(types, "  typen: [alleenstaand, alleenstaand, paar zonder kinderen, paar met kinderen, met medebewoners]\n")
      .contains("\(name): typen: 'alleenstaand' staat er twee keer in"))
    #expect(try refusal("    - [1322, 214, 3187, 2963, 206]\n", "").contains("\(name): decielen: tien rijen, de laagste eerst, niet 9"))
    #expect(try refusal("    - [1322, 214, 3187, 2963, 206]\n", "    - [1322, 214, 3187, 2963]\n").contains("\(name): decielen[9]: één aantal per type (5), niet 4"))
    #expect(try refusal("    - [1322, 214, 3187, 2963, 206]\n", "    - [1322, -214, 3187, 2963, 206]\n").contains("\(name): decielen[9]: aantallen van 0 tot en met 1.000.000.000.000"))
    #expect(try refusal("    - [1322, 214, 3187, 2963, 206]\n", "    - [0, 0, 0, 0, 0]\n").contains("\(name): decielen[9]: een deciel zonder huishoudens"))
    #expect(try refusal("  uitvoer: netto.jaarinkomen\n", "  uitvoer: netto.jaarinkomn\n").contains("\(name): uitvoer 'netto.jaarinkomn' bestaat niet; bedoelt u 'netto.jaarinkomen'?"))
    #expect(try refusal("  jaar: 2020\n  uitvoer: netto", "  jaar: 2020\n  jar: 2020\n  uitvoer: netto").contains("bedoelt u 'jaar'?"))
    #expect(try refusal("  jaar: 2020\n  uitvoer: netto", "  jaar: 20200\n  uitvoer: netto").contains("\(name): jaar: een jaar van 1900 tot en met 2199, niet 20200"))
  }
}

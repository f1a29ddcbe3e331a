import ExactArithmetic
import Population
import RuleIR
import RuleKernel
import TestSupport
import Testing
import Toetssteen

/// The SQL backend's text: every output of the regulations is in it, in both dialects, with its
/// reason column, and the text depends only on the rules and the date. That the query computes what
/// the kernel computes is proven by running it (Tests/sql/check-sql.sh, in CI, on DuckDB and Spark).
@Suite("SQL uit het kernelprogramma")
struct SQLSourceTests {
  static let engine = Repository.engine

  static func source(_ date: String, _ dialect: SQLDialect) throws -> SQLSource {
    let day = CivilDate(iso: date)!
    let fields = engine.tableFields(scenario: DifferentialTests.scenario, date: day)
    return try engine.sql(date: day, dialect: dialect, fields: fields, header: ["test"])
  }

  @Test("Iedere uitvoer staat in de query, met een reden, in beide dialecten", arguments: SQLDialect.allCases)
  func everyOutput(dialect: SQLDialect) throws {
    let source = try Self.source("2026-01-01", dialect)
    #expect(source.unsupported.isEmpty, "\(source.unsupported)")
    let ids = Self.engine.program.outputs(on: CivilDate(iso: "2026-01-01")!).map(\.id)
    #expect(source.outputColumns.map(\.id) == ids)
    for (column, _) in source.outputColumns {
      #expect(source.text.contains(" AS \(column)\n") || source.text.contains(" AS \(column),"), "kolom \(column)")
      #expect(source.text.contains(" AS \(column)_reden"))
    }
    // Never binary floating point.
    for word in ["DOUBLE", "FLOAT", "REAL"] { #expect(!source.text.uppercased().contains(" \(word)")) }
  }

  @Test("Dezelfde regels en datum geven dezelfde tekst")
  func deterministic() throws {
    #expect(try Self.source("2025-07-01", .duckdb).text == (try Self.source("2025-07-01", .duckdb).text))
    #expect(try Self.source("2025-07-01", .spark).text != (try Self.source("2025-07-01", .duckdb).text))
  }

  @Test("Geen stap berekent meer dan 48 kolommen, en iedere kolom wordt berekend voor ze gelezen wordt")
  func narrowSteps() throws {
    let text = try Self.source("2025-07-01", .spark).text
    var defined = Set<String>()
    var steps = 0
    for step in text.components(separatedBy: " AS (\n").dropFirst() {
      let body = step.components(separatedBy: "\n)").first ?? ""
      let made = body.matches(of: /AS ([vs]\d+)\b/).map { String($0.1) }
      // Spark compiles a step to one Java method of at most 64 KB; wider steps ran interpreted.
      #expect(made.filter { $0.hasPrefix("v") }.count <= 48, "een stap met \(made.count) kolommen")
      let read = Set(body.matches(of: /\b[hp]\.([vs]\d+)\b/).map { String($0.1) })
      #expect(read.isSubset(of: defined), "gelezen voor berekend: \(read.subtracting(defined).sorted().prefix(5))")
      defined.formUnion(made)
      steps += 1
    }
    #expect(steps > 100)
  }

  @Test("Iedere rekenstap heet naar een regel en noemt in een commentaar de definities met hun artikel")
  func stepsNamedAfterRules() throws {
    let text = try Self.source("2025-07-01", .duckdb).text
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let known = Set(Self.engine.program.symbols.keys.map { SQLSource.identifier(forRule: $0.description) })
    var named = 0
    var withArticle = 0
    for (i, line) in lines.enumerated() {
      guard let m = line.wholeMatch(of: /((?:huishouden|persoon)_stap_[1-9]\d*(?:_\d+)?)_([a-z0-9_]+) AS \(/) else { continue }
      named += 1
      #expect(known.contains(String(m.2)), "\(m.2) is geen definitie")
      // The comment above names the step, then definitions as `wet.naam (Afkorting art. N …)`.
      let comment = lines[i - 1]
      #expect(comment.hasPrefix("-- \(m.1)_\(m.2): "), "\(comment)")
      #expect(comment.contains(" ("), "\(comment)")
      if comment.contains(" art. ") { withArticle += 1 }
    }
    // Every step after the inputs is named after a rule; the rules that matter most are found by name.
    let unnamed = lines.filter { $0.wholeMatch(of: /(?:huishouden|persoon)_stap_[1-9]\d*(?:_\d+)? AS \(/) != nil }
    #expect(unnamed.isEmpty, "\(unnamed.prefix(3))")
    #expect(named > 100)
    // Definitions without an article are the netto composition and a few Pw rules that cite the law only.
    #expect(withArticle * 10 >= named * 8, "\(withArticle) van \(named) met een artikel")
    #expect(text.contains("zorgtoeslag.normpremie (Wzt art. 2"), "de normpremie met haar artikel")
  }

  @Test("Een regelnaam wordt een SQL-naam: kleine letters, cijfers en enkele liggende streepjes")
  func identifiers() {
    #expect(SQLSource.identifier(forRule: "aow.gezamenlijke huishouding") == "aow_gezamenlijke_huishouding")
    #expect(SQLSource.identifier(forRule: "inkomstenbelasting.spaar-en-beleggingsgrondslag") == "inkomstenbelasting_spaar_en_beleggingsgrondslag")
    #expect(SQLSource.identifier(forRule: "bijstand.één  ouder") == "bijstand_een_ouder")
    #expect(SQLSource.identifier(forRule: "x.\(String(repeating: "a", count: 47))_b").count <= 48)
    #expect(!SQLSource.identifier(forRule: "x.\(String(repeating: "a", count: 46))__b").hasSuffix("_"))
  }

  @Test("Zonder velden geen kolommen; een punt in een veld wordt een liggend streepje")
  func columnNames() throws {
    let fields = PopulationSchema(householdFields: [], personFields: [])
    let schema = try SQLTableSchema(program: Self.engine.program, fields: fields)
    #expect(schema.household.isEmpty && schema.person.isEmpty)
    #expect(SQLTableSchema.columnName("woning.rekenhuur") == "woning_rekenhuur")
  }
}

import ExactArithmetic
import HouseholdModel
import LegalSource
import RuleIR
import Toetssteen

/// The compiled rules as JSON, for other tools: every law version with its definitions and rules
/// (conditions and values as expression trees), the facts of the household model, the parameters
/// with every value over time, the enumerations, and the interpretation decisions with the rules they
/// affect. Versioned: the document names its format and
/// version, and `Schemas/toetssteen-ir-1.schema.json` describes it.
///
/// Numbers are exact decimal strings (`"0.071"`) or, when they have no finite decimal expansion,
/// fractions (`"1/3"`). Every rule and value carries its citation (wet, artikel, lid, onderdeel,
/// Juriconnect identifier).
public enum IRExport {
  public static let format = "toetssteen-ir"
  public static let version = "1.0"

  public static func document(_ program: Program) -> JSONValue {
    let laws = program.laws.sorted(by: { $0.key < $1.key }).map { code, versions in law(code, versions, program) }
    let facts = program.facts.values.sorted { $0.id < $1.id }.map { f in
      JSONValue.ordered([
        ("wet", .string(f.id.law)), ("naam", .string(f.id.name)), ("onderwerp", .string(f.subject.rawValue)),
        ("type", type(f.type)), ("veld", .string(f.field)), ("herkomst", .string(f.origin)), ("opgave", .bool(f.isDeclared)),
        ("standaard", f.defaultValue.map(value) ?? .null), ("bron", citation(f.citation)),
      ])
    }
    let parameters = program.parameters.values.sorted { $0.id < $1.id }.map { p in
      JSONValue.ordered([
        ("wet", .string(p.id.law)), ("naam", .string(p.id.name)), ("type", type(p.type)), ("bron", citation(p.citation)),
        ("delegatie", p.delegation.map { .string($0) } ?? .null),
        ("waarden", .array(p.values.map { v in
          JSONValue.ordered([
            ("vanaf", .string(v.from.iso)), ("tot", v.until.map { .string($0.iso) } ?? .null), ("waarde", value(v.value)),
            ("bron", citation(v.citation)), ("vindplaats", v.source.map { .string($0) } ?? .null),
          ])
        })),
      ])
    }
    let decisions = program.decisions.map { d in
      JSONValue.ordered([
        ("id", .string(d.id)), ("titel", .string(d.title)), ("vraag", .string(d.question)),
        ("alternatieven", .array(d.alternatives.map { .string($0) })), ("keuze", .string(d.choice)), ("reden", .string(d.reason)),
        ("beslotenDoor", .string(d.decidedBy)), ("status", .string(d.status.rawValue)), ("bron", citation(d.citation)),
        ("raakt", .array(d.affects.map { .ordered([("wet", .string($0.law)), ("naam", .string($0.name))]) })),
      ])
    }
    let enums = program.enumerations.sorted(by: { $0.key < $1.key }).map { name, values in (name, JSONValue.array(values.map { .string($0) })) }
    return JSONValue.ordered([
      ("formaat", .string(format)), ("versie", .string(version)), ("schema", .string("Schemas/toetssteen-ir-1.schema.json")),
      ("wetten", .array(laws)), ("gegevens", .array(facts)), ("parameters", .array(parameters)), ("enumeraties", JSONValue.ordered(enums)),
      ("keuzes", .array(decisions)),
    ])
  }

  static func law(_ code: String, _ versions: [LawVersion], _ program: Program) -> JSONValue {
    let first = versions[0]
    return JSONValue.ordered([
      ("code", .string(code)), ("titel", .string(first.title)), ("citeertitel", .string(first.shortTitle)), ("bwb", .string(first.bwb)),
      ("versies", .array(versions.map { v in
        JSONValue.ordered([
          ("toestand", .string(v.toestand.iso)), ("geldigVanaf", .string(v.validFrom.iso)), ("geldigTot", v.validUntil.map { .string($0.iso) } ?? .null),
          ("bron", .string(v.source)), ("bestand", .string(v.path)),
          ("uitvoer", .array(v.outputs.map { o in
            JSONValue.ordered([("id", .string(o.id)), ("definitie", .string(o.symbol.name)), ("soort", .string(o.kind.rawValue)), ("bron", citation(o.citation))])
          })),
          ("parameters", .array(v.declaredParameters.sorted().map { .string($0.name) })),
          ("definities", .array(v.definitions.sorted(by: { $0.key < $1.key }).map { definition($0.value) })),
        ])
      })),
    ])
  }

  static func definition(_ d: Definition) -> JSONValue {
    JSONValue.ordered([
      ("naam", .string(d.id.name)), ("onderwerp", .string(d.subject.rawValue)), ("type", type(d.type)),
      ("regels", .array(d.rules.map { r in
        let body: JSONValue
        switch r.body {
        case .value(let e): body = JSONValue.ordered([("soort", .string("waarde")), ("expressie", expression(e))])
        case .kenmerk(let b): body = JSONValue.ordered([("soort", .string("kenmerk")), ("waarde", .bool(b))])
        case .notFormalised(let reason): body = JSONValue.ordered([("soort", .string("niet geformaliseerd")), ("reden", .string(reason))])
        }
        return JSONValue.ordered([
          ("index", .number(String(r.index))), ("bron", citation(r.citation)), ("tekst", .string(r.text)),
          ("voorwaarde", r.condition.map(expression) ?? .null), ("uitkomst", body),
          ("gaatVoorOp", .array(r.overrides.map { .number(String($0)) })), ("wijktAfVan", .array(r.deviatesFrom.map(citation))),
          ("terugval", .bool(r.isFallback)),
        ])
      })),
    ])
  }

  public static func citation(_ c: Citation) -> JSONValue {
    JSONValue.ordered([
      ("bwb", .string(c.bwb)), ("wet", .string(c.title)), ("artikel", c.artikel.map { .string($0) } ?? .null),
      ("lid", c.lid.map { .string($0) } ?? .null), ("onderdeel", c.onderdeel.map { .string($0) } ?? .null),
      ("versie", c.version.map { .string($0.iso) } ?? .null), ("jci", .string(c.jci)),
    ])
  }

  static func type(_ t: RuleType) -> JSONValue {
    switch t {
    case .money(let p): return JSONValue.ordered([("soort", .string("bedrag")), ("periode", .string(p.rawValue))])
    case .enumeration(let name): return JSONValue.ordered([("soort", .string("enumeratie")), ("naam", .string(name))])
    case .percentage: return JSONValue.ordered([("soort", .string("percentage"))])
    case .number: return JSONValue.ordered([("soort", .string("getal"))])
    case .date: return JSONValue.ordered([("soort", .string("datum"))])
    case .duration: return JSONValue.ordered([("soort", .string("duur"))])
    case .boolean: return JSONValue.ordered([("soort", .string("kenmerk"))])
    case .person: return JSONValue.ordered([("soort", .string("persoon"))])
    case .persons: return JSONValue.ordered([("soort", .string("personen"))])
    }
  }

  /// An exact number: a decimal string when it has a finite expansion, else `n/d` (never rounded).
  static func number(_ r: Rational) -> String { r.exactString }

  static func value(_ v: Value) -> JSONValue {
    switch v {
    case .number(let r): return JSONValue.ordered([("getal", .string(number(r)))])
    case .boolean(let b): return JSONValue.ordered([("kenmerk", .bool(b))])
    case .date(let d): return JSONValue.ordered([("datum", .string(d.iso))])
    case .duration(let d): return JSONValue.ordered([("jaren", .number(String(d.years))), ("maanden", .number(String(d.months))), ("dagen", .number(String(d.days)))])
    case .enumCase(let s): return JSONValue.ordered([("enumeratiewaarde", .string(s))])
    case .person(let i): return JSONValue.ordered([("persoon", .number(String(i)))])
    case .persons(let list): return JSONValue.ordered([("personen", .array(list.map { .number(String($0)) }))])
    }
  }
}

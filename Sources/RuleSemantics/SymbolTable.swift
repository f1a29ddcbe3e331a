import ExactArithmetic
import LegalSource
import LegalText
import RuleIR
import RuleSyntax

/// A statement together with the article it stands under.
struct Located<T> {
  let value: T
  let citation: Citation
}

/// A rule statement or a `Niet geformaliseerd` statement, both of which define a name.
enum RuleEntry {
  case rule(RuleSyntax)
  case notFormalised(Name, SubjectSyntax, ConditionSyntax, reason: String, SourceRange)
  /// A rule with a syntax error after its head: it declares the name, and its definition fails quietly.
  case unparsed(SubjectSyntax, SourceRange)

  var range: SourceRange {
    switch self {
    case .rule(let r): return r.range
    case .notFormalised(_, _, _, _, let r), .unparsed(_, let r): return r
    }
  }

  var subject: SubjectSyntax {
    switch self {
    case .rule(let r): return r.subject
    case .notFormalised(_, let s, _, _, _), .unparsed(let s, _): return s
    }
  }

  var isUnparsed: Bool {
    if case .unparsed = self { return true }
    return false
  }
}

/// What one document (one version of one regulation) declares, gathered before anything is checked.
final class VersionInfo {
  let document: LegalDocument
  var header: RegulationHeader { document.header }
  var law: String { header.code }
  /// Imported names: key → the law they come from and the name as written.
  var imports: [String: (law: String, name: Name, until: CivilDate?)] = [:]
  var parameters: [String: Located<ParameterSyntax>] = [:]
  var rules: [String: [Located<RuleEntry>]] = [:]
  /// Rule targets in the order they first appear, for stable output.
  var ruleOrder: [String] = []
  var outputs: [Located<(id: String, name: Name, kind: OutputKind, range: SourceRange)>] = []
  var fills: [Located<(name: Name, law: String, value: ParameterValueSyntax, range: SourceRange)>] = []

  init(document: LegalDocument) { self.document = document }

  func isValid(on date: CivilDate) -> Bool { header.isValid(on: date) }
}

/// A position in a law: artikel, lid and onderdeel, for checking references.
struct ArticleKey: Hashable {
  let artikel: String?
  let lid: String?
  let onderdeel: String?
}

/// Pass 1 of the compiler: every declaration of every document, by law and by version, before any
/// name is resolved. Reports names declared twice and overlapping versions of one law.
struct SymbolTable {
  var versions: [String: [VersionInfo]] = [:]
  var facts: [String: Located<FactSyntax>] = [:]
  var factLaw: [String: String] = [:]
  var enumerations: [String: Located<(name: Name, values: [String], range: SourceRange)>] = [:]
  /// Every article position that has a heading, per law.
  var articles: [String: Set<ArticleKey>] = [:]
  /// A citation of the whole regulation, per law (from its newest version).
  var lawCitations: [String: Citation] = [:]

  init(documents: [(LegalDocument, [Located<StatementSyntax>])], diagnostics: inout DiagnosticEngine) {
    for (document, statements) in documents {
      let info = VersionInfo(document: document)
      let code = document.header.code
      for element in document.elements {
        if case .heading(_, _, let c, _) = element, c.artikel != nil {
          articles[code, default: []].insert(ArticleKey(artikel: c.artikel, lid: c.lid, onderdeel: c.onderdeel))
          articles[code, default: []].insert(ArticleKey(artikel: c.artikel, lid: c.lid, onderdeel: nil))
          articles[code, default: []].insert(ArticleKey(artikel: c.artikel, lid: nil, onderdeel: nil))
        }
      }
      for statement in statements { declare(statement, in: info, diagnostics: &diagnostics) }
      versions[code, default: []].append(info)
      lawCitations[code] = document.header.citation
    }
    for (code, list) in versions {
      let sorted = list.sorted { $0.header.validFrom < $1.header.validFrom }
      versions[code] = sorted
      for (a, b) in zip(sorted, sorted.dropFirst()) {
        let aEnd = a.header.validUntil
        if aEnd == nil || aEnd! > b.header.validFrom {
          diagnostics.emit(
            .overlappingVersions(code, from: b.header.validFrom.iso),
            at: b.header.ranges["geldig vanaf"], citation: b.header.citation,
            notes: [.init("de andere versie", range: a.header.ranges["geldig vanaf"])])
        }
      }
    }
  }

  mutating func declare(_ statement: Located<StatementSyntax>, in info: VersionInfo, diagnostics: inout DiagnosticEngine) {
    let c = statement.citation
    switch statement.value {
    case .use(let law, let names, let until, _):
      for n in names {
        if let existing = info.imports[n.key], existing.law != law {
          diagnostics.emit(.duplicateDeclaration(n.key, "naam uit '\(existing.law)'"), at: n.range, citation: c)
        }
        info.imports[n.key] = (law, n, until)
      }
    case .enumeration(let name, let values, let range):
      if enumerations[name.key] != nil {
        diagnostics.emit(.duplicateDeclaration(name.key, "enumeratie"), at: name.range, citation: c)
      }
      enumerations[name.key] = Located(value: (name, values, range), citation: c)
    case .fact(let f):
      if facts[f.name.key] != nil {
        diagnostics.emit(.duplicateDeclaration(f.name.key, "gegeven"), at: f.name.range, citation: c)
      }
      facts[f.name.key] = Located(value: f, citation: c)
      factLaw[f.name.key] = info.law
    case .parameter(let p):
      if info.parameters[p.name.key] != nil {
        diagnostics.emit(.duplicateDeclaration(p.name.key, "parameter"), at: p.name.range, citation: c)
      }
      info.parameters[p.name.key] = Located(value: p, citation: c)
    case .fill(let name, let law, let value, let range):
      info.fills.append(Located(value: (name, law, value, range), citation: c))
    case .output(let id, let name, let kind, let range):
      info.outputs.append(Located(value: (id, name, kind, range), citation: c))
    case .rule(let r):
      add(.rule(r), target: r.target, citation: c, to: info)
    case .notFormalised(let name, let subject, let condition, let reason, let range):
      add(.notFormalised(name, subject, condition, reason: reason, range), target: name, citation: c, to: info)
    case .unparsedRule(let name, let subject, let range):
      add(.unparsed(subject, range), target: name, citation: c, to: info)
    }
  }

  func add(_ entry: RuleEntry, target: Name, citation: Citation, to info: VersionInfo) {
    if info.rules[target.key] == nil { info.ruleOrder.append(target.key) }
    info.rules[target.key, default: []].append(Located(value: entry, citation: citation))
  }

  /// All law codes, sorted.
  var lawCodes: [String] { versions.keys.sorted() }

  /// Whether any version of `law` defines `key` (as rule or parameter).
  func lawDefines(_ law: String, _ key: String) -> Bool {
    versions[law]?.contains { $0.rules[key] != nil || $0.parameters[key] != nil } ?? false
  }

  /// The names any version of `law` defines.
  func names(in law: String) -> Set<String> {
    var out: Set<String> = []
    for v in versions[law] ?? [] {
      out.formUnion(v.rules.keys)
      out.formUnion(v.parameters.keys)
    }
    return out
  }

  /// Whether `reference` names a heading that exists in the encoded text of `law`.
  func articleExists(_ reference: ArticleReference, in law: String) -> Bool {
    articles[law]?.contains(ArticleKey(artikel: reference.artikel, lid: reference.lid, onderdeel: reference.onderdeel)) ?? false
  }
}

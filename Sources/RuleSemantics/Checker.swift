import ExactArithmetic
import LegalSource
import LegalText
import RuleIR
import RuleSyntax

/// Where an expression is checked: in which version of which law, under which article, and whether a
/// person (`hij`) is in scope.
struct Scope {
  let version: VersionInfo
  let citation: Citation
  var personBound: Bool

  var law: String { version.law }
}

/// What a name resolves to.
struct ResolvedName {
  let id: SymbolID
  let kind: SymbolKind
}

/// Pass 2 of the compiler: resolves every name, checks types and units, and builds the typed
/// definitions of every law version.
///
/// Types of definitions are inferred on demand (a rule may use a name defined further down, or in
/// another law), with a guard that reports circular definitions instead of recursing forever.
final class Checker {
  let table: SymbolTable
  var diagnostics = DiagnosticEngine()
  /// Typed definitions per version (identified by object) and name; `nil` marks a failed check.
  var definitions: [ObjectIdentifier: [String: Definition?]] = [:]
  var symbolInfo: [SymbolID: SymbolInfo] = [:]
  var failedSymbols: Set<SymbolID> = []
  /// Definitions being checked, innermost last, with the place that asked for them.
  var stack: [(SymbolID, SourceRange)] = []
  /// Whether a chain deeper than ``maxDefinitionDepth`` has been reported (once is enough).
  var reportedDepth = false
  /// Per definition being built, the deepest chain it rests on so far; per definition built, its depth.
  var depthStack: [Int] = []
  var definitionDepth: [SymbolID: Int] = [:]
  var reportedCycles: Set<[SymbolID]> = []
  let birthDateFact: SymbolID?

  init(table: SymbolTable) {
    self.table = table
    if table.facts["geboortedatum"] != nil, let law = table.factLaw["geboortedatum"] {
      birthDateFact = SymbolID(law: law, name: "geboortedatum")
    } else {
      birthDateFact = nil
    }
  }

  func emit(_ message: DiagnosticMessage, at range: SourceRange?, _ scope: Scope, notes: [Diagnostic.Note] = []) {
    diagnostics.emit(message, at: range, citation: scope.citation, notes: notes)
  }

  // MARK: Name resolution

  /// Resolves a name in a version: its own rules and parameters, then its imports, then the facts of
  /// the household model.
  func resolve(_ name: Name, _ scope: Scope, report: Bool = true) -> ResolvedName? {
    let key = name.key
    let version = scope.version
    var found: [ResolvedName] = []
    if version.rules[key] != nil {
      found.append(ResolvedName(id: SymbolID(law: version.law, name: key), kind: .definition))
    } else if version.parameters[key] != nil {
      found.append(ResolvedName(id: SymbolID(law: version.law, name: key), kind: .parameter))
    } else if let imported = version.imports[key] {
      if let kind = lawSymbolKind(imported.law, key) {
        found.append(ResolvedName(id: SymbolID(law: imported.law, name: key), kind: kind))
      }
    }
    if table.facts[key] != nil, let law = table.factLaw[key] {
      found.append(ResolvedName(id: SymbolID(law: law, name: key), kind: .fact))
    }
    if found.count > 1 {
      if report { emit(.ambiguousName(key, "een regel of parameter", "een gegeven van het huishouden"), at: name.range, scope) }
      return found[0]
    }
    if let only = found.first { return only }
    if report {
      if let imported = version.imports[key] {
        let suggestion = Spelling.suggestion(for: key, among: table.names(in: imported.law))
        emit(.notInLaw(key, law: imported.law), at: name.range, scope, notes: .suggestion(suggestion))
      } else {
        emit(.unknownName(key), at: name.range, scope, notes: .suggestion(Spelling.suggestion(for: key, among: visibleNames(scope))))
      }
    }
    return nil
  }

  func lawSymbolKind(_ law: String, _ key: String) -> SymbolKind? {
    for v in table.versions[law] ?? [] {
      if v.rules[key] != nil { return .definition }
      if v.parameters[key] != nil { return .parameter }
    }
    return nil
  }

  func visibleNames(_ scope: Scope) -> [String] {
    Array(scope.version.rules.keys) + Array(scope.version.parameters.keys) + Array(scope.version.imports.keys)
      + Array(table.facts.keys)
  }

  // MARK: Symbol information

  /// Type, subject and quantum of a symbol, checking its definition if needed. `nil` when the symbol
  /// failed to check (already reported) or is part of a cycle.
  func info(_ id: SymbolID, kind: SymbolKind, from scope: Scope, at range: SourceRange) -> SymbolInfo? {
    if let known = symbolInfo[id] { return known }
    if failedSymbols.contains(id) { return nil }
    switch kind {
    case .fact: return factInfo(id)
    case .parameter: return parameterInfo(id, scope)
    case .definition:
      guard let version = preferredVersion(for: id, from: scope),
        let def = definition(id.name, in: version, requestedAt: range)
      else {
        return nil
      }
      let info = SymbolInfo(id: id, kind: .definition, subject: def.subject, type: def.type, quantum: def.quantum)
      symbolInfo[id] = info
      return info
    }
  }

  /// The version whose definition of `id` fixes its type: the scope's own version for a local name,
  /// otherwise the version of the other law that is valid when the scope's version starts.
  func preferredVersion(for id: SymbolID, from scope: Scope) -> VersionInfo? {
    if id.law == scope.law, scope.version.rules[id.name] != nil { return scope.version }
    let candidates = (table.versions[id.law] ?? []).filter { $0.rules[id.name] != nil }
    return candidates.first { $0.isValid(on: scope.version.header.validFrom) } ?? candidates.first
  }

  func reportCycle(_ members: [(SymbolID, SourceRange)], closingAt range: SourceRange) {
    let ids = members.map(\.0)
    let key = ids.sorted()
    guard reportedCycles.insert(key).inserted else { return }
    let chain = (ids + [ids[0]]).map { "'\($0.name)'" }.joined(separator: " → ")
    let notes = members.dropFirst().map { Diagnostic.Note("'\($0.0.name)' wordt hier gebruikt", range: $0.1) }
    let first = members[0].0
    let citation = table.versions[first.law]?.first { $0.rules[first.name] != nil }?.rules[first.name]?.first?.citation
    diagnostics.emit(.cycle(chain), at: range, citation: citation, notes: notes + [.init("en hier sluit de kring", range: members[0].1)])
    for id in ids { failedSymbols.insert(id) }
  }
}

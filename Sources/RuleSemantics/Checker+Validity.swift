import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

/// Time validity of names used across laws, the outputs, and circular definitions per period.
extension Checker {
  /// Every imported name must be defined by the other law on every day the importing version is valid.
  func checkImports() {
    for law in table.lawCodes {
      for version in table.versions[law] ?? [] {
        for (key, imported) in version.imports.sorted(by: { $0.key < $1.key }) {
          let scope = Scope(version: version, citation: version.header.citation, personBound: false)
          guard let others = table.versions[imported.law] else {
            emit(.useOfUnknownLaw(imported.law), at: imported.name.range, scope)
            continue
          }
          guard table.lawDefines(imported.law, key) else {
            emit(.notInLaw(key, law: imported.law), at: imported.name.range, scope, notes: .suggestion(Spelling.suggestion(for: key, among: table.names(in: imported.law))))
            continue
          }
          if let until = imported.until, until <= version.header.validFrom {
            // `Gebruik uit X tot D` with D before the version starts: the name could never be used.
            emit(.useEndsBeforeVersion(imported.law, until: until.iso, from: version.header.validFrom.iso), at: imported.name.range, scope)
            continue
          }
          if lawSymbolKind(imported.law, key) == .parameter { continue }
          let spans = others.filter { $0.rules[key] != nil }.map { ($0.header.validFrom, $0.header.validUntil) }
          // `Gebruik uit X tot D`: only the days before D need the other law.
          let end = [version.header.validUntil, imported.until].compactMap { $0 }.min()
          for gap in uncovered(from: version.header.validFrom, until: end, spans: spans) {
            emit(.importNotCovered(key, imported.law, from: gap.0.iso, until: gap.1.map { "tot \($0.iso)" } ?? "af"), at: imported.name.range, scope)
          }
        }
      }
    }
  }

  func uncovered(from: CivilDate, until: CivilDate?, spans: [(CivilDate, CivilDate?)]) -> [(CivilDate, CivilDate?)] {
    var cursor: CivilDate? = from
    var out: [(CivilDate, CivilDate?)] = []
    for (s, e) in spans.sorted(by: { $0.0 < $1.0 }) {
      guard let c = cursor else { break }
      if let until, s >= until { break }
      if let e, e <= c { continue }
      if s > c { out.append((c, s)) }
      cursor = e.map { max($0, c) }
    }
    if let c = cursor, until.map({ c < $0 }) ?? true { out.append((c, until)) }
    return out
  }

  /// Outputs: a household amount in whole cents, named after its law, declared once per version.
  func buildOutputs(_ version: VersionInfo) -> [OutputDeclaration] {
    var out: [OutputDeclaration] = []
    var seen: Set<String> = []
    for located in version.outputs {
      let (id, name, kind, range) = located.value
      let scope = Scope(version: version, citation: located.citation, personBound: false)
      guard seen.insert(id).inserted else {
        emit(.duplicateOutput(id), at: range, scope)
        continue
      }
      if !id.hasPrefix(version.law + ".") { emit(.outputPrefix(id, version.law), at: range, scope) }
      guard let resolved = resolve(name, scope), let info = info(resolved.id, kind: resolved.kind, from: scope, at: name.range)
      else { continue }
      guard info.subject == .household else {
        emit(.outputPerson(id), at: name.range, scope)
        continue
      }
      guard info.type.isMoney else {
        emit(.outputNotMoney(id, info.type), at: name.range, scope)
        continue
      }
      guard Quantum.isMultiple(info.quantum, of: Quantum.cent) else {
        emit(.outputNotWholeCents(id), at: name.range, scope)
        continue
      }
      out.append(OutputDeclaration(id: id, symbol: info.id, citation: located.citation, range: range, kind: kind))
    }
    return out
  }

  /// Circular definitions that arise only in some period (the versions valid together form a circle).
  func checkCycles(_ laws: [String: [LawVersion]]) {
    var boundaries: Set<CivilDate> = []
    for versions in laws.values {
      for v in versions {
        boundaries.insert(v.validFrom)
        if let u = v.validUntil { boundaries.insert(u) }
      }
    }
    for start in boundaries.sorted() {
      var edges: [SymbolID: [(SymbolID, SourceRange)]] = [:]
      for versions in laws.values {
        guard let v = versions.last(where: { $0.isValid(on: start) }) else { continue }
        for (id, def) in v.definitions {
          for rule in def.rules {
            var exprs: [TypedExpression] = rule.condition.map { [$0] } ?? []
            if case .value(let e) = rule.body { exprs.append(e) }
            for e in exprs {
              for (ref, node) in e.references where symbolInfo[ref]?.kind == .definition {
                edges[id, default: []].append((ref, node.range))
              }
            }
          }
        }
      }
      findCycles(edges)
    }
  }

  func findCycles(_ edges: [SymbolID: [(SymbolID, SourceRange)]]) {
    var state: [SymbolID: Int] = [:]
    var path: [(SymbolID, SourceRange)] = []
    func visit(_ id: SymbolID, _ via: SourceRange?) {
      if state[id] == 1 {
        if let start = path.firstIndex(where: { $0.0 == id }), let via { reportCycle(Array(path[start...]), closingAt: via) }
        return
      }
      if state[id] == 2 { return }
      state[id] = 1
      path.append((id, via ?? edges[id]?.first?.1 ?? path.last!.1))
      for (next, range) in edges[id] ?? [] { visit(next, range) }
      path.removeLast()
      state[id] = 2
    }
    for id in edges.keys.sorted() where state[id] == nil {
      if let first = edges[id]?.first { visit(id, first.1) }
    }
  }

  /// Definitions ordered so that each follows everything it reads (over all versions together).
  func evaluationOrder(_ laws: [String: [LawVersion]]) -> [SymbolID] {
    var deps: [SymbolID: Set<SymbolID>] = [:]
    for versions in laws.values {
      for v in versions {
        for (id, def) in v.definitions {
          var set = deps[id] ?? []
          for rule in def.rules {
            var exprs: [TypedExpression] = rule.condition.map { [$0] } ?? []
            if case .value(let e) = rule.body { exprs.append(e) }
            for e in exprs {
              for (ref, _) in e.references where symbolInfo[ref]?.kind == .definition && ref != id { set.insert(ref) }
            }
          }
          deps[id] = set
        }
      }
    }
    var order: [SymbolID] = []
    var done: Set<SymbolID> = []
    var visiting: Set<SymbolID> = []
    func visit(_ id: SymbolID) {
      if done.contains(id) || visiting.contains(id) { return }
      visiting.insert(id)
      for d in (deps[id] ?? []).sorted() { visit(d) }
      visiting.remove(id)
      done.insert(id)
      order.append(id)
    }
    for id in deps.keys.sorted() { visit(id) }
    return order
  }
}

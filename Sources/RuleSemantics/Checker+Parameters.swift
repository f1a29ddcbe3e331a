import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

/// Parameters over time: gathers the values a law writes in its articles and those its delegated
/// regulations fill in, checks their types, and checks that on every day a declaring version is valid
/// the parameter has exactly one value.
extension Checker {
  func buildParameters() -> [SymbolID: ParameterDeclaration] {
    var values: [SymbolID: [ParameterValue]] = [:]
    var declarations: [SymbolID: Located<ParameterSyntax>] = [:]
    var declaringVersions: [SymbolID: [VersionInfo]] = [:]
    var delegation: [SymbolID: String] = [:]
    for law in table.lawCodes {
      for version in table.versions[law] ?? [] {
        for (key, decl) in version.parameters {
          let id = SymbolID(law: law, name: key)
          if declarations[id] == nil { declarations[id] = decl }
          declaringVersions[id, default: []].append(version)
          if case .delegated(let text) = decl.value.value { delegation[id] = text }
          // A rule that did not parse (its own error is reported) does not make the parameter a duplicate.
          if version.rules[key]?.contains(where: { !$0.value.isUnparsed }) == true {
            diagnostics.emit(.duplicateDeclaration(key, "regel"), at: decl.value.name.range, citation: decl.citation)
          }
          let scope = Scope(version: version, citation: decl.citation, personBound: false)
          guard let info = parameterInfo(id, scope) else { continue }
          values[id, default: []] += expand(decl.value.value, info: info, version: version, citation: decl.citation)
        }
        for fill in version.fills {
          let id = SymbolID(law: fill.value.law, name: fill.value.name.key)
          let scope = Scope(version: version, citation: fill.citation, personBound: false)
          guard table.versions[id.law]?.contains(where: { $0.parameters[id.name] != nil }) == true,
            let info = parameterInfo(id, scope)
          else {
            emit(.fillWithoutDeclaration(id.name, id.law), at: fill.value.name.range, scope)
            continue
          }
          values[id, default: []] += expand(fill.value.value, info: info, version: version, citation: fill.citation)
        }
      }
    }
    var result: [SymbolID: ParameterDeclaration] = [:]
    for (id, decl) in declarations {
      guard let info = symbolInfo[id] else { continue }
      let sorted = (values[id] ?? []).sorted { $0.from < $1.from }
      for (a, b) in zip(sorted, sorted.dropFirst()) where a.until == nil || a.until! > b.from {
        diagnostics.emit(.parameterOverlap(id.name, on: b.from.iso), at: b.range, citation: b.citation, notes: [.init("de andere waarde", range: a.range)])
      }
      for version in declaringVersions[id] ?? [] {
        for gap in gaps(in: version.header.validFrom, version.header.validUntil, covered: sorted) {
          diagnostics.emit(
            .parameterGap(id.name, from: gap.0.iso, until: gap.1.map { "tot \($0.iso)" } ?? "af (zonder einde)"),
            at: version.parameters[id.name]?.value.name.range, citation: version.parameters[id.name]?.citation)
        }
      }
      result[id] = ParameterDeclaration(
        id: id, type: info.type, quantum: info.quantum, values: sorted, citation: decl.citation,
        range: decl.value.range, delegation: delegation[id])
    }
    return result
  }

  /// The dated values a declaration or fill gives, clipped to the validity of its document.
  func expand(_ syntax: ParameterValueSyntax, info: SymbolInfo, version: VersionInfo, citation: Citation) -> [ParameterValue] {
    let vFrom = version.header.validFrom
    let vUntil = version.header.validUntil
    func make(_ l: LiteralSyntax, _ from: CivilDate, _ until: CivilDate?, _ source: String?, _ range: SourceRange) -> ParameterValue? {
      guard let (value, type, q) = literal(l, expected: info.type, at: range, citation: citation) else { return nil }
      guard type.unified(with: info.type) != nil else {
        diagnostics.emit(.parameterTypeMismatch(info.id.name, info.type, type), at: range, citation: citation)
        return nil
      }
      return ParameterValue(from: from, until: until, value: value, quantum: q, citation: citation, source: source, range: range)
    }
    switch syntax {
    case .delegated: return []
    case .single(let l, let source, let r):
      return make(l, vFrom, vUntil, source, r).map { [$0] } ?? []
    case .table(let rows):
      var out: [ParameterValue] = []
      for (a, b) in zip(rows, rows.dropFirst()) where b.from <= a.from {
        diagnostics.emit(.parameterOverlap(info.id.name, on: b.from.iso), at: b.range, citation: citation, notes: [.init("de rij ervoor", range: a.range)])
      }
      for (i, row) in rows.enumerated() {
        let from = max(row.from, vFrom)
        var until = row.until ?? (i + 1 < rows.count ? rows[i + 1].from : nil)
        if let vUntil { until = until.map { min($0, vUntil) } ?? vUntil }
        if let until, until <= from { continue }
        if let v = make(row.value, from, until, row.source, row.range) { out.append(v) }
      }
      return out
    }
  }

  /// The sub-periods of [from, until) that no value covers.
  func gaps(in from: CivilDate, _ until: CivilDate?, covered: [ParameterValue]) -> [(CivilDate, CivilDate?)] {
    var out: [(CivilDate, CivilDate?)] = []
    var cursor: CivilDate? = from
    for v in covered {
      guard let c = cursor else { break }
      if let u = until, v.from >= u { break }
      if v.until.map({ $0 <= c }) ?? false { continue }
      if v.from > c { out.append((c, v.from)) }
      cursor = v.until.map { max($0, c) }
    }
    if let c = cursor, until.map({ c < $0 }) ?? true { out.append((c, until)) }
    return out
  }
}

import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

extension Checker {
  /// The type of a written type, with the quantum its values have.
  func ruleType(_ syntax: TypeSyntax, at range: SourceRange, citation: Citation) -> (RuleType, Rational?)? {
    switch syntax {
    case .money(let p): return (.money(Period(p)), Quantum.cent)
    case .percentage: return (.percentage, nil)
    case .number: return (.number, nil)
    case .integer: return (.number, .one)
    case .date: return (.date, nil)
    case .duration: return (.duration, nil)
    case .boolean: return (.boolean, nil)
    case .enumeration(let name):
      guard table.enumerations[name.key] != nil else {
        diagnostics.emit(.unknownName(name.key), at: name.range, citation: citation, notes: .suggestion(Spelling.suggestion(for: name.key, among: table.enumerations.keys)))
        return nil
      }
      return (.enumeration(name.key), nil)
    }
  }

  /// A literal as a value, with its type and quantum. Enumeration values need the enumeration they
  /// belong to (`expected`).
  func literal(_ l: LiteralSyntax, expected: RuleType?, at range: SourceRange, citation: Citation) -> (Value, RuleType, Rational?)? {
    switch l {
    case .money(let v, let p):
      var period = p.map(Period.init) ?? .any
      if p == nil, case .money(let e)? = expected { period = e }
      return (.number(v), .money(period), Quantum.of(literal: v))
    case .percentage(let v): return (.number(v), .percentage, Quantum.of(literal: v))
    case .number(let v): return (.number(v), .number, Quantum.of(literal: v))
    case .date(let d): return (.date(d), .date, nil)
    case .duration(let y, let m, let d): return (.duration(Duration(years: y, months: m, days: d)), .duration, nil)
    case .boolean(let b): return (.boolean(b), .boolean, nil)
    case .enumValue(let v):
      guard case .enumeration(let name)? = expected, let decl = table.enumerations[name] else {
        diagnostics.emit(.enumWithoutContext(), at: range, citation: citation)
        return nil
      }
      guard decl.value.values.contains(v) else {
        diagnostics.emit(.enumValueUnknown(v, name, decl.value.values), at: range, citation: citation, notes: .suggestion(Spelling.suggestion(for: v, among: decl.value.values)))
        return nil
      }
      return (.enumCase(v), .enumeration(name), nil)
    }
  }

  /// The declaration of a household fact, checked once.
  func factInfo(_ id: SymbolID) -> SymbolInfo? {
    if let known = symbolInfo[id] { return known }
    guard let located = table.facts[id.name] else { return nil }
    let f = located.value
    guard let (type, quantum) = ruleType(f.type, at: f.range, citation: located.citation) else {
      failedSymbols.insert(id)
      return nil
    }
    let info = SymbolInfo(id: id, kind: .fact, subject: f.subject == .person ? .person : .household, type: type, quantum: quantum)
    symbolInfo[id] = info
    return info
  }

  /// A parameter's type (declared, or that of its first value) and the quantum all its values share.
  func parameterInfo(_ id: SymbolID, _ scope: Scope) -> SymbolInfo? {
    if let known = symbolInfo[id] { return known }
    let declaring = (table.versions[id.law] ?? []).compactMap { $0.parameters[id.name] }
    guard let first = declaring.first else { return nil }
    var result: (RuleType, Rational?)?
    if let t = first.value.type {
      result = ruleType(t, at: first.value.range, citation: first.citation)
    } else if case .single(let l, _, let r) = first.value.value {
      if let (_, type, q) = literal(l, expected: nil, at: r, citation: first.citation) {
        result = (type, q)
      }
    }
    guard let (type, _) = result else {
      failedSymbols.insert(id)
      return nil
    }
    var quantum: Rational? = nil
    var seenAny = false
    for literal in parameterLiterals(id) {
      let q: Rational?
      switch literal {
      case .money(let v, _), .percentage(let v), .number(let v): q = Quantum.of(literal: v)
      default: q = nil
      }
      quantum = seenAny ? Quantum.common(quantum, q) : q
      seenAny = true
    }
    if !seenAny, type.isMoney { quantum = Quantum.cent }
    let info = SymbolInfo(id: id, kind: .parameter, subject: .household, type: type, quantum: quantum)
    symbolInfo[id] = info
    return info
  }

  /// Every literal value written for a parameter, in its declarations and in delegated regulations.
  func parameterLiterals(_ id: SymbolID) -> [LiteralSyntax] {
    var out: [LiteralSyntax] = []
    func collect(_ v: ParameterValueSyntax) {
      switch v {
      case .single(let l, _, _): out.append(l)
      case .table(let rows): out += rows.map(\.value)
      case .delegated: break
      }
    }
    for versions in table.versions.values {
      for v in versions {
        if v.law == id.law, let p = v.parameters[id.name] { collect(p.value.value) }
        for fill in v.fills where fill.value.law == id.law && fill.value.name.key == id.name { collect(fill.value.value) }
      }
    }
    return out
  }
}

import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

extension Checker {
  /// Resolves and type-checks a condition into a boolean expression.
  func checkCondition(_ c: ConditionSyntax, _ scope: Scope) -> T? {
    switch c {
    case .compare(let op, let a, let b, let r):
      guard let ta = check(a, scope), let tb = check(b, scope, expected: ta.type) else { return nil }
      return comparison(op, ta, tb, r, scope)
    case .isA(let lhs, let rhs, let negated, let r):
      return isA(lhs, rhs, negated: negated, r, scope)
    case .has(let name, let negated, let r):
      guard let resolved = resolve(name, scope), let info = info(resolved.id, kind: resolved.kind, from: scope, at: name.range)
      else { return nil }
      guard info.type == .boolean else {
        emit(.kenmerkNotBoolean(name.key, info.type), at: name.range, scope)
        return nil
      }
      guard info.subject == .household else {
        emit(.personAttributeWithoutPerson(name.key), at: name.range, scope)
        return nil
      }
      let value = valueNode(info, person: nil, name.range, scope)
      return negated ? node(.not(value), .boolean, nil, r, scope) : value
    case .exists(let group, let filter, let negated, let r):
      guard let (g, f) = groupAndFilter(group, filter, scope) else { return nil }
      let e = node(.exists(g, filter: f), .boolean, nil, r, scope)
      return negated ? node(.not(e), .boolean, nil, r, scope) : e
    case .all(let parts, let r):
      let checked = parts.compactMap { checkCondition($0, scope) }
      guard checked.count == parts.count else { return nil }
      return node(.and(checked), .boolean, nil, r, scope)
    case .any(let parts, let r):
      let checked = parts.compactMap { checkCondition($0, scope) }
      guard checked.count == parts.count else { return nil }
      return node(.or(checked), .boolean, nil, r, scope)
    case .not(let inner, let r):
      guard let t = checkCondition(inner, scope) else { return nil }
      return node(.not(t), .boolean, nil, r, scope)
    case .given(let e, let negated, let r):
      guard let t = check(e, scope) else { return nil }
      guard case .fact(let id, let person) = t.kind else {
        emit(.givenNeedsFact(), at: r, scope)
        return nil
      }
      let given = node(.given(id, person), .boolean, nil, r, scope)
      return negated ? node(.not(given), .boolean, nil, r, scope) : given
    case .holds(let e, let r):
      guard let t = check(e, scope) else { return nil }
      guard t.type == .boolean else {
        emit(.expectedType("een voorwaarde (waar of onwaar)", found: t.type), at: r, scope)
        return nil
      }
      return t
    }
  }

  func comparison(_ op: ComparisonOperator, _ a: T, _ b: T, _ r: SourceRange, _ scope: Scope) -> T? {
    guard a.type.unified(with: b.type) != nil else {
      if a.type.isMoney && b.type.isMoney {
        emit(.periodMismatch(a.type, b.type), at: r, scope)
      } else {
        emit(.typeMismatch("vergelijken", a.type, b.type), at: r, scope)
      }
      return nil
    }
    if op != .equal && op != .notEqual {
      guard a.type.isNumeric || a.type == .date || a.type == .duration else {
        emit(.cannotOrder(a.type), at: r, scope)
        return nil
      }
    }
    return node(.compare(op, a, b), .boolean, nil, r, scope)
  }

  /// `X is [niet|geen] Y`: the kenmerk Y of person X, or X equal to the value Y.
  func isA(_ lhs: ExprSyntax, _ rhs: ExprSyntax, negated: Bool, _ r: SourceRange, _ scope: Scope) -> T? {
    if case .name(let n) = rhs, let resolved = resolve(n, scope, report: false) {
      guard let info = info(resolved.id, kind: resolved.kind, from: scope, at: n.range) else { return nil }
      if info.subject == .person {
        guard info.type == .boolean else {
          emit(.kenmerkNotBoolean(n.key, info.type), at: n.range, scope)
          return nil
        }
        guard let person = checkPerson(lhs, scope) else { return nil }
        let value = valueNode(info, person: person, r, scope)
        return negated ? node(.not(value), .boolean, nil, r, scope) : value
      }
    }
    guard let ta = check(lhs, scope) else { return nil }
    if case .name(let n) = rhs, case .enumeration(let e) = ta.type, resolve(n, scope, report: false) == nil,
      table.enumerations[e]?.value.values.contains(n.key) == true
    {
      emit(.enumNeedsQuotes(n.key), at: n.range, scope)
      return nil
    }
    guard let tb = check(rhs, scope, expected: ta.type) else { return nil }
    return comparison(negated ? .notEqual : .equal, ta, tb, r, scope)
  }
}

import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

extension Checker {
  typealias T = TypedExpression

  func node(_ kind: T.Kind, _ type: RuleType, _ quantum: Rational?, _ range: SourceRange, _ scope: Scope) -> T {
    T(kind, type: type, quantum: quantum, range: range, citation: scope.citation)
  }

  /// Resolves and type-checks an expression. Returns `nil` after reporting a problem.
  func check(_ e: ExprSyntax, _ scope: Scope, expected: RuleType? = nil) -> T? {
    switch e {
    case .literal(let l, let r):
      guard let (value, type, q) = literal(l, expected: expected, at: r, citation: scope.citation) else { return nil }
      return node(.constant(value), type, q, r, scope)
    case .name(let n):
      return checkName(n, scope, expected: expected)
    case .pronoun, .role(.aanvrager, _), .role(.partner, _):
      guard let p = checkPerson(e, scope) else { return nil }
      return node(.person(p), .person, nil, e.range, scope)
    case .role(_, let r):
      emit(.groupOutsideAggregate(), at: r, scope)
      return nil
    case .of(let lhs, let rhs, let r):
      return checkOf(lhs, rhs, r, scope)
    case .arithmetic(let op, let a, let b, let r):
      guard let ta = check(a, scope, expected: expected), let tb = check(b, scope, expected: ta.type) else { return nil }
      return arithmetic(op, ta, tb, r, scope)
    case .extremum(let isMax, let terms, let r):
      return extremum(isMax, terms, r, scope, expected: expected)
    case .bounded(let a, let isMinimum, let b, let r):
      return extremum(isMinimum, [a, b], r, scope, expected: expected)
    case .twelvefold(let a, let r):
      return convert(a, r, scope, factor: Rational(12), from: .perMaand, to: .perJaar)
    case .twelfth(let a, let r):
      return convert(a, r, scope, factor: Rational(numerator: 1, denominator: 12), from: .perJaar, to: .perMaand)
    case .rounded(let a, let mode, let target, let reference, let r):
      guard let ta = check(a, scope, expected: expected), requireNumeric(ta, scope) else { return nil }
      let unit: Rational
      switch target {
      case .wholeEuros: unit = .one
      case .cents: unit = Quantum.cent
      case .multiple(let u): unit = u
      case .percentageMultiple(let u): unit = u
      }
      // A percentage rounds to a multiple of a percentage and nothing else rounds to one.
      let isPercentageTarget: Bool
      if case .percentageMultiple = target { isPercentageTarget = true } else { isPercentageTarget = false }
      if (ta.type == .percentage) != isPercentageTarget {
        emit(.expectedType(isPercentageTarget ? "een percentage" : "een bedrag of getal", found: ta.type), at: a.range, scope)
        return nil
      }
      let basis: RoundingBasis
      switch reference {
      case .article(let a):
        guard let citation = citation(for: a, scope) else { return nil }
        basis = .article(citation)
      case .choice(let id, _):
        // Whether the keuze exists and names this rule under 'raakt' is checked with the keuzes.
        basis = .choice(id)
      }
      return node(.round(ta, mode: mode, unit: unit, basis: basis), ta.type, unit, r, scope)
    case .euroValue(let a, let r):
      guard let t = check(a, scope, expected: .money(.any)) else { return nil }
      guard case .money = t.type else {
        emit(.expectedType("een bedrag", found: t.type), at: a.range, scope)
        return nil
      }
      return node(.inEuros(t), .number, t.quantum, r, scope)
    case .euroAmount(let a, let period, let r):
      guard let t = check(a, scope, expected: .number), require(t, .number, scope) else { return nil }
      return node(.inEuros(t), .money(Period(period)), t.quantum, r, scope)
    case .at(let a, let date, let r):
      guard let td = check(date, scope, expected: .date), require(td, .date, scope),
        let ta = check(a, scope, expected: expected)
      else { return nil }
      return node(.at(ta, date: td), ta.type, ta.quantum, r, scope)
    case .sum(let terms, let filter, let r):
      return sum(terms, filter: filter, r, scope, expected: expected)
    case .sumOverMonths(let a, let r):
      guard let ta = check(a, scope, expected: .money(.perMaand)) else { return nil }
      switch ta.type {
      case .money(let p) where p == .perMaand || p == .any:
        return node(.sumOverMonths(ta), .money(.perJaar), ta.quantum, r, scope)
      case .number:
        return node(.sumOverMonths(ta), .number, ta.quantum, r, scope)
      default:
        emit(.expectedType("een bedrag per maand", found: ta.type), at: a.range, scope)
        return nil
      }
    case .count(let group, let filter, let r):
      guard let (g, f) = groupAndFilter(group, filter, scope) else { return nil }
      return node(.count(g, filter: f), .number, .one, r, scope)
    case .age(let who, let at, let r):
      guard let birth = birthDate(of: who, scope) else { return nil }
      var td: T?
      if let at {
        guard let d = check(at, scope, expected: .date), require(d, .date, scope) else { return nil }
        td = d
      }
      return node(.age(birth, at: td), .duration, nil, r, scope)
    case .dateReached(let who, let what, let r):
      guard let birth = birthDate(of: who, scope), let tw = check(what, scope, expected: .duration), require(tw, .duration, scope)
      else { return nil }
      return node(.addDuration(birth, tw, subtract: false), .date, nil, r, scope)
    case .dayCount(let from, let to, let r):
      guard let a = check(from, scope, expected: .date), require(a, .date, scope), let b = check(to, scope, expected: .date), require(b, .date, scope)
      else { return nil }
      return node(.dayCount(a, b), .number, .one, r, scope)
    case .firstOfNextMonth(let d, let r):
      guard let td = check(d, scope, expected: .date), require(td, .date, scope) else { return nil }
      return node(.firstOfNextMonth(td), .date, nil, r, scope)
    case .firstOfMonth(let d, let r):
      guard let td = check(d, scope, expected: .date), require(td, .date, scope) else { return nil }
      return node(.firstOfMonth(td), .date, nil, r, scope)
    case .peildatum(let r): return node(.peildatum, .date, nil, r, scope)
    case .beginOfYear(let r): return node(.beginOfYear, .date, nil, r, scope)
    case .endOfYear(let r): return node(.endOfYear, .date, nil, r, scope)
    case .calculationYear(let r): return node(.calculationYear, .number, .one, r, scope)
    }
  }

  /// A bare name: a household value, a parameter, or an error for a person's attribute.
  func checkName(_ n: Name, _ scope: Scope, expected: RuleType?) -> T? {
    if n.key == "leeftijd" {
      emit(.personAttributeWithoutPerson("leeftijd"), at: n.range, scope)
      return nil
    }
    guard let resolved = resolve(n, scope), let info = info(resolved.id, kind: resolved.kind, from: scope, at: n.range)
    else { return nil }
    if info.subject == .person {
      emit(.personAttributeWithoutPerson(n.key), at: n.range, scope)
      return nil
    }
    return valueNode(info, person: nil, n.range, scope)
  }

  func valueNode(_ info: SymbolInfo, person: PersonRef?, _ range: SourceRange, _ scope: Scope) -> T {
    switch info.kind {
    case .fact: return node(.fact(info.id, person), info.type, info.quantum, range, scope)
    case .parameter: return node(.parameter(info.id), info.type, info.quantum, range, scope)
    case .definition: return node(.definition(info.id, person), info.type, info.quantum, range, scope)
    }
  }

  /// `de aanvrager`, `de partner`, `hij`.
  func checkPerson(_ e: ExprSyntax, _ scope: Scope) -> PersonRef? {
    switch e {
    case .role(.aanvrager, _): return .aanvrager
    case .role(.partner, _): return .partner
    case .pronoun(let r):
      guard scope.personBound else {
        emit(.pronounWithoutPerson(), at: r, scope)
        return nil
      }
      return .current
    case .role(_, let r):
      emit(.groupOutsideAggregate(), at: r, scope)
      return nil
    default:
      emit(.notAPerson("'\(e.range.text)'"), at: e.range, scope)
      return nil
    }
  }

  /// The birth-date fact of a person.
  func birthDate(of who: ExprSyntax, _ scope: Scope) -> T? {
    guard let person = checkPerson(who, scope) else { return nil }
    guard let id = birthDateFact, let info = factInfo(id) else {
      emit(.missingBirthDate(), at: who.range, scope)
      return nil
    }
    return node(.fact(id, person), info.type, nil, who.range, scope)
  }

  /// `A van B`: an attribute of a person, or a percentage (or number) of an amount.
  func checkOf(_ lhs: ExprSyntax, _ rhs: ExprSyntax, _ r: SourceRange, _ scope: Scope) -> T? {
    if case .name(let n) = lhs {
      if n.key == "leeftijd" {
        guard let birth = birthDate(of: rhs, scope) else { return nil }
        return node(.age(birth, at: nil), .duration, nil, r, scope)
      }
      guard let resolved = resolve(n, scope), let info = info(resolved.id, kind: resolved.kind, from: scope, at: n.range)
      else { return nil }
      if info.subject == .person {
        guard let person = checkPerson(rhs, scope) else { return nil }
        return valueNode(info, person: person, r, scope)
      }
      guard info.type == .percentage || info.type == .number else {
        emit(.expectedType("een eigenschap van een persoon of een percentage", found: info.type), at: n.range, scope)
        return nil
      }
      let factor = valueNode(info, person: nil, n.range, scope)
      guard let value = check(rhs, scope) else { return nil }
      return arithmetic(.times, factor, value, r, scope)
    }
    guard let factor = check(lhs, scope) else { return nil }
    guard factor.type == .percentage || factor.type == .number else {
      emit(.expectedType("een percentage", found: factor.type), at: lhs.range, scope)
      return nil
    }
    guard let value = check(rhs, scope) else { return nil }
    return arithmetic(.times, factor, value, r, scope)
  }

  /// `de som van X van de kinderen [waarvoor geldt dat …]`, or `de som van A en B`.
  func sum(_ terms: [ExprSyntax], filter: ConditionSyntax?, _ r: SourceRange, _ scope: Scope, expected: RuleType?) -> T? {
    if terms.count == 1, case .of(.name(let n), .role(let role, _), _) = terms[0], role != .aanvrager, role != .partner {
      let group = personGroup(role)
      var member = scope
      member.personBound = true
      guard let resolved = resolve(n, member), let info = info(resolved.id, kind: resolved.kind, from: scope, at: n.range)
      else { return nil }
      guard info.subject == .person else {
        emit(.expectedType("een eigenschap van een persoon", found: info.type), at: n.range, scope)
        return nil
      }
      let body = valueNode(info, person: .current, n.range, member)
      guard requireNumeric(body, scope) else { return nil }
      var f: T?
      if let filter {
        guard let c = checkCondition(filter, member) else { return nil }
        f = c
      }
      return node(.sum(group, body: body, filter: f), body.type, body.quantum, r, scope)
    }
    if let filter {
      emit(.groupOutsideAggregate(), at: filter.range, scope)
      return nil
    }
    var result: T?
    for term in terms {
      guard let t = check(term, scope, expected: result?.type ?? expected) else { return nil }
      if let acc = result {
        guard let s = arithmetic(.plus, acc, t, r, scope) else { return nil }
        result = s
      } else {
        result = t
      }
    }
    return result
  }

  func personGroup(_ role: RoleWord) -> PersonGroup {
    switch role {
    case .kinderen: return .kinderen
    case .medebewoners: return .medebewoners
    case .personen, .aanvrager: return .personen
    case .partner: return .partner
    }
  }

  /// A group and its optional filter, checked with the member as `hij`.
  func groupAndFilter(_ group: ExprSyntax, _ filter: ConditionSyntax?, _ scope: Scope) -> (PersonGroup, T?)? {
    guard case .role(let role, _) = group, role != .aanvrager else {
      emit(.expectedType("een groep (de kinderen, de medebewoners, de personen)", found: .person), at: group.range, scope)
      return nil
    }
    var member = scope
    member.personBound = true
    guard let filter else { return (personGroup(role), nil) }
    guard let f = checkCondition(filter, member) else { return nil }
    return (personGroup(role), f)
  }

  /// The citation of an article reference; checks that the article is in the encoded text.
  func citation(for reference: ArticleReference, _ scope: Scope) -> Citation? {
    let law = reference.law ?? scope.law
    guard let versions = table.versions[law] else {
      emit(.unknownLaw(law, known: table.lawCodes), at: reference.range, scope)
      return nil
    }
    if reference.artikel != nil, !table.articleExists(reference, in: law) {
      emit(.articleMissing(describe(reference), law: law), at: reference.range, scope)
      return nil
    }
    let start = scope.version.header.validFrom
    let version = versions.last { $0.isValid(on: start) } ?? versions.last!
    var c = version.header.citation
    c.artikel = reference.artikel
    c.lid = reference.lid
    c.onderdeel = reference.onderdeel
    return c
  }

  func describe(_ r: ArticleReference) -> String {
    var parts: [String] = []
    if let a = r.artikel { parts.append("artikel \(a)") }
    if let l = r.lid { parts.append("lid \(l)") }
    if let o = r.onderdeel { parts.append("onderdeel \(o)") }
    if let law = r.law { parts.append("van \(law)") }
    return parts.joined(separator: " ")
  }
}

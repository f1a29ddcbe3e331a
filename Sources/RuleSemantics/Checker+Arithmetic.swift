import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

/// Type and unit rules of arithmetic:
///
/// - amounts add to amounts of the same period; a literal amount takes the period of the other side;
/// - an amount times a whole number stays in its quantum (whole cents stay whole cents);
/// - an amount times a percentage or fraction, or divided by anything, is *onafgerond*: it must be
///   rounded, with its article, before it can be an output;
/// - an amount times an amount, and a date plus an amount, are errors;
/// - a date plus or minus a duration is a date.
extension Checker {
  func arithmetic(_ op: ArithmeticOperator, _ a: T, _ b: T, _ r: SourceRange, _ scope: Scope) -> T? {
    func make(_ type: RuleType, _ q: Rational?) -> T { node(.arithmetic(op, a, b), type, q, r, scope) }
    switch op {
    case .plus, .minus:
      switch (a.type, b.type) {
      case (.date, .duration):
        return node(.addDuration(a, b, subtract: op == .minus), .date, nil, r, scope)
      case (.duration, .duration) where op == .plus:
        return make(.duration, nil)
      case (.money(let p), .money(let q)):
        guard let period = p.unified(with: q) else {
          emit(.periodMismatch(a.type, b.type), at: r, scope)
          return nil
        }
        return make(.money(period), Quantum.common(a.quantum, b.quantum))
      case (.number, .number), (.percentage, .percentage):
        return make(a.type, Quantum.common(a.quantum, b.quantum))
      default:
        emit(.typeMismatch(op == .plus ? "optellen" : "aftrekken", a.type, b.type), at: r, scope)
        return nil
      }
    case .times:
      switch (a.type, b.type) {
      case (.money, .money):
        emit(.moneyTimesMoney(), at: r, scope)
        return nil
      case (.money, .number), (.money, .percentage):
        return make(a.type, product(a.quantum, b))
      case (.number, .money), (.percentage, .money):
        return make(b.type, product(b.quantum, a))
      case (.number, .number):
        return make(.number, a.quantum != nil && b.quantum != nil && isWhole(a) && isWhole(b) ? .one : nil)
      case (.percentage, .number), (.number, .percentage), (.percentage, .percentage):
        return make(.percentage, nil)
      default:
        emit(.typeMismatch("vermenigvuldigen", a.type, b.type), at: r, scope)
        return nil
      }
    case .dividedBy:
      if case .constant(.number(let d)) = b.kind, d.isZero {
        emit(.divisionByZero(), at: b.range, scope)
        return nil
      }
      switch (a.type, b.type) {
      case (.money(let p), .money(let q)):
        guard p.unified(with: q) != nil else {
          emit(.periodMismatch(a.type, b.type), at: r, scope)
          return nil
        }
        return make(.number, nil)
      case (.money, .number), (.percentage, .number), (.number, .number):
        return make(a.type, nil)
      default:
        emit(.typeMismatch("delen", a.type, b.type), at: r, scope)
        return nil
      }
    }
  }

  /// The quantum of an amount of quantum `q` times `factor`: unchanged when the factor is a whole
  /// number (a literal integer or an integer-valued name), unknown otherwise.
  func product(_ q: Rational?, _ factor: T) -> Rational? {
    guard factor.type == .number, isWhole(factor) else { return nil }
    return q
  }

  func isWhole(_ t: T) -> Bool { t.quantum.map { $0.isInteger } ?? false }

  func extremum(_ isMax: Bool, _ terms: [ExprSyntax], _ r: SourceRange, _ scope: Scope, expected: RuleType?) -> T? {
    var checked: [T] = []
    var type: RuleType?
    var quantum: Rational?
    for term in terms {
      guard let t = check(term, scope, expected: type ?? expected) else { return nil }
      guard t.type.isNumeric || t.type == .date || t.type == .duration else {
        emit(.cannotOrder(t.type), at: term.range, scope)
        return nil
      }
      if let known = type {
        guard let u = known.unified(with: t.type) else {
          emit(known.isMoney && t.type.isMoney ? .periodMismatch(known, t.type) : .typeMismatch(isMax ? "maximum" : "minimum", known, t.type), at: term.range, scope)
          return nil
        }
        type = u
        quantum = Quantum.common(quantum, t.quantum)
      } else {
        type = t.type
        quantum = t.quantum
      }
      checked.append(t)
    }
    guard let type else { return nil }
    return node(.extremum(isMaximum: isMax, checked), type, quantum, r, scope)
  }

  /// `het twaalfvoud van` a monthly amount, `het twaalfde deel van` a yearly amount.
  func convert(_ e: ExprSyntax, _ r: SourceRange, _ scope: Scope, factor: Rational, from: Period, to: Period) -> T? {
    guard let t = check(e, scope, expected: .money(from)) else { return nil }
    switch t.type {
    case .money(let p) where p == from || p == .any:
      let q = factor.isInteger ? t.quantum : nil
      return node(.convertPeriod(t, factor: factor, to: to), .money(to), q, r, scope)
    case .number:
      let q = factor.isInteger ? t.quantum : nil
      return node(.arithmetic(.times, t, node(.constant(.number(factor)), .number, nil, r, scope)), .number, q, r, scope)
    default:
      emit(.expectedType(from == .perMaand ? "een bedrag per maand" : "een bedrag per jaar", found: t.type), at: e.range, scope)
      return nil
    }
  }

  func requireNumeric(_ t: T, _ scope: Scope) -> Bool {
    guard t.type.isNumeric else {
      emit(.expectedType("een bedrag, percentage of getal", found: t.type), at: t.range, scope)
      return false
    }
    return true
  }

  func require(_ t: T, _ type: RuleType, _ scope: Scope) -> Bool {
    guard t.type.unified(with: type) != nil else {
      emit(.expectedType(type.description, found: t.type), at: t.range, scope)
      return false
    }
    return true
  }
}

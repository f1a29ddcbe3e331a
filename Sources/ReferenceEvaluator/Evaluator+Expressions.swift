import ExactArithmetic
import LegalSource
import RuleIR

extension Evaluator {
  /// Evaluates an expression exactly.
  func evaluate(_ e: TypedExpression, _ ctx: Context) throws(Undecided) -> Value {
    switch e.kind {
    case .constant(let v): return v
    case .parameter(let id): return try parameter(id, on: ctx.date).value
    case .fact(let id, let ref):
      let p = try ref.map { r throws(Undecided) in try person(r, ctx, at: e.citation) }
      return try fact(id, person: p, at: e.citation)
    case .given(let id, let ref):
      let p = try ref.map { r throws(Undecided) in try person(r, ctx, at: e.citation) }
      return .boolean(isGiven(id, person: p))
    case .definition(let id, let ref):
      let p = try ref.map { r throws(Undecided) in try person(r, ctx, at: e.citation) }
      return try definitionValue(id, person: p, date: ctx.date)
    case .person(let ref): return .person(try person(ref, ctx, at: e.citation))
    case .arithmetic(let op, let a, let b): return try arithmetic(op, a, b, e, ctx)
    case .convertPeriod(let a, let factor, _): return .number(try number(a, ctx) * factor)
    case .extremum(let isMax, let list):
      var best: Value?
      for item in list {
        let v = try evaluate(item, ctx)
        if let b = best { best = (isMax ? less(b, v) : less(v, b)) ? v : b } else { best = v }
      }
      guard let best else { throw .internalFault("een maximum of minimum zonder waarden", e.citation) }
      return best
    case .inEuros(let a): return .number(try number(a, ctx))
    case .round(let a, let mode, let unit, _): return .number(try number(a, ctx).rounded(to: unit, mode: mode))
    case .at(let a, let d):
      let date = try self.date(d, ctx)
      var inner = ctx
      inner.date = date
      return try evaluate(a, inner)
    case .sumOverMonths(let a):
      var total = Rational.zero
      let year = ctx.date.year
      for month in 1...12 {
        var inner = ctx
        inner.date = CivilDate.unchecked(year, month, 1)
        total = total + (try number(a, inner))
      }
      return .number(total)
    case .sum(let group, let body, let filter):
      var total = Rational.zero
      for member in household.members(of: group) {
        var inner = ctx
        inner.current = member
        if let filter, try !boolean(filter, inner) { continue }
        total = total + (try number(body, inner))
      }
      return .number(total)
    case .count(let group, let filter):
      var n = 0
      for member in household.members(of: group) {
        var inner = ctx
        inner.current = member
        if let filter, try !boolean(filter, inner) { continue }
        n += 1
      }
      return .number(Rational(n))
    case .exists(let group, let filter):
      for member in household.members(of: group) {
        var inner = ctx
        inner.current = member
        if let filter, try !boolean(filter, inner) { continue }
        return .boolean(true)
      }
      return .boolean(false)
    case .age(let birth, let at):
      let born = try self.date(birth, ctx)
      var on = ctx.date
      if let at { on = try date(at, ctx) }
      let (years, months) = born.age(on: on)
      return .duration(Duration(years: years, months: months))
    case .addDuration(let a, let b, let subtract):
      let d = try date(a, ctx)
      guard case .duration(let u) = try evaluate(b, ctx) else { throw .internalFault("een duur verwacht", b.citation) }
      let signed = subtract ? Duration(years: -u.years, months: -u.months, days: -u.days) : u
      return .date(d.adding(signed))
    case .dayCount(let a, let b):
      let from = try date(a, ctx), to = try date(b, ctx)
      return .number(Rational(to.dayNumber - from.dayNumber))
    case .firstOfNextMonth(let d):
      let date = try self.date(d, ctx)
      return .date(date.firstOfNextMonth)
    case .firstOfMonth(let d):
      let date = try self.date(d, ctx)
      return .date(date.firstOfMonth)
    case .peildatum: return .date(ctx.date)
    case .beginOfYear: return .date(ctx.date.firstOfYear)
    case .endOfYear: return .date(CivilDate.unchecked(ctx.date.year, 12, 31))
    case .calculationYear: return .number(Rational(ctx.date.year))
    case .compare(let op, let a, let b):
      if case .person(let p) = a.kind, case .person(let q) = b.kind, op == .equal || op == .notEqual {
        let same = try samePerson(p, q, ctx, at: e.citation)
        return .boolean(op == .equal ? same : !same)
      }
      let x = try evaluate(a, ctx)
      let y = try evaluate(b, ctx)
      switch op {
      case .equal: return .boolean(x == y)
      case .notEqual: return .boolean(x != y)
      case .less: return .boolean(less(x, y))
      case .lessOrEqual: return .boolean(!less(y, x))
      case .greater: return .boolean(less(y, x))
      case .greaterOrEqual: return .boolean(!less(x, y))
      }
    case .and(let list): return .boolean(try kleene(list, ctx, decisive: false))
    case .or(let list): return .boolean(try kleene(list, ctx, decisive: true))
    case .not(let a): return .boolean(!(try boolean(a, ctx)))
    }
  }

  /// Three-valued `en` (decisive value false) and `of` (decisive value true): a decisive operand
  /// decides even when another operand is undecided.
  func kleene(_ list: [TypedExpression], _ ctx: Context, decisive: Bool) throws(Undecided) -> Bool {
    var firstUndecided: Undecided?
    for item in list {
      do {
        if try boolean(item, ctx) == decisive { return decisive }
      } catch {
        if firstUndecided == nil { firstUndecided = error }
      }
    }
    if let firstUndecided { throw firstUndecided }
    return !decisive
  }

  func boolean(_ e: TypedExpression, _ ctx: Context) throws(Undecided) -> Bool {
    guard case .boolean(let b) = try evaluate(e, ctx) else { throw .internalFault("een kenmerk (waar of onwaar) verwacht", e.citation) }
    return b
  }

  func number(_ e: TypedExpression, _ ctx: Context) throws(Undecided) -> Rational {
    guard case .number(let r) = try evaluate(e, ctx) else { throw .internalFault("een getal verwacht", e.citation) }
    return r
  }

  func date(_ e: TypedExpression, _ ctx: Context) throws(Undecided) -> CivilDate {
    guard case .date(let d) = try evaluate(e, ctx) else { throw .internalFault("een datum verwacht", e.citation) }
    return d
  }

  func arithmetic(_ op: ArithmeticOperator, _ a: TypedExpression, _ b: TypedExpression, _ e: TypedExpression, _ ctx: Context) throws(Undecided) -> Value {
    let x = try evaluate(a, ctx)
    let y = try evaluate(b, ctx)
    switch (x, y) {
    case (.number(let p), .number(let q)):
      // Every operation can double the digits (a product, a quotient, a sum of fractions over their common
      // denominator), so repeated through definitions the numbers grow exponentially: bounded before GMP
      // runs out of memory (a million bits is some 300.000 decimal digits, far beyond any amount).
      guard p.bitSize + q.bitSize <= Self.largestOperandBits else { throw .numberTooLarge(e.citation) }
      switch op {
      case .plus: return .number(p + q)
      case .minus: return .number(p - q)
      case .times: return .number(p * q)
      case .dividedBy:
        guard let r = p.dividedBy(q) else { throw .divisionByZero(e.citation) }
        return .number(r)
      }
    case (.duration(let p), .duration(let q)):
      return .duration(p + q)
    default:
      throw .internalFault("rekenen met \(x) en \(y)", e.citation)
    }
  }

  func less(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y
    case (.date(let x), .date(let y)): return x < y
    case (.duration(let x), .duration(let y)): return x < y
    case (.boolean(let x), .boolean(let y)): return !x && y
    default: return false
    }
  }
}

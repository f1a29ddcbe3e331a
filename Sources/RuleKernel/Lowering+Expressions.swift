import ExactArithmetic
import Population
import RuleIR

extension Lowering {
  func lower(_ e: TypedExpression, _ ctx: Context) throws -> Int32 {
    let b = builder
    switch e.kind {
    case .constant(let v): return try constant(v, e.type, ctx.domain)
    case .parameter(let id):
      guard let pv = program.parameters[id]?.value(on: ctx.date) else { return b.undecided(try repr(e.type, quantum: e.quantum), ctx.domain) }
      return try constant(pv.value, e.type, ctx.domain)
    case .fact(let id, let person): return try fact(id, person: person, ctx)
    case .definition(let id, let person):
      let info = program.symbols[id]
      if info?.subject == .person {
        let node = try definition(id, .person, ctx.date)
        return try toPerson(node, person ?? .current, ctx)
      }
      return try b.into(definition(id, .household, ctx.date), ctx.domain)
    case .person: throw KernelUnsupported(description: "een persoon als waarde")
    case .given(let id, let person):
      // A generated population gives a fact for every row or for none (the column is there or not); one
      // built from documents says per row (the presence column).
      guard let decl = program.facts[id] else { throw KernelUnsupported(description: "onbekend gegeven \(id)") }
      let own: Domain = decl.subject == .person ? .person : .household
      let presence = PopulationData.presenceColumn(for: decl.field)
      var node = columns.has(presence, own) ? b.column(presence, .boolean, own) : b.boolean(columns.has(decl.field, own), own)
      if own == .person { node = try toPerson(node, person, ctx) }
      return try b.into(node, ctx.domain)
    case .arithmetic(let op, let x, let y):
      let (p, q) = (try lower(x, ctx), try lower(y, ctx))
      if x.type == .duration && y.type == .duration {
        // Two packed durations add exactly only while their days stay under 64 and the sum within the
        // kernel's 200 years: constants are checked here; a sum that varies per household goes to the
        // reference evaluator.
        guard op == .plus, let u = b.constantValue(p), let v = b.constantValue(q), u >= 0, v >= 0 else {
          throw KernelUnsupported(description: "een som van duren die per huishouden verschilt")
        }
        let sum = Duration(months: Int(u / 64 + v / 64), days: Int(u % 64 + v % 64))
        return try constant(.duration(sum), .duration, ctx.domain)
      }
      switch op {
      case .plus: return try b.add(p, q)
      case .minus: return try b.add(p, q, subtract: true)
      case .times: return try b.multiply(p, q)
      case .dividedBy:
        // A divisor that folds to a constant (a ratio of parameters) divides exactly by scaling.
        let divisor: Rational
        if case .constant(.number(let c)) = y.kind {
          divisor = c
        } else if let v = b.constantValue(q) {
          divisor = Rational(Int(v)) / Int(b.scaleOf(q))
        } else {
          return try b.quotient(p, q)
        }
        if divisor.isZero { return b.undecided(b[p].repr, ctx.domain) }
        if let v = b.constantValue(p), let quotient = (Rational(Int(v)) / Int(b.scaleOf(p))).dividedBy(divisor) {
          // A ratio of constants at its smallest scale, so that sums of such ratios keep a small scale.
          return try b.number(quotient, ctx.domain)
        }
        return try b.divide(p, by: divisor)
      }
    case .inEuros(let x):
      return try lower(x, ctx)
    case .convertPeriod(let x, let factor, _):
      let p = try lower(x, ctx)
      if factor.isInteger { return try b.multiply(p, try b.number(factor, ctx.domain)) }
      return try b.divide(p, by: Rational.one.dividedBy(factor)!)
    case .extremum(let isMax, let list):
      var acc = try lower(list[0], ctx)
      for item in list.dropFirst() { acc = try b.extremum(acc, try lower(item, ctx), maximum: isMax) }
      return acc
    case .round(let x, let mode, let unit, _):
      return try b.round(try lower(x, ctx), unit: unit, mode: mode)
    case .at(let x, let d):
      let dn = try lower(d, ctx)
      guard let day = b.constantValue(dn) else { throw KernelUnsupported(description: "'geldend op' een datum die per huishouden verschilt") }
      var inner = ctx
      inner.date = CivilDate(dayNumber: DayMath.unpack(Int(day)))
      // The kernel's ranges assume the dates a document and the tables may hold; beyond them the reference
      // evaluator decides (no law has a version there).
      guard DateRange.contains(inner.date) else { throw KernelUnsupported(description: "'geldend op' \(inner.date.iso), buiten \(DateRange.description)") }
      return try lower(x, inner)
    case .sumOverMonths(let x):
      let key = MonthSumKey(expression: ObjectIdentifier(e), day: ctx.date.dayNumber, domain: ctx.domain)
      if mode == .januaryTimesTwelve {
        var january = ctx
        january.date = CivilDate.unchecked(ctx.date.year, 1, 1)
        let first = try lower(x, january)
        guard let starts = segments[key] else { throw KernelUnsupported(description: "een maandsom die de analyse niet zag") }
        guard starts.count > 1 else {
          return try b.multiply(first, b.constant(12, .number(scale: 1), ctx.domain))
        }
        // The first month of every segment times its length (see MonthAnalysis).
        var total: Int32?
        for (k, start) in starts.enumerated() {
          let length = (k + 1 < starts.count ? starts[k + 1] : 12) - start
          var at = ctx
          at.date = CivilDate.unchecked(ctx.date.year, start + 1, 1)
          let value = start == 0 ? first : try lower(x, at)
          let part = try b.multiply(value, b.constant(Int64(length), .number(scale: 1), ctx.domain))
          total = try total.map { try b.add($0, part) } ?? part
        }
        return total!
      }
      var total: Int32?
      var months: [Int32] = []
      for month in 1...12 {
        var inner = ctx
        inner.date = CivilDate.unchecked(ctx.date.year, month, 1)
        let v = try lower(x, inner)
        months.append(v)
        total = try total.map { try b.add($0, v) } ?? v
      }
      monthRoots.append(months)
      monthKeys.append(key)
      return total!
    case .sum(let group, let body, let filter):
      let member = Context(date: ctx.date, domain: .person)
      var v = try lower(body, member)
      if let filter { v = try b.select(try lower(filter, member), v, try b.rescale(try b.number(.zero, .person), to: b.scaleOf(v))) }
      return try b.into(b.segmentSum(v, mask: b.roleIn(roleMask(group))), ctx.domain)
    case .count(let group, let filter):
      let member = Context(date: ctx.date, domain: .person)
      let v = try filter.map { try lower($0, member) } ?? b.boolean(true, .person)
      return try b.into(b.segmentCount(v, mask: b.roleIn(roleMask(group))), ctx.domain)
    case .exists(let group, let filter):
      let member = Context(date: ctx.date, domain: .person)
      let v = try filter.map { try lower($0, member) } ?? b.boolean(true, .person)
      return try b.into(b.segmentAny(v, mask: b.roleIn(roleMask(group))), ctx.domain)
    case .age(let birth, let at):
      let on = try at.map { try lower($0, ctx) } ?? b.date(ctx.date, ctx.domain)
      return try b.age(try lower(birth, ctx), at: on)
    case .addDuration(let d, let u, let subtract):
      return try b.addDuration(try lower(d, ctx), try lower(u, ctx), subtract: subtract)
    case .dayCount(let from, let to): return try b.daysBetween(try lower(from, ctx), try lower(to, ctx))
    case .firstOfNextMonth(let d): return b.firstOfMonth(try lower(d, ctx), next: true)
    case .firstOfMonth(let d): return b.firstOfMonth(try lower(d, ctx), next: false)
    case .peildatum: return b.date(ctx.date, ctx.domain)
    case .beginOfYear: return b.date(ctx.date.firstOfYear, ctx.domain)
    case .endOfYear: return b.date(CivilDate.unchecked(ctx.date.year, 12, 31), ctx.domain)
    case .calculationYear: return b.constant(Int64(ctx.date.year), .number(scale: 1), ctx.domain)
    case .compare(let op, let x, let y):
      if case .person(let p) = x.kind, case .person(let q) = y.kind, op == .equal || op == .notEqual {
        // `hij is de aanvrager`: the person of the row has that role (the document has one aanvrager and
        // at most one partner).
        let same = try samePerson(p, q, ctx)
        return op == .equal ? same : b.not(same)
      }
      return try b.compare(op, try lower(x, ctx), try lower(y, ctx))
    case .and(let list): return try b.logic(try list.map { try lower($0, ctx) }, isAnd: true)
    case .or(let list): return try b.logic(try list.map { try lower($0, ctx) }, isAnd: false)
    case .not(let x): return b.not(try lower(x, ctx))
    }
  }

  /// Whether two person references name the same person, as a condition in the context's domain.
  func samePerson(_ p: PersonRef, _ q: PersonRef, _ ctx: Context) throws -> Int32 {
    let b = builder
    if p == q { return b.boolean(true, ctx.domain) }
    switch (p, q) {
    case (.current, .aanvrager), (.aanvrager, .current):
      guard ctx.domain == .person else { throw KernelUnsupported(description: "'hij' buiten een persoon") }
      return b.roleIn(1 << PopulationData.code(of: .aanvrager))
    case (.current, .partner), (.partner, .current):
      guard ctx.domain == .person else { throw KernelUnsupported(description: "'hij' buiten een persoon") }
      return b.roleIn(1 << PopulationData.code(of: .partner))
    default:
      // The aanvrager and the partner are different persons.
      return b.boolean(false, ctx.domain)
    }
  }
}

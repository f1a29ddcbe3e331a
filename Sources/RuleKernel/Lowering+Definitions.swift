import ExactArithmetic
import RuleIR

/// The default logic as kernel nodes, with statuses that follow the reference evaluator:
/// `Niet geformaliseerd` first; every base rule with its exceptions evaluated in full; a conflict or
/// "no rule" is undecided; a kenmerk without applicable rule is false; the fallback only when no
/// base rule applies.
extension Lowering {
  /// The node for a definition in a domain on a date.
  func definition(_ id: SymbolID, _ domain: Domain, _ date: CivilDate) throws -> Int32 {
    let key = DefinitionKey(symbol: id, domain: domain, day: date.dayNumber)
    if let known = memo[key] { return known }
    let node: Int32
    guard let def = program.definition(id, on: date) else {
      // No version or no definition on this date: undecided for every row, as in the reference.
      let info = program.symbols[id]
      node = builder.undecided(try repr(info?.type ?? .boolean, quantum: info?.quantum), domain)
      memo[key] = node
      return node
    }
    let enclosing = builder.currentOrigin
    builder.currentOrigin = builder.intern(KernelOrigin(symbol: id.description, article: def.rules.first?.citation.short ?? ""))
    defer { builder.currentOrigin = enclosing }
    do {
      node = try decide(def, Context(date: date, domain: domain))
    } catch let e as KernelUnsupported where !e.description.contains(" (in ") {
      // Name the innermost definition the kernel could not lower, so the reason points at a rule.
      throw KernelUnsupported(description: "\(e.description) (in \(id))")
    }
    // A value that reads a wide product other than through a rounding can never be emitted: say so
    // here, where the definition that does it is known.
    if !builder.isEmittable(node), !builder.wideProducts.contains(node) {
      throw KernelUnsupported(description: "\(Self.wideUnrounded) (in \(id))")
    }
    memo[key] = node
    return node
  }

  static let wideUnrounded = "een product dat niet in 64 bits past, wordt niet direct afgerond"

  struct Tree {
    let applies: Int32
    let producer: Int32
    let value: Int32
  }

  func decide(_ def: Definition, _ ctx: Context) throws -> Int32 {
    let b = builder
    let valueRepr = try repr(def.type, quantum: def.quantum)
    // Fast path: one rule without condition or exceptions is its value.
    if def.rules.count == 1, def.rules[0].condition == nil, case .value(let e) = def.rules[0].body {
      return try lower(e, ctx)
    }
    let bases = try def.baseRules.map { try tree($0, def, ctx) }
    let anyBase = try b.anyStrict(bases.map(\.applies))
    let baseValue: Int32
    let conflict: Int32
    if bases.isEmpty {
      conflict = b.boolean(false, ctx.domain)
      baseValue = def.isKenmerk ? b.boolean(false, ctx.domain) : b.undecided(valueRepr, ctx.domain)
    } else if def.isKenmerk {
      let anyTrue = try b.anyStrict(try bases.map { try b.logic([$0.applies, $0.value], isAnd: true) })
      let anyFalse = try b.anyStrict(try bases.map { try b.logic([$0.applies, b.not($0.value)], isAnd: true) })
      conflict = try b.logic([anyTrue, anyFalse], isAnd: true)
      baseValue = anyTrue
    } else {
      conflict = try distinctConflict(bases, ctx)
      baseValue = try chooseValue(bases)
    }
    var noneValue = def.isKenmerk ? b.boolean(false, ctx.domain) : b.undecided(valueRepr, ctx.domain)
    // A fallback that can never apply (a base rule always does, as with a fact the population always
    // gives) is not lowered: its nodes, and the months they would read, stay out of the graph.
    if let fallback = def.fallbacks.first, b.constantValue(anyBase) != 1 {
      let t = try tree(fallback, def, ctx)
      noneValue = try b.select(t.applies, t.value, noneValue)
    }
    var result = try b.select(anyBase, try b.select(conflict, b.undecided(b[baseValue].repr, ctx.domain), baseValue), noneValue)
    for rule in def.rules.reversed() {
      guard case .notFormalised = rule.body else { continue }
      let c = try rule.condition.map { try lower($0, ctx) } ?? b.boolean(true, ctx.domain)
      result = try b.select(c, b.undecided(b[result].repr, ctx.domain), result)
    }
    return result
  }

  /// A rule with its exceptions.
  func tree(_ rule: Rule, _ def: Definition, _ ctx: Context) throws -> Tree {
    let b = builder
    let exceptions = try def.exceptions(to: rule).map { try tree($0, def, ctx) }
    let own = try rule.condition.map { try lower($0, ctx) } ?? b.boolean(true, ctx.domain)
    let ownValue: Int32
    switch rule.body {
    case .value where b.constantValue(own) == 0:
      // A rule that never applies here: its value is never read.
      ownValue = b.undecided(try repr(def.type, quantum: def.quantum), ctx.domain)
    case .value(let e): ownValue = try lower(e, ctx)
    case .kenmerk(let v): ownValue = b.boolean(v, ctx.domain)
    case .notFormalised: ownValue = b.undecided(.boolean, ctx.domain)
    }
    let id = b.constant(Int64(rule.index), .code, ctx.domain)
    let none = b.constant(-1, .code, ctx.domain)
    guard !exceptions.isEmpty else {
      return Tree(applies: own, producer: try b.select(own, id, none), value: ownValue)
    }
    let anyException = try b.anyStrict(exceptions.map(\.applies))
    let conflict = try distinctConflict(exceptions, ctx)
    let exceptionProducer = try exceptions.reversed().reduce(none) { try b.select($1.applies, $1.producer, $0) }
    let exceptionValue = try chooseValue(exceptions)
    let ownApplies = try b.select(anyException, b.boolean(false, ctx.domain), own)
    let producer = try b.select(conflict, b.undecided(.code, ctx.domain), try b.select(anyException, exceptionProducer, try b.select(ownApplies, id, none)))
    let applies = try b.select(conflict, b.undecided(.boolean, ctx.domain), try b.anyStrict([anyException, ownApplies]))
    let value = try b.select(anyException, exceptionValue, ownValue)
    return Tree(applies: applies, producer: producer, value: value)
  }

  /// Whether two applicable trees have different producers (a conflict).
  func distinctConflict(_ trees: [Tree], _ ctx: Context) throws -> Int32 {
    let b = builder
    var pairs: [Int32] = []
    for i in trees.indices {
      for j in trees.indices where j > i {
        let differ = try b.compare(.notEqual, trees[i].producer, trees[j].producer)
        pairs.append(try b.logic([trees[i].applies, trees[j].applies, differ], isAnd: true))
      }
    }
    return pairs.isEmpty ? b.boolean(false, ctx.domain) : try b.anyStrict(pairs)
  }

  /// The value of the first applicable tree (the only one, unless there is a conflict).
  func chooseValue(_ trees: [Tree]) throws -> Int32 {
    guard let last = trees.last else { throw KernelUnsupported(description: "definitie zonder regels") }
    return try trees.dropLast().reversed().reduce(last.value) { try builder.select($1.applies, $1.value, $0) }
  }
}

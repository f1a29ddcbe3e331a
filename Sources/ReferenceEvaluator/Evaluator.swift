import ExactArithmetic
import HouseholdModel
import LegalSource
import RuleIR

/// The exact reference evaluator: walks the typed IR for one household with GMP rationals and
/// decides every value by the default logic of the rules, optionally recording an explanation.
///
/// Semantics, in short (see `Docs/regeltaal.md`):
/// - a name's value on a date comes from the version of its law valid on that date;
/// - of the rules for a name, exceptions (`in afwijking van`) take precedence over the rules they
///   name; if two rules apply at the same level the value is a *conflict*; if none applies, the
///   `Anders` rule decides, a kenmerk is false, and any other value has *no rule* — both defined,
///   undecided outcomes that name the articles;
/// - conditions follow three-valued (Kleene) logic: a condition that is false decides `en` even when
///   another part is undecided (a missing fact), and likewise a true one decides `of`.
public final class Evaluator {
  public let program: Program
  public let household: Household
  /// The most binary digits the two operands of an arithmetic operation may have together
  /// (``Undecided/numberTooLarge``).
  public static let largestOperandBits = 1_000_000
  let tracing: Bool
  var memo: [MemoKey: Result<Value, Undecided>] = [:]
  var stepIndex: [MemoKey: Int] = [:]
  public internal(set) var trace = Trace()
  /// Steps used by the definition being evaluated, innermost last.
  var collectors: [[Int]] = []
  /// When set, the evaluation stops once the clock passes it (checked every 64 definitions, so a stop
  /// costs microseconds, not the rest): the values still to be computed become ``Undecided/timeLimit``,
  /// except where three-valued logic decides without them. A caller that sets it checks the clock after
  /// evaluating and discards the result when it passed, as ``Engine`` does.
  public var deadline: ContinuousClock.Instant?
  var definitionsSinceClockCheck = 0

  struct MemoKey: Hashable {
    let symbol: SymbolID
    let person: Int
    let day: Int
  }

  /// Where an expression is evaluated: the date and the person `hij` refers to.
  struct Context {
    var date: CivilDate
    var current: Int?
  }

  public init(program: Program, household: Household, tracing: Bool = false) {
    self.program = program
    self.household = household
    self.tracing = tracing
  }

  /// The value of a household-level name on a date.
  public func value(of symbol: SymbolID, on date: CivilDate) -> Result<Value, Undecided> {
    do {
      if program.parameters[symbol] != nil { return .success(try parameter(symbol, on: date).value) }
      return .success(try definitionValue(symbol, person: nil, date: date))
    } catch {
      return .failure(error)
    }
  }

  /// The trace step that decided a household-level name on a date, once evaluated with tracing on.
  public func step(for symbol: SymbolID, on date: CivilDate) -> Int? {
    stepIndex[MemoKey(symbol: symbol, person: -1, day: date.dayNumber)]
  }

  /// The value of a definition for the household (`person == nil`) or a person on a date, memoised.
  func definitionValue(_ id: SymbolID, person: Int?, date: CivilDate) throws(Undecided) -> Value {
    let key = MemoKey(symbol: id, person: person ?? -1, day: date.dayNumber)
    if let known = memo[key] {
      if tracing, let s = stepIndex[key], !collectors.isEmpty { collectors[collectors.count - 1].append(s) }
      return try known.get()
    }
    if let deadline {
      definitionsSinceClockCheck += 1
      if definitionsSinceClockCheck >= 64 {
        definitionsSinceClockCheck = 0
        if ContinuousClock.now >= deadline { throw .timeLimit }
      }
    }
    if tracing { collectors.append([]) }
    var notes: [Int: TraceStep.RuleOutcome] = [:]
    var decided: Rule?
    let result: Result<Value, Undecided>
    var definition: Definition?
    do {
      let def = try definitionOf(id, on: date)
      definition = def
      let ctx = Context(date: date, current: person)
      let (value, rule) = try decide(def, ctx, notes: &notes)
      decided = rule
      result = .success(value)
    } catch {
      result = .failure(error)
    }
    memo[key] = result
    if tracing {
      let uses = collectors.removeLast()
      let index = record(id, person: person, date: date, result: result, definition: definition, decided: decided, notes: notes, uses: uses)
      stepIndex[key] = index
      if !collectors.isEmpty { collectors[collectors.count - 1].append(index) }
    }
    return try result.get()
  }

  func definitionOf(_ id: SymbolID, on date: CivilDate) throws(Undecided) -> Definition {
    guard let version = program.version(of: id.law, on: date) else {
      let available = (program.laws[id.law] ?? []).map(\.validityText).joined(separator: "; ")
      throw .noVersion(law: id.law, date: date, available: available)
    }
    guard let def = version.definitions[id] else { throw .notDefined(id, date: date) }
    return def
  }

  /// The default logic: base rules with their exceptions, then the fallback, then the closed-world
  /// default for kenmerken.
  func decide(_ def: Definition, _ ctx: Context, notes: inout [Int: TraceStep.RuleOutcome]) throws(Undecided) -> (Value, Rule?) {
    // `Niet geformaliseerd` goes first: where the model says it does not decide, no other rule may.
    for rule in def.rules {
      guard case .notFormalised(let reason) = rule.body else { continue }
      if let c = rule.condition, try !boolean(c, ctx) {
        notes[rule.index] = .notApplicable
        continue
      }
      notes[rule.index] = .applied
      if rule.condition?.readsGiven == true { throw .documentForm(def.id, reason: reason, citation: rule.citation) }
      throw .notFormalised(def.id, reason: reason, citation: rule.citation)
    }
    var applicable: [(Rule, Value)] = []
    for rule in def.baseRules {
      if let hit = try tree(rule, def, ctx, notes: &notes), !applicable.contains(where: { $0.0.index == hit.0.index }) {
        applicable.append(hit)
      }
    }
    if def.isKenmerk, !applicable.isEmpty {
      let values = Set(applicable.map(\.1))
      guard values.count == 1 else { throw .conflict(def.id, date: ctx.date, rules: applicable.map(\.0.citation)) }
      return (applicable[0].1, applicable[0].0)
    }
    if applicable.count > 1 { throw .conflict(def.id, date: ctx.date, rules: applicable.map(\.0.citation)) }
    if let only = applicable.first { return (only.1, only.0) }
    for rule in def.fallbacks {
      if let hit = try tree(rule, def, ctx, notes: &notes) { return (hit.1, hit.0) }
    }
    if def.isKenmerk { return (.boolean(false), nil) }
    throw .noRule(def.id, date: ctx.date, considered: def.rules.map(\.citation))
  }

  /// A rule with its exceptions: the value of the one exception that applies, else the rule's own
  /// value if its condition holds, else nothing.
  func tree(_ rule: Rule, _ def: Definition, _ ctx: Context, notes: inout [Int: TraceStep.RuleOutcome]) throws(Undecided) -> (Rule, Value)? {
    var hits: [(Rule, Value)] = []
    for e in def.exceptions(to: rule) {
      if let hit = try tree(e, def, ctx, notes: &notes), !hits.contains(where: { $0.0.index == hit.0.index }) { hits.append(hit) }
    }
    if hits.count > 1 { throw .conflict(def.id, date: ctx.date, rules: hits.map(\.0.citation)) }
    if let hit = hits.first {
      if notes[rule.index] == nil { notes[rule.index] = .overridden }
      return hit
    }
    if let c = rule.condition, try !boolean(c, ctx) {
      notes[rule.index] = .notApplicable
      return nil
    }
    notes[rule.index] = .applied
    switch rule.body {
    case .value(let e): return (rule, try evaluate(e, ctx))
    case .kenmerk(let b): return (rule, .boolean(b))
    case .notFormalised(let reason): throw .notFormalised(def.id, reason: reason, citation: rule.citation)
    }
  }

  /// The index of a person named in an expression.
  func person(_ ref: PersonRef, _ ctx: Context, at citation: Citation) throws(Undecided) -> Int {
    switch ref {
    case .aanvrager:
      guard let a = household.aanvrager else { throw .absentPerson("de aanvrager", neededBy: citation) }
      return a
    case .partner:
      guard let p = household.partner else { throw .absentPerson("de partner", neededBy: citation) }
      return p
    case .current:
      guard let c = ctx.current else { throw .absentPerson("de persoon", neededBy: citation) }
      return c
    }
  }

  /// `hij is de partner`: whether two references name the same person. A role the household does not
  /// fill names nobody, so no one is it: without a partner `hij is de partner` is false, as the kernel
  /// reads it; only a fact *of* the absent partner leaves an outcome undecided.
  func samePerson(_ p: PersonRef, _ q: PersonRef, _ ctx: Context, at citation: Citation) throws(Undecided) -> Bool {
    if p == q { return true }
    func index(_ ref: PersonRef) throws(Undecided) -> Int? {
      switch ref {
      case .aanvrager: return household.aanvrager
      case .partner: return household.partner
      case .current: return try person(.current, ctx, at: citation)
      }
    }
    guard let x = try index(p), let y = try index(q) else { return false }
    return x == y
  }

  /// Whether the document gives the fact itself (rather than leaving it to its default).
  func isGiven(_ id: SymbolID, person: Int?) -> Bool {
    if let person { return household.persons[person].facts[id] != nil }
    return household.facts[id] != nil
  }

  /// A fact of the household or a person: as given, else its default, else undecided.
  func fact(_ id: SymbolID, person: Int?, at citation: Citation) throws(Undecided) -> Value {
    let decl = program.facts[id]
    if let person {
      if let v = household.persons[person].facts[id] ?? decl?.defaultValue { return v }
      throw .missingFact(field: decl?.field ?? id.name, person: household.persons[person].id, neededBy: citation)
    }
    if let v = household.facts[id] ?? decl?.defaultValue { return v }
    throw .missingFact(field: decl?.field ?? id.name, person: nil, neededBy: citation)
  }

  func parameter(_ id: SymbolID, on date: CivilDate) throws(Undecided) -> ParameterValue {
    guard let value = program.parameters[id]?.value(on: date) else { throw .noParameterValue(id, date: date) }
    return value
  }
}

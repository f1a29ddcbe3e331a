import ExactArithmetic

/// Which facts the rules can do without. A rule that reads a fact only when the document gives it
/// (`… indien zijn inkomensgegeven is opgegeven`) leaves the other case to rules that derive the value,
/// so a population may omit that fact and let the rules compute it. A rule that reads the fact without
/// asking would take its default when the fact is absent (€ 0 for the inkomensgegeven): a value the
/// law may not mean, so the fact must then be given.
extension Program {
  /// Whether the rules valid on `date` derive `field` when it is absent:
  /// - some rule asks whether it is given;
  /// - every rule that reads its value has, among the conditions it requires all of, `… is opgegeven`
  ///   for the same person (a read inside a sum over persons counts as unguarded);
  /// - what the definitions with such a guard read otherwise exists on every first of the month of the
  ///   year and on `date` (a `Gebruik uit … tot` ends it: the Awir of 2026 derives the toetsingsinkomen
  ///   from the inkomstenbelasting, which is encoded until 2027).
  ///
  /// For `toetsingsinkomen` this holds in 2025 and 2026 (Awir art. 8 derives it from the verzamelinkomen,
  /// the AOW takes the inkomensbestanddelen), not in 2024 (the Awir of 2024 reads only the given
  /// inkomensgegeven) and not from 2027 on. The answer errs towards "no": then the fact is given.
  public func derivesWhenAbsent(field: String, on date: CivilDate) -> Bool {
    let ids = Set(facts.values.filter { $0.field == field }.map(\.id))
    guard !ids.isEmpty else { return false }
    var deriving: [Definition] = []
    for law in laws.keys.sorted() {
      guard let version = version(of: law, on: date) else { continue }
      for definition in version.definitions.values {
        var asks = false
        for rule in definition.rules {
          let use = FactUse(ids: ids, rule: rule)
          if use.unguardedRead { return false }
          asks = asks || use.asks
        }
        if asks { deriving.append(definition) }
      }
    }
    guard !deriving.isEmpty else { return false }
    let days = (1...12).compactMap { CivilDate(year: date.year, month: $0, day: 1) } + [date]
    return days.allSatisfy { day in
      var checked: Set<SymbolID> = []
      return deriving.allSatisfy { d in d.rules.allSatisfy { rule in rule.allExpressions.allSatisfy { exists($0, on: day, &checked) } } }
    }
  }

  /// Whether every definition `e` reads, directly or through other definitions, has a version on `day`.
  func exists(_ e: TypedExpression, on day: CivilDate, _ checked: inout Set<SymbolID>) -> Bool {
    var ok = true
    var next: [SymbolID] = []
    e.walk { node in
      if case .definition(let id, _) = node.kind, !checked.contains(id) { next.append(id) }
    }
    for id in next where checked.insert(id).inserted {
      guard let d = definition(id, on: day) else { return false }
      for rule in d.rules { for x in rule.allExpressions where !exists(x, on: day, &checked) { ok = false } }
      if !ok { return false }
    }
    return ok
  }
}

extension Rule {
  /// The rule's condition and its value, where it has them.
  var allExpressions: [TypedExpression] {
    var out: [TypedExpression] = []
    if let condition { out.append(condition) }
    if case .value(let body) = body { out.append(body) }
    return out
  }
}

/// How one rule uses a fact: whether it asks `… is opgegeven` as a required condition, and whether it
/// reads the value where no such condition covers the person read.
struct FactUse {
  var asks = false
  var unguardedRead = false

  init(ids: Set<SymbolID>, rule: Rule) {
    // The persons the rule requires the fact to be given for: conjuncts of its condition, not negated.
    var guarded: Set<PersonRef> = []
    let conjuncts: [TypedExpression]
    if let c = rule.condition, case .and(let list) = c.kind { conjuncts = list } else { conjuncts = rule.condition.map { [$0] } ?? [] }
    for c in conjuncts {
      if case .given(let id, let person) = c.kind, ids.contains(id) { guarded.insert(person ?? .current) }
    }
    asks = !guarded.isEmpty
    for e in rule.allExpressions { Self.reads(e, ids: ids, guarded: guarded, inGroup: false, &unguardedRead) }
  }

  /// Marks `unguarded` when `e` reads one of `ids` for a person not in `guarded`, or inside a group.
  static func reads(_ e: TypedExpression, ids: Set<SymbolID>, guarded: Set<PersonRef>, inGroup: Bool, _ unguarded: inout Bool) {
    switch e.kind {
    case .fact(let id, let person) where ids.contains(id):
      if inGroup || !guarded.contains(person ?? .current) { unguarded = true }
    case .sum, .count, .exists:
      for c in e.children { reads(c, ids: ids, guarded: guarded, inGroup: true, &unguarded) }
    default:
      for c in e.children { reads(c, ids: ids, guarded: guarded, inGroup: inGroup, &unguarded) }
    }
  }
}

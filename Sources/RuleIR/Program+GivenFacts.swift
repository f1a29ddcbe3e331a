import ExactArithmetic

/// Which facts the rules can do without. A rule that reads a fact only when the document gives it
/// (`… indien zijn inkomensgegeven is opgegeven`) leaves the other case to rules that derive the value,
/// so a population may omit that fact and let the rules compute it. A rule that reads the fact without
/// asking would take its default when the fact is absent (€ 0 for the inkomensgegeven): a value the
/// law may not mean, so the fact must then be given.
extension Program {
  /// Whether the rules of the law versions valid on `date` derive `field` when it is absent: some rule
  /// asks whether it is given, and every rule that reads its value asks so in its condition.
  ///
  /// For `toetsingsinkomen` this holds from 2025 on (Awir art. 8 derives it from the verzamelinkomen,
  /// the AOW takes the inkomensbestanddelen) and not for 2024 (the Awir of 2024 reads only the given
  /// inkomensgegeven).
  public func derivesWhenAbsent(field: String, on date: CivilDate) -> Bool {
    let ids = Set(facts.values.filter { $0.field == field }.map(\.id))
    guard !ids.isEmpty else { return false }
    var asked = false
    for law in laws.keys {
      guard let version = version(of: law, on: date) else { continue }
      for definition in version.definitions.values {
        for rule in definition.rules {
          let (asks, reads) = Self.uses(of: ids, in: rule)
          if reads && !asks { return false }
          asked = asked || asks
        }
      }
    }
    return asked
  }

  /// Whether `rule`'s condition asks whether one of `ids` is given, and whether the rule reads the value
  /// of one of them (in its condition or its body).
  static func uses(of ids: Set<SymbolID>, in rule: Rule) -> (asks: Bool, reads: Bool) {
    var asks = false
    var reads = false
    rule.condition?.walk { node in
      switch node.kind {
      case .given(let id, _) where ids.contains(id): asks = true
      case .fact(let id, _) where ids.contains(id): reads = true
      default: break
      }
    }
    if case .value(let body) = rule.body {
      body.walk { node in
        if case .fact(let id, _) = node.kind, ids.contains(id) { reads = true }
      }
    }
    return (asks, reads)
  }
}

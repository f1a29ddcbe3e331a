import ExactArithmetic

/// Renders typed expressions as text, for explanations (with the values of names filled in) and for
/// specifications.
public struct ExpressionPrinter {
  /// `symbols` writes `−`, `×`, `max(…)`; `words` writes the rule language (`verminderd met`, `maal`).
  public enum Style: Sendable { case symbols, words }

  public var style: Style
  /// Gives the value of a leaf (parameter, fact, definition) to show next to its name, if known.
  public var valueOf: ((TypedExpression) -> String?)?
  /// For `A geldend op D`: the printer that shows the values of `A` as they are on `D` (the leaves of
  /// `A` are read on another date than the rest of the expression). Without it, `A` is rendered by
  /// this printer.
  public var shifted: ((_ date: TypedExpression) -> ExpressionPrinter?)?

  public init(
    style: Style = .symbols, valueOf: ((TypedExpression) -> String?)? = nil,
    shifted: ((_ date: TypedExpression) -> ExpressionPrinter?)? = nil
  ) {
    self.style = style
    self.valueOf = valueOf
    self.shifted = shifted
  }

  public func render(_ e: TypedExpression) -> String { render(e, parent: 0) }

  /// Precedence: 0 top, 1 comparison/logic, 2 additive, 3 multiplicative, 4 primary.
  func render(_ e: TypedExpression, parent: Int) -> String {
    func wrap(_ s: String, _ level: Int) -> String { level < parent ? "(\(s))" : s }
    func leaf(_ name: String) -> String {
      guard let v = valueOf?(e) else { return name }
      return "\(name) [\(v)]"
    }
    let words = style == .words
    switch e.kind {
    case .constant(let v): return v.formatted(as: e.type)
    case .parameter(let id): return leaf(id.name)
    case .fact(let id, let p), .definition(let id, let p):
      guard let p else { return leaf(id.name) }
      return leaf(p == .current ? "zijn \(id.name)" : "\(id.name) van \(p)")
    case .given(let id, let p):
      let fact = p.map { $0 == .current ? "zijn \(id.name)" : "\(id.name) van \($0)" } ?? id.name
      return wrap("\(fact) is opgegeven", 1)
    case .person(let p): return p.description
    case .arithmetic(let op, let a, let b):
      let level = (op == .plus || op == .minus) ? 2 : 3
      let sym: String
      switch op {
      case .plus: sym = words ? "vermeerderd met" : "+"
      case .minus: sym = words ? "verminderd met" : "−"
      case .times: sym = words ? "maal" : "×"
      case .dividedBy: sym = words ? "gedeeld door" : "÷"
      }
      return wrap("\(render(a, parent: level)) \(sym) \(render(b, parent: level + 1))", level)
    case .convertPeriod(let a, let factor, _):
      if factor == Rational(12) { return words ? "het twaalfvoud van \(render(a, parent: 4))" : wrap("12 × \(render(a, parent: 3))", 3) }
      return words ? "het twaalfde deel van \(render(a, parent: 4))" : wrap("\(render(a, parent: 3)) ÷ 12", 3)
    case .extremum(let isMax, let list):
      let name = isMax ? (words ? "het maximum van" : "max") : (words ? "het minimum van" : "min")
      return words ? "\(name) \(list.map { render($0, parent: 2) }.joined(separator: " en "))" : "\(name)(\(list.map { render($0) }.joined(separator: ", ")))"
    case .round(let a, let mode, let unit, let basis):
      let target =
        e.type == .percentage
        ? "een veelvoud van \(DutchFormat.percentage(unit))"
        : unit == .one ? "hele euro's" : unit == Rational(numerator: 1, denominator: 100) ? "centen" : "een veelvoud van \(DutchFormat.euro(unit))"
      return "\(render(a, parent: 2)), \(mode.dutch) afgerond op \(target) (\(basis.short))"
    case .inEuros(let a):
      if case .money(let p) = e.type {
        let period = p == .perJaar ? " per jaar" : p == .perMaand ? " per maand" : ""
        return "het bedrag in euro's\(period) van \(render(a, parent: 4))"
      }
      return "de getalswaarde in euro's van \(render(a, parent: 4))"
    case .at(let a, let d):
      let inner = shifted?(d) ?? self
      return "\(inner.render(a, parent: 4)) geldend op \(render(d, parent: 4))"
    case .sumOverMonths(let a): return "de som van \(render(a, parent: 2)) over de maanden van het berekeningsjaar"
    case .sum(let g, let body, let filter):
      return "de som van \(render(body, parent: 2)) van \(g.description)" + (filter.map { " waarvoor geldt dat \(render($0))" } ?? "")
    case .count(let g, let filter):
      return "het aantal \(g.rawValue)" + (filter.map { " waarvoor geldt dat \(render($0))" } ?? "")
    case .exists(let g, let filter):
      return "er is \(g == .partner ? "een partner" : "iemand uit \(g.description)")" + (filter.map { " waarvoor geldt dat \(render($0))" } ?? "")
    case .age(let birth, let at):
      let who: String
      if case .fact(_, let p?) = birth.kind { who = p.description } else { who = render(birth) }
      return "de leeftijd van \(who)" + (at.map { " op \(render($0, parent: 4))" } ?? "")
    case .addDuration(let a, let b, let subtract):
      return wrap("\(render(a, parent: 2)) \(subtract ? "verminderd met" : "vermeerderd met") \(render(b, parent: 3))", 2)
    // In parentheses inside arithmetic: the 'tot' operand would otherwise seem to take the rest.
    case .dayCount(let a, let b): return wrap("het aantal dagen van \(render(a, parent: 4)) tot \(render(b, parent: 4))", 1)
    case .firstOfNextMonth(let d): return "de eerste dag van de maand na \(render(d, parent: 4))"
    case .firstOfMonth(let d): return "de eerste dag van de maand van \(render(d, parent: 4))"
    case .peildatum: return leaf("de peildatum")
    case .beginOfYear: return leaf("het begin van het berekeningsjaar")
    case .endOfYear: return leaf("het einde van het berekeningsjaar")
    case .calculationYear: return leaf("het berekeningsjaar")
    case .compare(let op, let a, let b):
      let sym: String
      switch op {
      case .equal: sym = words ? "is gelijk aan" : "="
      case .notEqual: sym = words ? "is niet gelijk aan" : "≠"
      case .less: sym = words ? "is kleiner dan" : "<"
      case .lessOrEqual: sym = words ? "is ten hoogste" : "≤"
      case .greater: sym = words ? "is groter dan" : ">"
      case .greaterOrEqual: sym = words ? "is ten minste" : "≥"
      }
      return wrap("\(render(a, parent: 2)) \(sym) \(render(b, parent: 2))", 1)
    case .and(let list): return wrap(list.map { render($0, parent: 2) }.joined(separator: " en "), 1)
    case .or(let list): return wrap(list.map { render($0, parent: 2) }.joined(separator: " of "), 1)
    case .not(let a): return "niet \(render(a, parent: 4))"
    }
  }
}

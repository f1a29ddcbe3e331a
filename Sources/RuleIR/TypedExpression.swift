import ExactArithmetic
import LegalSource

/// What a rounding in the typed IR rests on: the article that orders it, or the interpretation
/// choice (`keuze`, by id) that decided a rounding the law does not order.
public enum RoundingBasis: Sendable, Hashable {
  case article(Citation)
  case choice(String)

  /// `Wht art. 21 lid 1` or `keuze maandbedrag-centen`, for explanations.
  public var short: String {
    switch self {
    case .article(let c): return c.short
    case .choice(let id): return "keuze \(id)"
    }
  }
}

/// A node of the typed IR: an expression whose names are resolved, whose type and quantum are known,
/// and which remembers where it was written and which article it formalises.
public final class TypedExpression: Sendable {
  public let kind: Kind
  public let type: RuleType
  /// For amounts and numbers: the unit of which every value is a whole multiple (`0.01` for whole
  /// cents, `1` for whole euros and integers), or `nil` when the value may be any rational
  /// (an unrounded product with a percentage, a division).
  public let quantum: Rational?
  public let range: SourceRange
  public let citation: Citation

  public init(_ kind: Kind, type: RuleType, quantum: Rational? = nil, range: SourceRange, citation: Citation) {
    self.kind = kind
    self.type = type
    self.quantum = quantum
    self.range = range
    self.citation = citation
  }

  public indirect enum Kind: Sendable {
    case constant(Value)
    case parameter(SymbolID)
    /// A fact of the household (`person == nil`) or of a person.
    case fact(SymbolID, PersonRef?)
    /// Whether the document gives the fact itself (`zijn inkomensgegeven is opgegeven`), not its default.
    case given(SymbolID, PersonRef?)
    /// A value derived by rules, of the household or of a person.
    case definition(SymbolID, PersonRef?)
    case person(PersonRef)
    case arithmetic(ArithmeticOperator, TypedExpression, TypedExpression)
    /// Multiplication by a constant that also changes the period: ×12 (month → year) or ÷12.
    case convertPeriod(TypedExpression, factor: Rational, to: Period)
    case extremum(isMaximum: Bool, [TypedExpression])
    case round(TypedExpression, mode: RoundingMode, unit: Rational, basis: RoundingBasis)
    /// The same value in another unit: an amount as its number of euros (node type `number`), or a
    /// number as an amount in euros (node type `money`). Exact: the value does not change.
    case inEuros(TypedExpression)
    /// The expression evaluated as on another date.
    case at(TypedExpression, date: TypedExpression)
    /// Sum of `body` over the members of a group that satisfy `filter` (`current` is the member).
    case sum(PersonGroup, body: TypedExpression, filter: TypedExpression?)
    case count(PersonGroup, filter: TypedExpression?)
    case exists(PersonGroup, filter: TypedExpression?)
    /// Sum of the expression evaluated on the first day of each month of the calculation year.
    case sumOverMonths(TypedExpression)
    /// Completed years and months from a birth date to a date (default: the peildatum).
    case age(TypedExpression, at: TypedExpression?)
    case addDuration(TypedExpression, TypedExpression, subtract: Bool)
    /// The number of days from the first date up to the second (the first counted, the second not).
    case dayCount(TypedExpression, TypedExpression)
    case firstOfNextMonth(TypedExpression)
    case firstOfMonth(TypedExpression)
    case peildatum
    case beginOfYear
    case endOfYear
    case calculationYear
    case compare(ComparisonOperator, TypedExpression, TypedExpression)
    case and([TypedExpression])
    case or([TypedExpression])
    case not(TypedExpression)
  }

  /// The direct children of this node.
  public var children: [TypedExpression] {
    switch kind {
    case .constant, .parameter, .fact, .given, .definition, .person, .peildatum, .beginOfYear, .endOfYear, .calculationYear:
      return []
    case .arithmetic(_, let a, let b), .compare(_, let a, let b), .addDuration(let a, let b, _), .dayCount(let a, let b): return [a, b]
    case .convertPeriod(let a, _, _), .round(let a, _, _, _), .inEuros(let a), .firstOfNextMonth(let a), .firstOfMonth(let a), .not(let a),
      .sumOverMonths(let a):
      return [a]
    case .extremum(_, let list), .and(let list), .or(let list): return list
    case .at(let e, let d): return [e, d]
    case .sum(_, let body, let filter): return [body] + (filter.map { [$0] } ?? [])
    case .count(_, let filter), .exists(_, let filter): return filter.map { [$0] } ?? []
    case .age(let birth, let at): return [birth] + (at.map { [$0] } ?? [])
    }
  }

  /// Calls `visit` on this node and every node below it, depth first.
  public func walk(_ visit: (TypedExpression) -> Void) {
    visit(self)
    for c in children { c.walk(visit) }
  }

  /// Every symbol this expression reads, with the node that reads it.
  public var references: [(SymbolID, TypedExpression)] {
    var out: [(SymbolID, TypedExpression)] = []
    walk { node in
      switch node.kind {
      case .parameter(let s), .fact(let s, _), .given(let s, _), .definition(let s, _): out.append((s, node))
      default: break
      }
    }
    return out
  }

  /// Whether the expression asks which facts the document gives (`… is opgegeven`).
  public var readsGiven: Bool {
    var found = false
    walk { if case .given = $0.kind { found = true } }
    return found
  }

  /// Whether the value depends on the peildatum (directly, or through the clock of `geldend op`).
  public var readsDate: Bool {
    var found = false
    walk { node in
      switch node.kind {
      case .peildatum, .beginOfYear, .endOfYear, .calculationYear, .age, .parameter, .definition, .sumOverMonths: found = true
      default: break
      }
    }
    return found
  }
}

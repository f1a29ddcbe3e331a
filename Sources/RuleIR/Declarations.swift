import ExactArithmetic
import LegalSource

/// An input of the household document, declared in the household data model.
public struct FactDeclaration: Sendable {
  public let id: SymbolID
  public let subject: Subject
  public let type: RuleType
  public let quantum: Rational?
  /// Used when the document leaves the field out; `nil` means the fact is required when a rule needs it.
  public let defaultValue: Value?
  /// The least and greatest value a household document may give; outside them the document is refused.
  public let minimum: Value?
  public let maximum: Value?
  /// Path in the household document: `toetsingsinkomen` (per person) or `woning.rekenhuur`.
  public let field: String
  /// Where the fact comes from: a basisregistratie (`BRP`, `BRI`, …) or `opgave` (declared by the citizen).
  public let origin: String
  public let citation: Citation
  public let range: SourceRange

  public init(
    id: SymbolID, subject: Subject, type: RuleType, quantum: Rational?, defaultValue: Value?, minimum: Value? = nil, maximum: Value? = nil,
    field: String, origin: String, citation: Citation, range: SourceRange
  ) {
    self.id = id
    self.subject = subject
    self.type = type
    self.quantum = quantum
    self.defaultValue = defaultValue
    self.minimum = minimum
    self.maximum = maximum
    self.field = field
    self.origin = origin
    self.citation = citation
    self.range = range
  }

  /// Whether the citizen declares the fact (rather than a basisregistratie supplying it).
  public var isDeclared: Bool { origin.lowercased().hasPrefix("opgave") }
}

/// One value of a parameter, valid over a period, with its legal source.
public struct ParameterValue: Sendable {
  public let from: CivilDate
  /// Exclusive; `nil` when open-ended.
  public let until: CivilDate?
  public let value: Value
  public let quantum: Rational?
  /// The article (or delegated regulation) that sets the value.
  public let citation: Citation
  /// A further source named in the rule text (`bron "…"`), for values not in the law text itself.
  public let source: String?
  public let range: SourceRange

  public init(from: CivilDate, until: CivilDate?, value: Value, quantum: Rational?, citation: Citation, source: String?, range: SourceRange) {
    self.from = from
    self.until = until
    self.value = value
    self.quantum = quantum
    self.citation = citation
    self.source = source
    self.range = range
  }

  public func covers(_ date: CivilDate) -> Bool { date >= from && (until.map { date < $0 } ?? true) }
}

/// A parameter: its type and every value it takes over time, from the law and its delegated regulations.
public struct ParameterDeclaration: Sendable {
  public let id: SymbolID
  public let type: RuleType
  public let quantum: Rational?
  /// Sorted by `from`.
  public let values: [ParameterValue]
  /// The declaration in the law (where the parameter is named).
  public let citation: Citation
  public let range: SourceRange
  /// The delegation text (`ministeriële regeling`) when the law leaves the value to another regulation.
  public let delegation: String?

  public init(id: SymbolID, type: RuleType, quantum: Rational?, values: [ParameterValue], citation: Citation, range: SourceRange, delegation: String?) {
    self.id = id
    self.type = type
    self.quantum = quantum
    self.values = values
    self.citation = citation
    self.range = range
    self.delegation = delegation
  }

  public func value(on date: CivilDate) -> ParameterValue? {
    values.last { $0.covers(date) }
  }
}

/// One rule for a definition: a value or kenmerk, with its condition and its place among exceptions.
public struct Rule: Sendable {
  public enum Body: Sendable {
    case value(TypedExpression)
    /// Sets a kenmerk to true (`Een persoon is verzekerde indien …`) or false (`… is geen …`).
    case kenmerk(Bool)
    /// The model does not decide this case; the reason names the article not formalised.
    case notFormalised(String)
  }

  /// Index of the rule within its definition.
  public let index: Int
  public let body: Body
  public let condition: TypedExpression?
  /// Indices of the rules of the same definition that this rule takes precedence over.
  public let overrides: [Int]
  /// Articles of other laws this rule deviates from (`in afwijking van artikel 7 lid 3 van awir`).
  public let deviatesFrom: [Citation]
  public let isFallback: Bool
  public let citation: Citation
  public let range: SourceRange

  public init(index: Int, body: Body, condition: TypedExpression?, overrides: [Int], deviatesFrom: [Citation], isFallback: Bool, citation: Citation, range: SourceRange) {
    self.index = index
    self.body = body
    self.condition = condition
    self.overrides = overrides
    self.deviatesFrom = deviatesFrom
    self.isFallback = isFallback
    self.citation = citation
    self.range = range
  }

  /// The rule as written in the regulation.
  public var text: String { range.text }
}

/// All rules for one name in one version of a law.
public struct Definition: Sendable {
  public let id: SymbolID
  public let subject: Subject
  public let type: RuleType
  public let quantum: Rational?
  public let rules: [Rule]

  public init(id: SymbolID, subject: Subject, type: RuleType, quantum: Rational?, rules: [Rule]) {
    self.id = id
    self.subject = subject
    self.type = type
    self.quantum = quantum
    self.rules = rules
  }

  /// Rules that `rule` is overridden by (its exceptions).
  public func exceptions(to rule: Rule) -> [Rule] {
    rules.filter { $0.overrides.contains(rule.index) }
  }

  /// Whether the definition is a kenmerk (its rules set it to true or false).
  public var isKenmerk: Bool { type == .boolean && rules.contains { if case .kenmerk = $0.body { return true } else { return false } } }

  /// Rules that are exceptions to nothing and not fallbacks: the top level of the default logic.
  public var baseRules: [Rule] {
    rules.filter { r in
      if case .notFormalised = r.body { return false }
      return r.overrides.isEmpty && !r.isFallback
    }
  }
  public var fallbacks: [Rule] { rules.filter(\.isFallback) }
}

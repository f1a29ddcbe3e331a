import ExactArithmetic
import LegalSource
import RuleIR

/// The untyped syntax tree of a rule block, as written: names are still words, `van` is still
/// ambiguous between "attribute of" and "percentage of", and nothing is resolved. Every node keeps its
/// source range; `RuleSemantics` turns this tree into the typed IR.

/// A name as written: one or more words, compared case-insensitively (`de normpremie` → `normpremie`).
public struct Name: Sendable, Hashable, CustomStringConvertible {
  public let words: [String]
  public let range: SourceRange

  public init(words: [String], range: SourceRange) {
    self.words = words
    self.range = range
  }

  /// The words in lower case, joined by single spaces; the key used for resolution.
  public var key: String { words.map { $0.lowercased() }.joined(separator: " ") }
  public var description: String { key }

  public static func == (a: Name, b: Name) -> Bool { a.key == b.key }
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A type as written in a declaration.
public enum TypeSyntax: Sendable, Equatable {
  case money(period: MoneyPeriod)
  case percentage
  case number
  case integer
  case date
  case duration
  case boolean
  case enumeration(Name)
}

/// A reference to a place in a law: `artikel 2 lid 1`, `het eerste lid`, `artikel 7, derde lid, van awir`.
public struct ArticleReference: Sendable, Hashable {
  public var artikel: String?
  public var lid: String?
  public var onderdeel: String?
  /// The law's code when the reference names another law.
  public var law: String?
  public let range: SourceRange
}

/// What a rounding rests on: the article that orders it, or — where the law orders none but the
/// model needs one — the interpretation choice (`keuze`) that decided it.
public enum RoundingAuthority: Sendable, Hashable {
  /// `… afgerond op centen volgens artikel 21 lid 1`
  case article(ArticleReference)
  /// `… afgerond op centen volgens keuze maandbedrag-centen`
  case choice(String, SourceRange)
}

/// Built-in roles and collections of the household.
public enum RoleWord: String, Sendable, Hashable {
  case aanvrager, partner
  case kinderen, medebewoners, personen
}

/// What a rounding rounds to.
public enum RoundingTargetSyntax: Sendable, Equatable {
  case wholeEuros
  case cents
  case multiple(Rational)
  /// A multiple of a percentage (`een veelvoud van 0,01 %`, Regeling Wfsv art. 2.6: "afgerond op
  /// honderdsten"); only a percentage can be rounded to it.
  case percentageMultiple(Rational)
}

/// An expression as written.
public indirect enum ExprSyntax: Sendable {
  case literal(LiteralSyntax, SourceRange)
  case name(Name)
  /// `hij`, `zij`, `de persoon`: the person the rule or filter is about.
  case pronoun(SourceRange)
  case role(RoleWord, SourceRange)
  /// `A van B`: an attribute of a person, or a percentage of an amount.
  case of(ExprSyntax, ExprSyntax, SourceRange)
  case arithmetic(ArithmeticOperator, ExprSyntax, ExprSyntax, SourceRange)
  /// `het maximum van A en B`, `het minimum van …`.
  case extremum(isMaximum: Bool, [ExprSyntax], SourceRange)
  /// `A, met een minimum van B` (a floor) or `met een maximum van B` (a ceiling).
  case bounded(ExprSyntax, isMinimum: Bool, ExprSyntax, SourceRange)
  /// `het twaalfvoud van A` (×12, month → year), `het twaalfde deel van A` (÷12, year → month).
  case twelvefold(ExprSyntax, SourceRange)
  case twelfth(ExprSyntax, SourceRange)
  case rounded(ExprSyntax, RoundingMode, RoundingTargetSyntax, RoundingAuthority, SourceRange)
  /// `de getalswaarde in euro's van A`: an amount as the number of euros it is (for a formula of the law
  /// that uses an amount as a number, such as Wht art. 19 lid 2 with Y = het rekeninkomen).
  case euroValue(ExprSyntax, SourceRange)
  /// `het bedrag in euro's per maand van A` (or `per jaar`, or neither): a number as an amount.
  case euroAmount(ExprSyntax, MoneyPeriod, SourceRange)
  /// `A geldend op D`: A evaluated as on date D.
  case at(ExprSyntax, date: ExprSyntax, SourceRange)
  /// `de som van X` (over a collection or of terms joined by `en`) with an optional filter.
  case sum([ExprSyntax], filter: ConditionSyntax?, SourceRange)
  /// `de som van X over de maanden van het berekeningsjaar`: X evaluated on the first day of each
  /// month of the year, summed (for rights determined per kalendermaand).
  case sumOverMonths(ExprSyntax, SourceRange)
  /// `het aantal kinderen [waarvoor geldt dat …]`.
  case count(ExprSyntax, filter: ConditionSyntax?, SourceRange)
  /// `de leeftijd van X [op D]`: completed years (and months).
  case age(ExprSyntax, at: ExprSyntax?, SourceRange)
  /// `de datum waarop X D wordt` (a birthday) or `… D bereikt`.
  case dateReached(ExprSyntax, ExprSyntax, SourceRange)
  /// `het aantal dagen van D tot E`: the days from D up to E, D counted and E not.
  case dayCount(ExprSyntax, ExprSyntax, SourceRange)
  /// `de eerste dag van de kalendermaand volgend op D`.
  case firstOfNextMonth(ExprSyntax, SourceRange)
  /// `de eerste dag van de maand van D`.
  case firstOfMonth(ExprSyntax, SourceRange)
  case peildatum(SourceRange)
  case beginOfYear(SourceRange)
  case endOfYear(SourceRange)
  case calculationYear(SourceRange)

  public var range: SourceRange {
    switch self {
    case .literal(_, let r), .pronoun(let r), .role(_, let r), .of(_, _, let r), .arithmetic(_, _, _, let r),
      .extremum(_, _, let r), .bounded(_, _, _, let r), .twelvefold(_, let r), .twelfth(_, let r),
      .rounded(_, _, _, _, let r), .euroValue(_, let r), .euroAmount(_, _, let r), .at(_, _, let r), .sum(_, _, let r), .sumOverMonths(_, let r), .count(_, _, let r), .age(_, _, let r),
      .dateReached(_, _, let r), .dayCount(_, _, let r), .firstOfNextMonth(_, let r), .firstOfMonth(_, let r), .peildatum(let r),
      .beginOfYear(let r), .endOfYear(let r), .calculationYear(let r):
      return r
    case .name(let n):
      return n.range
    }
  }
}

/// A literal value.
public enum LiteralSyntax: Sendable, Equatable {
  /// An amount; `period` is set when written with `per jaar` or `per maand`.
  case money(Rational, period: MoneyPeriod?)
  case percentage(Rational)
  case number(Rational)
  case date(CivilDate)
  case duration(years: Int, months: Int, days: Int)
  case boolean(Bool)
  case enumValue(String)
}

/// A condition as written.
public indirect enum ConditionSyntax: Sendable {
  case compare(ComparisonOperator, ExprSyntax, ExprSyntax, SourceRange)
  /// `X is [niet|geen] Y`: a kenmerk of X, or equality with a value; decided during resolution.
  case isA(ExprSyntax, ExprSyntax, negated: Bool, SourceRange)
  /// `het huishouden heeft [een|geen] K`.
  case has(Name, negated: Bool, SourceRange)
  /// `er is een partner`, `er is geen kind waarvoor geldt dat …`.
  case exists(ExprSyntax, filter: ConditionSyntax?, negated: Bool, SourceRange)
  case all([ConditionSyntax], SourceRange)
  case any([ConditionSyntax], SourceRange)
  case not(ConditionSyntax, SourceRange)
  /// A boolean name used as a condition.
  case holds(ExprSyntax, SourceRange)
  /// `zijn inkomensgegeven is [niet] opgegeven`: whether the document gives a fact (not its default).
  case given(ExprSyntax, negated: Bool, SourceRange)

  public var range: SourceRange {
    switch self {
    case .compare(_, _, _, let r), .isA(_, _, _, let r), .has(_, _, let r), .exists(_, _, _, let r),
      .all(_, let r), .any(_, let r), .not(_, let r), .holds(_, let r), .given(_, _, let r):
      return r
    }
  }
}

import ExactArithmetic
import LegalSource
import RuleIR

/// Whom a declaration or rule is about.
public enum SubjectSyntax: Sendable, Equatable {
  /// The household as a whole (`de normpremie`, `het huishouden heeft …`).
  case household
  /// Each person (`… van een persoon`, `een persoon is …`).
  case person
}

/// One row of a value table: `- vanaf 2025-07-01: € 1.612,44, bron "…"`.
public struct ValueRow: Sendable {
  public let from: CivilDate
  public let until: CivilDate?
  public let value: LiteralSyntax
  public let source: String?
  public let range: SourceRange
}

/// How a parameter gets its value.
public enum ParameterValueSyntax: Sendable {
  /// One value, written in the article itself, valid for the whole document.
  case single(LiteralSyntax, source: String?, SourceRange)
  /// Values by date.
  case table([ValueRow])
  /// Set by a delegated regulation; the text says which (`vastgesteld bij ministeriële regeling`).
  case delegated(String)
}

/// A statement of a rule block. Every statement carries the article it stands under.
public enum StatementSyntax: Sendable {
  /// `Gebruik uit awir: toetsingsinkomen, toeslagpartner.`
  /// `until`: the names are used only before this date (the other law is not encoded after it).
  case use(law: String, names: [Name], until: CivilDate?, SourceRange)
  /// `Enumeratie partnerschap: 'geen', 'gehuwd', … .`
  case enumeration(Name, values: [String], SourceRange)
  /// `Gegeven inkomensgegeven van een persoon is een bedrag per jaar, standaard € 0, veld "toetsingsinkomen", herkomst BRI.`
  case fact(FactSyntax)
  case parameter(ParameterSyntax)
  /// `Invulling standaardpremie uit zorgtoeslag is € 2.112.`
  case fill(name: Name, law: String, ParameterValueSyntax, SourceRange)
  /// `Uitvoer zorgtoeslag.jaarbedrag is de zorgtoeslag.`; `…, een norm.` for an output that is a norm,
  /// not a payment (`Uitvoer bijstand.maandnorm is de bijstandsnorm, een norm.`).
  case output(id: String, Name, kind: OutputKind, SourceRange)
  case rule(RuleSyntax)
  /// `Niet geformaliseerd: de zorgtoeslag indien …, want "…".`
  case notFormalised(Name, subject: SubjectSyntax, condition: ConditionSyntax, reason: String, SourceRange)
  /// A rule whose head (`Het X van een persoon is`) was read but whose body has a syntax error, already
  /// reported: it still declares its name, so that what uses the name gets no follow-up errors.
  case unparsedRule(Name, subject: SubjectSyntax, SourceRange)

  public var range: SourceRange {
    switch self {
    case .use(_, _, _, let r), .enumeration(_, _, let r), .fill(_, _, _, let r), .output(_, _, _, let r),
      .notFormalised(_, _, _, _, let r), .unparsedRule(_, _, let r):
      return r
    case .fact(let f): return f.range
    case .parameter(let p): return p.range
    case .rule(let r): return r.range
    }
  }
}

public struct FactSyntax: Sendable {
  public let name: Name
  public let subject: SubjectSyntax
  public let type: TypeSyntax
  public let defaultValue: LiteralSyntax?
  /// The least and greatest value the document may give (`, ten minste € 0`, `, ten hoogste 50`).
  public let minimum: LiteralSyntax?
  public let maximum: LiteralSyntax?
  /// Path of the field in the household document: `toetsingsinkomen`, `woning.rekenhuur`.
  public let field: String?
  /// Where the fact comes from: a basisregistratie (`BRP`, `BRI`) or `opgave` by the citizen.
  public let origin: String?
  public let range: SourceRange
}

public struct ParameterSyntax: Sendable {
  public let name: Name
  public let type: TypeSyntax?
  public let value: ParameterValueSyntax
  public let range: SourceRange
}

/// A rekenregel or beslisregel.
public struct RuleSyntax: Sendable {
  public enum Body: Sendable {
    /// `De X is <expr>`.
    case value(ExprSyntax)
    /// `Een persoon is [geen] K` / `Het huishouden heeft [een|geen] K`: sets a kenmerk.
    case kenmerk(positive: Bool)
  }

  public let target: Name
  public let subject: SubjectSyntax
  public let body: Body
  /// `indien …`, with `tenzij …` folded in as a negation.
  public let condition: ConditionSyntax?
  /// `In afwijking van …`: the rules this rule takes precedence over.
  public let exceptionOf: [ArticleReference]
  /// `Anders …`: applies only when no other rule for the same name applies.
  public let isFallback: Bool
  /// `Volgens artikel 14 lid 5 van awir, …`: the article the rule formalises when it is not the one the
  /// rule stands under (a rule of one law applying an article of another).
  public let citationOverride: ArticleReference?
  public let range: SourceRange
}

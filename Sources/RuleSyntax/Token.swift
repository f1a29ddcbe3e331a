import ExactArithmetic
import LegalSource

/// One token of the rule language.
public struct Token: Sendable {
  public enum Kind: Sendable, Equatable {
    /// A word; `text` keeps the spelling, `lower` is used for matching.
    case word
    /// Two or more words joined by dots without spaces: `zorgtoeslag.jaarbedrag`.
    case qualified([String])
    /// A number in Dutch notation: `12`, `4,273`, `1.580,92`.
    case number(Rational)
    /// An amount: `€ 1.580,92`.
    case money(Rational)
    /// A percentage, as a fraction: `4,273 %` is 0.04273.
    case percentage(Rational)
    /// An ISO date: `2025-01-01`.
    case date(CivilDate)
    /// Text between double quotes.
    case string(String)
    /// An enumeration value between single quotes: `'gehuwd'`.
    case enumValue(String)
    /// One of `. , ; : ( )`.
    case punctuation(Character)
    /// A `-` that opens an item of a bulleted list; the token's column says how deep.
    case bullet
    case end
  }

  public let kind: Kind
  public let text: String
  public let range: SourceRange
  /// 1-based column of the first character; bullets use it for nesting.
  public let column: Int
  /// Whether the token is the first on its line.
  public let startsLine: Bool

  public var lower: String { text.lowercased() }

  public func isWord(_ w: String) -> Bool {
    if case .word = kind { return lower == w }
    return false
  }

  public func isPunctuation(_ c: Character) -> Bool { kind == .punctuation(c) }

  public var isEnd: Bool { kind == .end }

  public var isWordToken: Bool {
    if case .word = kind { return true }
    return false
  }
}

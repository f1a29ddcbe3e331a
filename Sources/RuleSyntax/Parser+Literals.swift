import ExactArithmetic
import LegalSource

extension Parser {
  /// A name: optional article, then words up to the first structural word.
  mutating func parseName(allowArticle: Bool) throws -> Name {
    if allowArticle { _ = accept("de") || accept("het") || accept("een") }
    let start = index
    var words: [String] = []
    while case .word = current.kind, !Vocabulary.isStructural(current.lower) {
      words.append(advance().text)
    }
    guard !words.isEmpty else {
      if case .word = current.kind {
        throw fail(.reservedWordAsName(current.text))
      }
      throw fail(.expected("een naam", found: describe(current)))
    }
    return Name(words: words, range: range(from: start))
  }

  /// `bedrag [per jaar|per maand]`, `percentage`, `getal`, `geheel getal`, `datum`, `duur`, `kenmerk`
  /// or the name of an enumeration.
  mutating func parseType() throws -> TypeSyntax {
    let t = current
    switch t.lower {
    case "bedrag":
      index += 1
      if accept(words: ["per", "jaar"]) { return .money(period: .perJaar) }
      if accept(words: ["per", "maand"]) { return .money(period: .perMaand) }
      return .money(period: .none)
    case "percentage": index += 1; return .percentage
    case "getal": index += 1; return .number
    case "geheel": try expect(words: ["geheel", "getal"]); return .integer
    case "datum": index += 1; return .date
    case "duur": index += 1; return .duration
    case "kenmerk": index += 1; return .boolean
    default:
      guard case .word = t.kind, !Vocabulary.isStructural(t.lower) else { throw fail(.unknownType(t.text)) }
      return .enumeration(try parseName(allowArticle: false))
    }
  }

  /// Whether the current token can start a literal.
  var atLiteral: Bool {
    switch current.kind {
    case .money, .percentage, .number, .date, .enumValue: return true
    case .word: return current.lower == "waar" || current.lower == "onwaar"
    default: return false
    }
  }

  /// A literal: `€ 24`, `4,273 %`, `50 procent`, `12`, `2025-01-01`, `1 januari 2015`, `18 jaar`,
  /// `67 jaar en 3 maanden`, `waar`, `'gehuwd'`.
  mutating func parseLiteral() throws -> (LiteralSyntax, SourceRange) {
    let start = index
    let t = advance()
    switch t.kind {
    case .money(let v):
      if accept(words: ["per", "jaar"]) { return (.money(v, period: .perJaar), range(from: start)) }
      if accept(words: ["per", "maand"]) { return (.money(v, period: .perMaand), range(from: start)) }
      return (.money(v, period: nil), t.range)
    case .percentage(let v): return (.percentage(v), t.range)
    case .date(let d):
      guard DateRange.contains(d) else { throw fail(.dateOutOfRange(d.iso), at: t.range) }
      return (.date(d), t.range)
    case .enumValue(let v): return (.enumValue(v), t.range)
    case .word where t.lower == "waar": return (.boolean(true), t.range)
    case .word where t.lower == "onwaar": return (.boolean(false), t.range)
    case .number(let v):
      if accept("procent") { return (.percentage(v / 100), range(from: start)) }
      if let month = Vocabulary.months.firstIndex(of: current.lower) {
        index += 1
        guard case .number(let y) = current.kind, let day = v.intValue, let year = y.intValue else {
          throw fail(.expected("een jaartal", found: describe(current)))
        }
        index += 1
        guard let date = CivilDate(year: year, month: month + 1, day: day) else { throw fail(.badDate(), at: range(from: start)) }
        guard DateRange.contains(date) else { throw fail(.dateOutOfRange(date.iso), at: range(from: start)) }
        return (.date(date), range(from: start))
      }
      // A unit (`1 maand`, one edit from `maart`) is a duration; otherwise a misspelt month between a day
      // and a year (`1 janauri 2015`) is a date written wrongly, not a number.
      if let duration = try parseDurationTail(first: v) {
        // A law counts ages and terms in years, months and days a person can live; beyond, a duration
        // is a typing error, and date arithmetic with it would leave the calendar.
        if case .duration(let y, let m, let d) = duration,
          y > Self.maxYears || m > Self.maxYears * 12 || y * 12 + m > Self.maxYears * 12 || d > Self.maxYears * 366
        {
          throw fail(.durationOutOfRange(maxYears: Self.maxYears), at: range(from: start))
        }
        return (duration, range(from: start))
      }
      if case .word = current.kind, case .number = peek().kind,
        let month = Spelling.suggestion(for: current.lower, among: Vocabulary.months)
      {
        throw fail(.unknownMonth(current.text), at: current.range, notes: .suggestion(month))
      }
      return (.number(v), t.range)
    default:
      index = start
      throw fail(.expected("een waarde", found: describe(t)))
    }
  }

  /// The longest duration a rule may write: 1.000 years (12.000 months, 366.000 days).
  static let maxYears = 1_000

  /// After a number: `jaar [en N maanden]`, `maanden`, `dagen`; `nil` when no unit follows.
  mutating func parseDurationTail(first: Rational) throws -> LiteralSyntax? {
    guard let n = first.intValue else { return nil }
    switch current.lower {
    case "jaar", "jaren":
      index += 1
      var months = 0
      if current.isWord("en"), case .number(let m) = peek().kind, ["maand", "maanden"].contains(peek(2).lower) {
        index += 3
        months = m.intValue ?? Int.max
      }
      return .duration(years: n, months: months, days: 0)
    case "maand", "maanden":
      index += 1
      return .duration(years: 0, months: n, days: 0)
    case "dag", "dagen":
      index += 1
      return .duration(years: 0, months: 0, days: n)
    default:
      return nil
    }
  }

  /// A reference to a place in a law: `artikel 2 lid 1`, `artikel 2, eerste lid`, `het vierde lid`,
  /// `lid 4`, `onderdeel f`, `artikel 14 lid 4 van awir`, `dit artikel`.
  mutating func parseArticleReference() throws -> ArticleReference {
    let start = index
    var artikel: String?
    var lid: String?
    var onderdeel: String?
    var law: String?
    if accept(words: ["dit", "artikel"]) {
      return ArticleReference(artikel: citation.artikel, lid: nil, onderdeel: nil, law: nil, range: range(from: start))
    }
    if accept(words: ["dit", "lid"]) {
      return ArticleReference(artikel: citation.artikel, lid: citation.lid, onderdeel: nil, law: nil, range: range(from: start))
    }
    if accept("artikel") {
      artikel = try parseArticleNumber()
      acceptCommaBeforePart()
    } else {
      artikel = citation.artikel
    }
    _ = accept("het") || accept("de")
    if let ordinal = Vocabulary.ordinals[current.lower], peek().isWord("lid") {
      index += 2
      lid = String(ordinal)
    } else if accept("lid") {
      lid = try parseArticleNumber()
    }
    acceptCommaBeforePart()
    if accept("onderdeel") || accept("onder") {
      onderdeel = try parseArticleNumber()
      if current.isPunctuation(","), peek().isWord("van") { index += 1 }
    }
    if current.isWord("van"), peek().kind != .end {
      let save = index
      index += 1
      _ = accept("de") || accept("het")
      if case .word = current.kind, !Vocabulary.isStructural(current.lower) {
        law = advance().lower
      } else {
        index = save
      }
    }
    if artikel == nil && lid == nil && onderdeel == nil {
      throw fail(.expected("een verwijzing zoals 'artikel 2 lid 1' of 'het eerste lid'", found: describe(current)))
    }
    return ArticleReference(artikel: artikel, lid: lid, onderdeel: onderdeel, law: law, range: range(from: start))
  }

  /// Consumes a comma only when a further part of the same reference follows (`artikel 2, eerste lid`,
  /// `lid 3, onderdeel a`, `…, van awir`), so that a list of references keeps its separators.
  mutating func acceptCommaBeforePart() {
    guard current.isPunctuation(",") else { return }
    let next = peek()
    let afterArticle = (next.isWord("het") || next.isWord("de")) ? peek(2) : next
    if next.isWord("lid") || next.isWord("onderdeel") || next.isWord("onder") || next.isWord("van")
      || (Vocabulary.ordinals[afterArticle.lower] != nil && (next.isWord("het") || next.isWord("de") ? peek(3) : peek(2)).isWord("lid"))
    {
      index += 1
    }
  }

  /// `2`, `2a`, `22a`, `f`: a number with an optional letter directly after it, or a single word.
  mutating func parseArticleNumber() throws -> String {
    let t = current
    switch t.kind {
    case .number(let v):
      index += 1
      var text = v.description
      if case .word = current.kind, current.range.start == t.range.end {
        text += advance().lower
      }
      return text
    case .word:
      index += 1
      return t.lower
    default:
      throw fail(.expected("een artikel-, lid- of onderdeelnummer", found: describe(t)))
    }
  }

  /// `bron "…"` after a value.
  mutating func parseSourceClause() throws -> String? {
    guard accept("bron") else { return nil }
    guard case .string(let s) = current.kind else { throw fail(.expected("de bron tussen aanhalingstekens", found: describe(current))) }
    index += 1
    return s
  }
}

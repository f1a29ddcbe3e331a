import ExactArithmetic
import LegalSource

extension Parser {
  /// A rekenregel or beslisregel:
  ///
  ///     De normpremie is … [indien …].
  ///     De leeftijdsgrens van een persoon is … .
  ///     Een persoon is verzekerde indien … .
  ///     Het huishouden heeft een toeslagpartner indien … .
  ///     In afwijking van het eerste lid bedraagt de aanspraak … indien … .
  ///     Anders is de aanspraak € 0.
  mutating func parseRule() throws -> RuleSyntax {
    let start = index
    var exceptionOf: [ArticleReference] = []
    var isFallback = false
    var inverted = false
    var citationOverride: ArticleReference?
    if accept("volgens") {
      citationOverride = try parseArticleReference()
      _ = acceptPunctuation(",")
      inverted = true
    }
    if accept(words: ["in", "afwijking", "van"]) {
      exceptionOf.append(try parseArticleReference())
      while true {
        let save = index
        guard acceptPunctuation(",") || accept("en") else { break }
        guard startsArticleReference() else {
          index = save
          _ = acceptPunctuation(",")
          break
        }
        exceptionOf.append(try parseArticleReference())
      }
      inverted = true
    }
    if accept("anders") {
      isFallback = true
      inverted = true
    }
    // Kenmerk of a person: `Een persoon is [geen] K` or, inverted, `is een persoon [geen] K`.
    if inverted && (current.isWord("is") || current.isWord("wordt")) && peek().isWord("een") && peek(2).isWord("persoon") {
      index += 3
      return try finishKenmerk(subject: .person, start: start, exceptionOf: exceptionOf, isFallback: isFallback, citationOverride: citationOverride)
    }
    if accept(words: ["een", "persoon"]) {
      guard accept("is") || accept("wordt") else { throw fail(.expected("'is'", found: describe(current))) }
      return try finishKenmerk(subject: .person, start: start, exceptionOf: exceptionOf, isFallback: isFallback, citationOverride: citationOverride)
    }
    // Kenmerk of the household: `Het huishouden heeft [een|geen] K` or `heeft het huishouden …`.
    if inverted && current.isWord("heeft") && peek().isWord("het") && peek(2).isWord("huishouden") {
      index += 3
      return try finishKenmerk(subject: .household, start: start, exceptionOf: exceptionOf, isFallback: isFallback, citationOverride: citationOverride)
    }
    if accept(words: ["het", "huishouden"]) {
      try expect("heeft")
      return try finishKenmerk(subject: .household, start: start, exceptionOf: exceptionOf, isFallback: isFallback, citationOverride: citationOverride)
    }
    // Value rule, normal or inverted word order.
    var verbFirst = false
    if inverted && (current.isWord("is") || current.isWord("bedraagt")) {
      index += 1
      verbFirst = true
    }
    let target = try parseName(allowArticle: true)
    let subject = try parseSubjectClause(required: false)
    ruleHead = (target, subject)
    if !verbFirst {
      guard accept("is") || accept("bedraagt") else { throw fail(.expected("'is' of 'bedraagt'", found: describe(current))) }
    }
    let value = try parseExpression()
    let condition = try parseConditionClause()
    try expectStatementEnd()
    return RuleSyntax(
      target: target, subject: subject, body: .value(value), condition: condition, exceptionOf: exceptionOf,
      isFallback: isFallback, citationOverride: citationOverride, range: range(from: start))
  }

  /// Whether the next tokens start an article reference (`artikel …`, `lid …`, `het eerste lid`).
  func startsArticleReference() -> Bool {
    if current.isWord("artikel") || current.isWord("lid") || current.isWord("onderdeel") { return true }
    if current.isWord("dit") { return peek().isWord("artikel") || peek().isWord("lid") }
    let offset = (current.isWord("het") || current.isWord("de")) ? 1 : 0
    return Vocabulary.ordinals[peek(offset).lower] != nil && peek(offset + 1).isWord("lid")
  }

  mutating func finishKenmerk(
    subject: SubjectSyntax, start: Int, exceptionOf: [ArticleReference], isFallback: Bool, citationOverride: ArticleReference?
  ) throws -> RuleSyntax {
    var positive = true
    if accept("geen") || accept("niet") {
      positive = false
    } else {
      _ = accept("een")
    }
    let target = try parseName(allowArticle: false)
    ruleHead = (target, subject)
    let condition = try parseConditionClause()
    try expectStatementEnd()
    return RuleSyntax(
      target: target, subject: subject, body: .kenmerk(positive: positive), condition: condition, exceptionOf: exceptionOf,
      isFallback: isFallback, citationOverride: citationOverride, range: range(from: start))
  }

  /// `[,] indien <voorwaarde>` or `[,] tenzij <voorwaarde>` (a negated condition); both may follow each other.
  mutating func parseConditionClause() throws -> ConditionSyntax? {
    var parts: [ConditionSyntax] = []
    while true {
      let save = index
      _ = acceptPunctuation(",")
      if accept("indien") {
        parts.append(try parseCondition())
      } else if current.isWord("tenzij") {
        let start = index
        index += 1
        let c = try parseCondition()
        parts.append(.not(c, range(from: start)))
      } else {
        index = save
        break
      }
    }
    if parts.isEmpty { return nil }
    if parts.count == 1 { return parts[0] }
    return .all(parts, parts[0].range.extended(to: parts[parts.count - 1].range))
  }
}

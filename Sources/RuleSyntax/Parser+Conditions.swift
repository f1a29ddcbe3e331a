import ExactArithmetic
import LegalSource
import RuleIR

extension Parser {
  /// A condition: atoms joined by `en` or by `of` (not both without parentheses).
  mutating func parseCondition() throws -> ConditionSyntax {
    let start = index
    var parts = [try parseConditionAtom()]
    var joiner: String?
    while current.isWord("en") || current.isWord("of") {
      let word = current.lower
      if let j = joiner, j != word { throw fail(.mixedAndOr()) }
      joiner = word
      index += 1
      if parts.count >= Self.maxTerms { throw fail(.tooManyTerms(Self.maxTerms)) }
      parts.append(try parseConditionAtom())
    }
    if parts.count == 1 { return parts[0] }
    return joiner == "en" ? .all(parts, range(from: start)) : .any(parts, range(from: start))
  }

  mutating func parseConditionAtom() throws -> ConditionSyntax {
    try enterNesting()
    defer { depth -= 1 }
    let start = index
    if current.isPunctuation("(") && !startsExpressionInParentheses() {
      index += 1
      let c = try parseCondition()
      try expectPunctuation(")")
      return c
    }
    if accept("niet") {
      return .not(try parseConditionAtom(), range(from: start))
    }
    if current.isWord("aan") {
      return try parseListCondition()
    }
    if accept(words: ["er", "is"]) {
      let negated: Bool
      if accept("geen") { negated = true } else {
        try expect("een")
        negated = false
      }
      let noun = advance()
      let role: RoleWord
      switch noun.lower {
      case "partner": role = .partner
      case "kind": role = .kinderen
      case "medebewoner": role = .medebewoners
      case "persoon": role = .personen
      default: throw fail(.expected("'partner', 'kind', 'medebewoner' of 'persoon'", found: describe(noun)), at: noun.range)
      }
      let filter = try parseFilter()
      return .exists(.role(role, noun.range), filter: filter, negated: negated, range(from: start))
    }
    if accept(words: ["het", "huishouden", "heeft"]) {
      let negated = accept("geen")
      if !negated { _ = accept("een") }
      let name = try parseName(allowArticle: false)
      return .has(name, negated: negated, range(from: start))
    }
    let lhs = try parseExpression()
    return try parseComparisonTail(lhs, start: start)
  }

  /// Whether a `(` opens an arithmetic expression rather than a grouped condition: scans to the
  /// matching `)` and looks for condition words inside.
  func startsExpressionInParentheses() -> Bool {
    var depth = 0
    var i = index
    while i < tokens.count {
      let t = tokens[i]
      if t.isPunctuation("(") { depth += 1 }
      if t.isPunctuation(")") {
        depth -= 1
        if depth == 0 { break }
      }
      if depth == 1, ["is", "bedraagt", "ligt", "heeft", "er", "niet"].contains(t.lower), t.isWordToken { return false }
      i += 1
    }
    return true
  }

  /// After the left-hand side: `is gelijk aan`, `is groter dan`, `bedraagt minder dan`, `is ten minste`,
  /// `ligt op of na`, `is [niet] opgegeven`, `is [niet|geen] X`, or nothing (a boolean value).
  mutating func parseComparisonTail(_ lhs: ExprSyntax, start: Int) throws -> ConditionSyntax {
    func compare(_ op: ComparisonOperator) throws -> ConditionSyntax {
      .compare(op, lhs, try parseExpression(), range(from: start))
    }
    if accept("ligt") {
      if accept(words: ["op", "of", "na"]) { return try compare(.greaterOrEqual) }
      if accept(words: ["op", "of", "voor"]) { return try compare(.lessOrEqual) }
      if accept("voor") { return try compare(.less) }
      if accept("na") { return try compare(.greater) }
      if accept("op") { return try compare(.equal) }
      throw fail(.expected("'voor', 'na', 'op', 'op of voor' of 'op of na'", found: describe(current)))
    }
    if accept("bedraagt") {
      if accept(words: ["meer", "dan"]) { return try compare(.greater) }
      if accept(words: ["minder", "dan"]) { return try compare(.less) }
      if accept(words: ["ten", "minste"]) { return try compare(.greaterOrEqual) }
      if accept(words: ["ten", "hoogste"]) { return try compare(.lessOrEqual) }
      return try compare(.equal)
    }
    if accept("is") {
      if accept(words: ["gelijk", "aan"]) { return try compare(.equal) }
      if accept(words: ["niet", "gelijk", "aan"]) { return try compare(.notEqual) }
      if accept(words: ["groter", "dan", "of", "gelijk", "aan"]) { return try compare(.greaterOrEqual) }
      if accept(words: ["kleiner", "dan", "of", "gelijk", "aan"]) { return try compare(.lessOrEqual) }
      for w in ["groter", "hoger", "meer"] where accept(words: [w, "dan"]) { return try compare(.greater) }
      for w in ["kleiner", "lager", "minder"] where accept(words: [w, "dan"]) { return try compare(.less) }
      if accept(words: ["ten", "minste"]) { return try compare(.greaterOrEqual) }
      if accept(words: ["ten", "hoogste"]) { return try compare(.lessOrEqual) }
      if accept("opgegeven") { return .given(lhs, negated: false, range(from: start)) }
      if accept(words: ["niet", "opgegeven"]) { return .given(lhs, negated: true, range(from: start)) }
      let negated = accept("niet") || accept("geen")
      let rhs = try parsePostfix()
      return .isA(lhs, rhs, negated: negated, range(from: start))
    }
    return .holds(lhs, range(from: start))
  }

  /// `aan alle volgende voorwaarden is voldaan:` (all), `aan ten minste één van de volgende
  /// voorwaarden is voldaan:` (any) or `aan geen van de volgende voorwaarden is voldaan:` (none),
  /// followed by bulleted conditions separated by `;` (optionally `; en` or `; of`).
  mutating func parseListCondition() throws -> ConditionSyntax {
    let start = index
    let parentColumn = tokens[max(0, index - 1)].column
    try expect("aan")
    enum Kind { case all, any, none }
    let kind: Kind
    if accept(words: ["alle", "volgende", "voorwaarden"]) {
      kind = .all
    } else if accept(words: ["ten", "minste", "één", "van", "de", "volgende", "voorwaarden"])
      || accept(words: ["ten", "minste", "een", "van", "de", "volgende", "voorwaarden"])
    {
      kind = .any
    } else if accept(words: ["geen", "van", "de", "volgende", "voorwaarden"]) {
      kind = .none
    } else {
      throw fail(.expected("'alle volgende voorwaarden', 'ten minste één van de volgende voorwaarden' of 'geen van de volgende voorwaarden'", found: describe(current)))
    }
    try expect(words: ["is", "voldaan"])
    try expectPunctuation(":")
    guard current.kind == .bullet else { throw fail(.expected("een opsomming met '-'", found: describe(current))) }
    let column = current.column
    _ = parentColumn
    var items: [ConditionSyntax] = []
    while current.kind == .bullet && current.column == column {
      index += 1
      if items.count >= Self.maxTerms { throw fail(.tooManyTerms(Self.maxTerms)) }
      items.append(try parseCondition())
      if acceptPunctuation(";") {
        _ = accept("en") || accept("of")
      }
    }
    let r = range(from: start)
    switch kind {
    case .all: return .all(items, r)
    case .any: return .any(items, r)
    case .none: return .not(.any(items, r), r)
    }
  }
}

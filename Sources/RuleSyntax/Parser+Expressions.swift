import ExactArithmetic
import LegalSource
import RuleIR

extension Parser {
  /// `expr := sum (, met een minimum|maximum van sum)* [, afgerond …]`
  mutating func parseExpression() throws -> ExprSyntax {
    try enterNesting()
    defer { depth -= 1 }
    let start = index
    var e = try parseSum()
    while true {
      let save = index
      _ = acceptPunctuation(",")
      if accept(words: ["met", "een", "minimum", "van"]) {
        e = .bounded(e, isMinimum: true, try parseSum(), range(from: start))
      } else if accept(words: ["met", "een", "maximum", "van"]) {
        e = .bounded(e, isMinimum: false, try parseSum(), range(from: start))
      } else if let mode = try parseRoundingMode() {
        let (target, reference) = try parseRoundingTail()
        e = .rounded(e, mode, target, reference, range(from: start))
      } else {
        index = save
        return e
      }
    }
  }

  /// `rekenkundig afgerond`, `naar boven afgerond`, `naar beneden afgerond`, or plain `afgerond`
  /// (rekenkundig); `nil` when no rounding follows.
  mutating func parseRoundingMode() throws -> RoundingMode? {
    if accept(words: ["rekenkundig", "afgerond"]) { return .rekenkundig }
    if accept(words: ["naar", "boven", "afgerond"]) { return .naarBoven }
    if accept(words: ["naar", "beneden", "afgerond"]) { return .naarBeneden }
    if accept("afgerond") {
      if accept(words: ["naar", "boven"]) { return .naarBoven }
      if accept(words: ["naar", "beneden"]) { return .naarBeneden }
      _ = accept("rekenkundig")
      return .rekenkundig
    }
    return nil
  }

  /// `op hele euro's volgens <verwijzing>`, `op centen …`, `op een veelvoud van € 0,60 …`, `op een
  /// veelvoud van 0,01 % …` (a percentage); the source is an article or `keuze <id>` (a rounding the law
  /// does not order).
  mutating func parseRoundingTail() throws -> (RoundingTargetSyntax, RoundingAuthority) {
    try expect("op")
    let target: RoundingTargetSyntax
    if accept(words: ["hele", "euro's"]) || accept(words: ["hele", "euros"]) || accept(words: ["hele", "euro’s"]) {
      target = .wholeEuros
    } else if accept("centen") || accept(words: ["hele", "centen"]) {
      target = .cents
    } else if accept(words: ["een", "veelvoud", "van"]) {
      switch current.kind {
      case .money(let unit) where unit.signum > 0: target = .multiple(unit)
      case .percentage(let unit) where unit.signum > 0: target = .percentageMultiple(unit)
      default: throw fail(.expected("een positief bedrag of percentage", found: describe(current)))
      }
      index += 1
    } else {
      throw fail(.unknownRoundingTarget(current.text))
    }
    guard accept("volgens") else { throw fail(.roundingNeedsReference()) }
    if accept("keuze") {
      guard current.kind == .word else { throw fail(.expected("de id van een interpretatiekeuze", found: describe(current))) }
      let token = current
      index += 1
      return (target, .choice(token.lower, token.range))
    }
    return (target, .article(try parseArticleReference()))
  }

  mutating func parseSum() throws -> ExprSyntax {
    let start = index
    var e = try parseProduct()
    var terms = 1
    while true {
      let op: ArithmeticOperator
      if accept(words: ["vermeerderd", "met"]) || accept("plus") {
        op = .plus
      } else if accept(words: ["verminderd", "met"]) || accept("min") {
        op = .minus
      } else {
        return e
      }
      terms += 1
      if terms > Self.maxTerms { throw fail(.tooManyTerms(Self.maxTerms)) }
      e = .arithmetic(op, e, try parseProduct(), range(from: start))
    }
  }

  mutating func parseProduct() throws -> ExprSyntax {
    let start = index
    var e = try parsePostfix()
    var factors = 1
    while true {
      let op: ArithmeticOperator
      if accept("maal") {
        op = .times
      } else if accept(words: ["gedeeld", "door"]) {
        op = .dividedBy
      } else {
        return e
      }
      factors += 1
      if factors > Self.maxTerms { throw fail(.tooManyTerms(Self.maxTerms)) }
      e = .arithmetic(op, e, try parsePostfix(), range(from: start))
    }
  }

  /// A primary, optionally followed by `van <postfix>` and `geldend op <postfix>`.
  mutating func parsePostfix() throws -> ExprSyntax {
    try enterNesting()
    defer { depth -= 1 }
    let start = index
    var e = try parsePrimary()
    if canTakeOf(e), accept(words: ["van", "het", "huishouden"]) {
      // `de huur van het huishouden`: a household value, named with its owner for readability.
    } else if canTakeOf(e), accept("van") {
      e = .of(e, try parsePostfix(), range(from: start))
    }
    if accept(words: ["geldend", "op"]) {
      e = .at(e, date: try parsePostfix(), range(from: start))
    }
    return e
  }

  /// Whether `van` after this expression means "attribute of" or "percentage of".
  func canTakeOf(_ e: ExprSyntax) -> Bool {
    switch e {
    case .name, .literal(.percentage, _), .literal(.number, _): return true
    default: return false
    }
  }

  mutating func parsePrimary() throws -> ExprSyntax {
    let start = index
    let t = current
    if acceptPunctuation("(") {
      let e = try parseExpression()
      try expectPunctuation(")")
      return e
    }
    if atLiteral {
      let (literal, r) = try parseLiteral()
      return .literal(literal, r)
    }
    guard case .word = t.kind else { throw fail(.expected("een waarde of naam", found: describe(t))) }
    switch t.lower {
    case "hij", "zij":
      index += 1
      return .pronoun(t.range)
    case "zijn", "haar":
      index += 1
      let name = try parseName(allowArticle: false)
      return .of(.name(name), .pronoun(t.range), range(from: start))
    case "tweemaal":
      index += 1
      let e = try parsePostfix()
      return .arithmetic(.times, .literal(.number(Rational(2)), t.range), e, range(from: start))
    case "de", "het", "een":
      if startsBuiltin(at: 1) {
        index += 1
        return try parseBuiltin(start: start)
      }
      return .name(try parseName(allowArticle: true))
    default:
      if startsBuiltin(at: 0) { return try parseBuiltin(start: start) }
      return .name(try parseName(allowArticle: false))
    }
  }

  /// Whether the noun at `offset` opens a built-in phrase. Nouns that also make good names (`eerste`,
  /// `datum`, `som`) count only when the words that complete the phrase follow.
  func startsBuiltin(at offset: Int) -> Bool {
    let noun = peek(offset).lower
    guard Vocabulary.builtinNouns.contains(noun) else { return false }
    let next = peek(offset + 1)
    switch noun {
    case "eerste": return next.isWord("dag")
    case "datum": return next.isWord("waarop")
    case "begin", "einde": return next.isWord("van") && peek(offset + 3).isWord("berekeningsjaar")
    case "som", "maximum", "minimum", "twaalfvoud", "tweevoud", "helft", "leeftijd": return next.isWord("van")
    case "twaalfde": return next.isWord("deel")
    case "getalswaarde", "bedrag": return next.isWord("in") && isEuros(peek(offset + 2))
    case "aantal": return !next.isWord("van") && next.isWordToken
    default: return true
    }
  }

  /// `het aantal dagn van …` (or `… dagn tot …`): a word one letter from `dagen` before `van` or `tot` is a
  /// misspelled day count, not a collection; say so instead of failing later on that word.
  mutating func rejectMisspelledDayCount() throws {
    guard current.isWordToken, peek().isWord("van") || peek().isWord("tot"), Spelling.distance(current.lower, "dagen") == 1 else { return }
    throw fail(.expected("'dagen' in 'het aantal dagen van … tot …'", found: describe(current)), notes: .suggestion("dagen"))
  }

  /// Whether a token spells `euro's` (with a straight or typographic apostrophe, or without).
  func isEuros(_ t: Token) -> Bool { t.isWord("euro's") || t.isWord("euro’s") || t.isWord("euros") }

  /// The built-in noun phrases; the current token is the noun.
  mutating func parseBuiltin(start: Int) throws -> ExprSyntax {
    let noun = advance()
    switch noun.lower {
    case "aanvrager": return .role(.aanvrager, range(from: start))
    case "partner": return .role(.partner, range(from: start))
    case "kinderen": return .role(.kinderen, range(from: start))
    case "medebewoners": return .role(.medebewoners, range(from: start))
    case "personen": return .role(.personen, range(from: start))
    case "persoon": return .pronoun(range(from: start))
    case "peildatum": return .peildatum(range(from: start))
    case "berekeningsjaar": return .calculationYear(range(from: start))
    case "huishouden": throw fail(.expected("'het huishouden heeft …' in een voorwaarde", found: "'het huishouden'"))
    case "som":
      try expect("van")
      var terms = [try parseSum()]
      if accept(words: ["over", "de", "maanden", "van", "het", "berekeningsjaar"]) {
        return .sumOverMonths(terms[0], range(from: start))
      }
      while accept("en") { terms.append(try parseSum()) }
      let filter = try parseFilter()
      return .sum(terms, filter: filter, range(from: start))
    case "aantal":
      if accept("dagen") {
        try expect("van")
        if current.isWord("tot") { throw fail(.expected("een datum na 'het aantal dagen van'", found: "'tot'")) }
        let from = try parseSum()
        try expect("tot")
        if current.isWord("tot") { throw fail(.expected("een datum na 'tot'", found: "'tot'")) }
        return .dayCount(from, try parseSum(), range(from: start))
      }
      try rejectMisspelledDayCount()
      let collection = try parsePrimary()
      let filter = try parseFilter()
      return .count(collection, filter: filter, range(from: start))
    case "maximum", "minimum":
      try expect("van")
      var terms = [try parseSum()]
      while accept("en") { terms.append(try parseSum()) }
      return .extremum(isMaximum: noun.lower == "maximum", terms, range(from: start))
    case "getalswaarde":
      try expect("in")
      index += 1  // euro's (checked by startsBuiltin)
      try expect("van")
      return .euroValue(try parsePostfix(), range(from: start))
    case "bedrag":
      try expect("in")
      index += 1  // euro's
      var period = MoneyPeriod.none
      if accept(words: ["per", "maand"]) { period = .perMaand } else if accept(words: ["per", "jaar"]) { period = .perJaar }
      try expect("van")
      return .euroAmount(try parsePostfix(), period, range(from: start))
    case "twaalfvoud":
      try expect("van")
      return .twelvefold(try parsePostfix(), range(from: start))
    case "twaalfde":
      try expect(words: ["deel", "van"])
      return .twelfth(try parsePostfix(), range(from: start))
    case "tweevoud":
      try expect("van")
      return .arithmetic(.times, .literal(.number(Rational(2)), noun.range), try parsePostfix(), range(from: start))
    case "helft":
      try expect("van")
      return .of(.literal(.percentage(Rational(numerator: 1, denominator: 2)), noun.range), try parsePostfix(), range(from: start))
    case "leeftijd":
      try expect("van")
      let who = try parsePrimary()
      let at = accept("op") ? try parsePostfix() : nil
      return .age(who, at: at, range(from: start))
    case "begin":
      try expect(words: ["van", "het", "berekeningsjaar"])
      return .beginOfYear(range(from: start))
    case "einde":
      try expect(words: ["van", "het", "berekeningsjaar"])
      return .endOfYear(range(from: start))
    case "eerste":
      try expect(words: ["dag", "van", "de"])
      guard accept("kalendermaand") || accept("maand") else { throw fail(.expected("'maand'", found: describe(current))) }
      if accept(words: ["volgend", "op"]) || accept(words: ["volgende", "op"]) || accept("na") {
        return .firstOfNextMonth(try parsePostfix(), range(from: start))
      }
      try expect("van")
      return .firstOfMonth(try parsePostfix(), range(from: start))
    case "datum":
      try expect("waarop")
      let who = try parsePrimary()
      let what = try parsePostfix()
      guard accept("wordt") || accept("bereikt") else { throw fail(.expected("'wordt' of 'bereikt'", found: describe(current))) }
      return .dateReached(who, what, range(from: start))
    default:
      throw fail(.expected("een waarde of naam", found: describe(noun)))
    }
  }

  /// `waarvoor geldt dat <voorwaarde>` after a collection.
  mutating func parseFilter() throws -> ConditionSyntax? {
    guard accept(words: ["waarvoor", "geldt", "dat"]) else { return nil }
    return try parseCondition()
  }
}

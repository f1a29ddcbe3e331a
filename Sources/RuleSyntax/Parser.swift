import ExactArithmetic
import LegalSource
import RuleIR

/// Thrown inside the parser after a diagnostic has been emitted; caught at statement level, where the
/// parser skips to the next statement and goes on.
struct ParseFailure: Error {}

/// A recursive-descent parser for the rule language, with recovery at statement boundaries.
///
/// What it checks: that each statement of a ```regels block follows the grammar in
/// `Docs/regeltaal.md`, that names are not words of the language, that roundings name their article
/// and table values their source. What it produces: ``StatementSyntax`` values with source ranges.
/// It never resolves names or checks types; that is `RuleSemantics`' work.
public struct Parser {
  var tokens: [Token]
  var index = 0
  var diagnostics = DiagnosticEngine()
  /// The name and subject of the rule being read, once its head is read: a syntax error after it still
  /// declares the name (`StatementSyntax.unparsedRule`).
  var ruleHead: (name: Name, subject: SubjectSyntax)?
  /// How deep the expression or condition being read is nested; bounded by ``maxDepth`` so that no
  /// input can exhaust the stack of this parser or of the passes after it.
  var depth = 0
  /// Deeper than any law's formula or list of conditions needs.
  static let maxDepth = 64
  /// More terms in one sum or product than any law's formula has; each term deepens the tree.
  static let maxTerms = 256
  /// The article the block stands under; attached to every diagnostic.
  let citation: Citation

  init(tokens: [Token], citation: Citation) {
    self.tokens = tokens
    self.citation = citation
  }

  /// Enters one level of nesting; a level too deep is a located error (the caller leaves it with
  /// `depth -= 1`, usually in a `defer`).
  mutating func enterNesting() throws {
    depth += 1
    if depth > Self.maxDepth { throw fail(.nestedTooDeep(Self.maxDepth)) }
  }

  /// Parses one rule block. Problems are added to `diagnostics`; the statements that could be read are
  /// returned, so later phases still see as much as possible.
  public static func parse(block range: SourceRange, citation: Citation, diagnostics: inout DiagnosticEngine) -> [StatementSyntax] {
    let tokens = Lexer.tokenize(range, diagnostics: &diagnostics)
    var parser = Parser(tokens: tokens, citation: citation)
    let statements = parser.parseStatements()
    diagnostics.append(contentsOf: parser.diagnostics.diagnostics)
    return statements
  }

  mutating func parseStatements() -> [StatementSyntax] {
    var statements: [StatementSyntax] = []
    while !current.isEnd {
      let before = index
      ruleHead = nil
      do {
        statements.append(try parseStatement())
      } catch {
        recover(from: before)
        if let head = ruleHead { statements.append(.unparsedRule(head.name, subject: head.subject, range(from: before))) }
      }
    }
    return statements
  }

  /// Skips to just after the next statement-ending period, and at least one token.
  mutating func recover(from start: Int) {
    if index == start { index += 1 }
    while !current.isEnd {
      if current.isPunctuation(".") {
        index += 1
        return
      }
      index += 1
    }
  }

  // MARK: Token cursor

  var current: Token { tokens[min(index, tokens.count - 1)] }
  func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

  mutating func advance() -> Token {
    let t = current
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  /// Consumes the word if it is next.
  mutating func accept(_ word: String) -> Bool {
    guard current.isWord(word) else { return false }
    index += 1
    return true
  }

  /// Consumes a sequence of words if all are next.
  mutating func accept(words: [String]) -> Bool {
    for (i, w) in words.enumerated() where !peek(i).isWord(w) { return false }
    index += words.count
    return true
  }

  mutating func acceptPunctuation(_ c: Character) -> Bool {
    guard current.isPunctuation(c) else { return false }
    index += 1
    return true
  }

  mutating func expect(_ word: String) throws {
    guard accept(word) else { throw fail(.expected("'\(word)'", found: describe(current))) }
  }

  mutating func expect(words: [String]) throws {
    guard accept(words: words) else {
      throw fail(.expected("'\(words.joined(separator: " "))'", found: describe(current)))
    }
  }

  mutating func expectPunctuation(_ c: Character) throws {
    guard acceptPunctuation(c) else { throw fail(.expected("'\(c)'", found: describe(current))) }
  }

  /// Requires the period that ends a statement.
  mutating func expectStatementEnd() throws {
    guard acceptPunctuation(".") else { throw fail(.missingPeriod(found: describe(current))) }
  }

  /// Emits a diagnostic at the current token and returns the error to throw.
  mutating func fail(_ message: DiagnosticMessage, at range: SourceRange? = nil, notes: [Diagnostic.Note] = []) -> ParseFailure {
    diagnostics.emit(message, at: range ?? current.range, citation: citation, notes: notes)
    return ParseFailure()
  }

  mutating func warn(_ message: DiagnosticMessage, at range: SourceRange) {
    diagnostics.emit(message, at: range, citation: citation)
  }

  func describe(_ t: Token) -> String {
    switch t.kind {
    case .end: return "het einde van het blok"
    case .bullet: return "een opsommingsteken '-'"
    default: return "'\(t.text)'"
    }
  }

  func range(from start: Int) -> SourceRange {
    let first = tokens[min(start, tokens.count - 1)].range
    let lastIndex = max(start, index - 1)
    return first.extended(to: tokens[min(lastIndex, tokens.count - 1)].range)
  }

  // MARK: Statements

  mutating func parseStatement() throws -> StatementSyntax {
    let t = current
    switch t.lower {
    case "gebruik": return try parseUse()
    case "enumeratie": return try parseEnumeration()
    case "gegeven": return .fact(try parseFact())
    case "parameter": return .parameter(try parseParameter())
    case "invulling": return try parseFill()
    case "uitvoer": return try parseOutput()
    case "niet" where peek().isWord("geformaliseerd"): return try parseNotFormalised()
    default: return .rule(try parseRule())
    }
  }

  /// `Gebruik uit awir: toetsingsinkomen, toeslagpartner.`, or `Gebruik uit inkomstenbelasting tot
  /// 2027-01-01: verzamelinkomen.` for a law encoded only up to a date (after it the names are undecided).
  mutating func parseUse() throws -> StatementSyntax {
    let start = index
    try expect("gebruik")
    try expect("uit")
    let law = try parseLawCode()
    var until: CivilDate?
    if accept("tot") {
      let (literal, _) = try parseLiteral()
      guard case .date(let d) = literal else { throw fail(.expected("een datum", found: describe(tokens[index - 1]))) }
      until = d
    }
    try expectPunctuation(":")
    var names = [try parseName(allowArticle: true)]
    while acceptPunctuation(",") { names.append(try parseName(allowArticle: true)) }
    try expectStatementEnd()
    return .use(law: law, names: names, until: until, range(from: start))
  }

  mutating func parseLawCode() throws -> String {
    guard case .word = current.kind else { throw fail(.expected("de code van een wet, zoals 'awir'", found: describe(current))) }
    return advance().lower
  }

  /// `Enumeratie partnerschap: 'geen', 'gehuwd'.`
  mutating func parseEnumeration() throws -> StatementSyntax {
    let start = index
    try expect("enumeratie")
    let name = try parseName(allowArticle: true)
    try expectPunctuation(":")
    var values: [String] = []
    repeat {
      guard case .enumValue(let v) = current.kind else {
        throw fail(.expected("een waarde tussen enkele aanhalingstekens", found: describe(current)))
      }
      index += 1
      values.append(v)
    } while acceptPunctuation(",")
    try expectStatementEnd()
    return .enumeration(name, values: values, range(from: start))
  }

  /// `Uitvoer zorgtoeslag.jaarbedrag is de zorgtoeslag.`, `…, een norm.` or `…, een heffing.`
  mutating func parseOutput() throws -> StatementSyntax {
    let start = index
    try expect("uitvoer")
    guard case .qualified(let parts) = current.kind else {
      throw fail(.expected("een uitvoer-id zoals 'zorgtoeslag.jaarbedrag'", found: describe(current)))
    }
    index += 1
    try expect("is")
    let name = try parseName(allowArticle: true)
    var kind = OutputKind.payment
    if acceptPunctuation(",") {
      try expect("een")
      if accept("norm") {
        kind = .norm
      } else if accept("heffing") {
        kind = .levy
      } else if accept("maatstaf") {
        kind = .measure
      } else {
        throw fail(.expected("'een norm' (geen betaling), 'een heffing' (belasting of premie) of 'een maatstaf' (zoals het netto-inkomen)", found: describe(current)))
      }
    }
    try expectStatementEnd()
    return .output(id: parts.joined(separator: ".").lowercased(), name, kind: kind, range(from: start))
  }

  /// `Niet geformaliseerd: de zorgtoeslag indien …, want "…".`
  mutating func parseNotFormalised() throws -> StatementSyntax {
    let start = index
    try expect(words: ["niet", "geformaliseerd"])
    try expectPunctuation(":")
    let name = try parseName(allowArticle: true)
    var subject = SubjectSyntax.household
    if accept(words: ["van", "een", "persoon"]) { subject = .person }
    try expect("indien")
    let condition = try parseCondition()
    _ = acceptPunctuation(",")
    try expect("want")
    guard case .string(let reason) = current.kind else {
      throw fail(.expected("de reden tussen aanhalingstekens", found: describe(current)))
    }
    index += 1
    try expectStatementEnd()
    return .notFormalised(name, subject: subject, condition: condition, reason: reason, range(from: start))
  }
}

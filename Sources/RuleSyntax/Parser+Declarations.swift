import ExactArithmetic
import LegalSource

extension Parser {
  /// `Gegeven inkomensgegeven van een persoon is een bedrag per jaar, standaard € 0, veld "toetsingsinkomen", herkomst BRI.`
  /// A fact may bound what a document gives: `, ten minste € 0`, `, ten hoogste 50`.
  mutating func parseFact() throws -> FactSyntax {
    let start = index
    try expect("gegeven")
    let name = try parseName(allowArticle: true)
    let subject = try parseSubjectClause(required: true)
    try expect("is")
    _ = accept("een")
    let type = try parseType()
    var defaultValue: LiteralSyntax?
    var minimum: LiteralSyntax?
    var maximum: LiteralSyntax?
    var field: String?
    var origin: String?
    while acceptPunctuation(",") {
      if accept("standaard") {
        defaultValue = try parseLiteral().0
      } else if accept(words: ["ten", "minste"]) {
        minimum = try parseLiteral().0
      } else if accept(words: ["ten", "hoogste"]) {
        maximum = try parseLiteral().0
      } else if accept("veld") {
        guard case .string(let s) = current.kind else { throw fail(.expected("de veldnaam tussen aanhalingstekens", found: describe(current))) }
        index += 1
        field = s
      } else if accept("herkomst") {
        // Free text up to the end of the statement or the next clause (`, standaard|veld`).
        let startToken = current
        var endToken = current
        while !current.isEnd && !current.isPunctuation(".") {
          if current.isPunctuation(","), peek().isWord("standaard") || peek().isWord("veld") || peek().isWord("ten") { break }
          endToken = advance()
        }
        origin = startToken.range.extended(to: endToken.range).text
      } else {
        throw fail(.expected("'standaard', 'ten minste', 'ten hoogste', 'veld' of 'herkomst'", found: describe(current)))
      }
    }
    try expectStatementEnd()
    return FactSyntax(
      name: name, subject: subject, type: type, defaultValue: defaultValue, minimum: minimum, maximum: maximum, field: field, origin: origin,
      range: range(from: start))
  }

  /// `van een persoon` or `van het huishouden`; household when absent and not required.
  mutating func parseSubjectClause(required: Bool) throws -> SubjectSyntax {
    if accept(words: ["van", "een", "persoon"]) { return .person }
    if accept(words: ["van", "het", "huishouden"]) { return .household }
    if required { throw fail(.expected("'van een persoon' of 'van het huishouden'", found: describe(current))) }
    return .household
  }

  /// `Parameter X is <waarde>.`, `Parameter X is een <type>, vastgesteld bij ….` or
  /// `Parameter X is een <type>:` followed by a table of dated values.
  mutating func parseParameter() throws -> ParameterSyntax {
    let start = index
    try expect("parameter")
    let name = try parseName(allowArticle: true)
    try expect("is")
    if atLiteral {
      let (value, valueRange) = try parseLiteral()
      _ = acceptPunctuation(",")
      let source = try parseSourceClause()
      try expectStatementEnd()
      return ParameterSyntax(name: name, type: nil, value: .single(value, source: source, valueRange), range: range(from: start))
    }
    try expect("een")
    let type = try parseType()
    if acceptPunctuation(",") {
      try expect(words: ["vastgesteld", "bij"])
      var words: [String] = []
      while !current.isPunctuation(".") && !current.isEnd { words.append(advance().text) }
      try expectStatementEnd()
      return ParameterSyntax(name: name, type: type, value: .delegated(words.joined(separator: " ")), range: range(from: start))
    }
    try expectPunctuation(":")
    let rows = try parseValueRows()
    return ParameterSyntax(name: name, type: type, value: .table(rows), range: range(from: start))
  }

  /// `Invulling standaardpremie uit zorgtoeslag is € 2.112.` or `… uit zorgtoeslag:` with a table.
  mutating func parseFill() throws -> StatementSyntax {
    let start = index
    try expect("invulling")
    let name = try parseName(allowArticle: true)
    try expect("uit")
    let law = try parseLawCode()
    if accept("is") {
      let (value, valueRange) = try parseLiteral()
      _ = acceptPunctuation(",")
      let source = try parseSourceClause()
      try expectStatementEnd()
      return .fill(name: name, law: law, .single(value, source: source, valueRange), range(from: start))
    }
    try expectPunctuation(":")
    let rows = try parseValueRows()
    return .fill(name: name, law: law, .table(rows), range(from: start))
  }

  /// Bulleted rows `- vanaf D [tot D]: <waarde>, bron "…"` separated by `;`, the last ending with `.`.
  mutating func parseValueRows() throws -> [ValueRow] {
    var rows: [ValueRow] = []
    while current.kind == .bullet {
      let start = index
      index += 1
      try expect("vanaf")
      let (fromLiteral, _) = try parseLiteral()
      guard case .date(let from) = fromLiteral else { throw fail(.expected("een datum", found: describe(tokens[index - 1]))) }
      var until: CivilDate?
      if accept("tot") {
        let (untilLiteral, _) = try parseLiteral()
        guard case .date(let u) = untilLiteral else { throw fail(.expected("een datum", found: describe(tokens[index - 1]))) }
        until = u
      }
      try expectPunctuation(":")
      let (value, _) = try parseLiteral()
      _ = acceptPunctuation(",")
      let source = try parseSourceClause()
      let rowRange = range(from: start)
      if source == nil { warn(.tableRowNeedsSource(), at: rowRange) }
      rows.append(ValueRow(from: from, until: until, value: value, source: source, range: rowRange))
      if acceptPunctuation(".") { return rows }
      try expectPunctuation(";")
    }
    throw fail(.expected("een regel '- vanaf JJJJ-MM-DD: waarde'", found: describe(current)))
  }
}

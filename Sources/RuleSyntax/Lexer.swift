import ExactArithmetic
import LegalSource

/// Splits the content of a ```regels block into tokens.
///
/// The lexer knows the notations of Dutch law: decimal commas and thousands dots (`1.580,92`),
/// `€` before amounts, `%` after percentages, ISO dates, words with hyphens and apostrophes
/// (`niet-verzekerde`, `euro's`). Comments run from `//` to the end of the line. A malformed token
/// gives a diagnostic and is skipped, so one typo never hides the problems after it.
public struct Lexer {
  let file: SourceFile
  let scalars: [Unicode.Scalar]
  var position: Int
  let end: Int
  var tokens: [Token] = []
  var lastLine = -1

  public init(range: SourceRange) {
    file = range.file
    scalars = range.file.scalars
    position = range.start
    end = range.end
  }

  public static func tokenize(_ range: SourceRange, diagnostics: inout DiagnosticEngine) -> [Token] {
    var lexer = Lexer(range: range)
    lexer.run(diagnostics: &diagnostics)
    return lexer.tokens
  }

  mutating func run(diagnostics: inout DiagnosticEngine) {
    while position < end {
      let c = scalars[position]
      if c == " " || c == "\t" || c == "\r" || c == "\n" {
        position += 1
        continue
      }
      if c == "/" && peek(1) == "/" {
        while position < end && scalars[position] != "\n" { position += 1 }
        continue
      }
      let start = position
      if c == "-" && isLineStart(start) && (peek(1) == " " || peek(1) == "\t") {
        position += 1
        emit(.bullet, from: start)
      } else if c == "€" {
        position += 1
        while position < end && scalars[position] == " " { position += 1 }
        guard position < end, isDigit(scalars[position]), let value = readNumber() else {
          diagnostics.emit(.expectedAmountAfterEuro(), at: range(start, position))
          continue
        }
        emit(.money(value), from: start)
      } else if (c == "-" || c == "−"), let next = peek(1), isDigit(next) {
        // A negative number (`-0,001382497146`, a factor of the huurtoeslag formula).
        position += 1
        guard let value = readNumber() else {
          diagnostics.emit(.malformedNumber(), at: range(start, position))
          continue
        }
        emit(.number(-value), from: start)
      } else if isDigit(c) {
        if let date = readISODate() {
          emit(.date(date), from: start)
          continue
        }
        guard let value = readNumber() else {
          diagnostics.emit(.malformedNumber(), at: range(start, position))
          continue
        }
        var look = position
        while look < end && scalars[look] == " " { look += 1 }
        if look < end && scalars[look] == "%" {
          position = look + 1
          emit(.percentage(value / 100), from: start)
        } else {
          emit(.number(value), from: start)
        }
      } else if c == "\"" || c == "“" || c == "”" {
        position += 1
        let contentStart = position
        while position < end && !["\"", "”", "“", "\n"].contains(scalars[position]) { position += 1 }
        guard position < end, scalars[position] != "\n" else {
          diagnostics.emit(.unterminatedString(), at: range(start, position))
          continue
        }
        let text = file.slice(contentStart, position)
        position += 1
        emit(.string(text), from: start, text: text)
      } else if c == "'" || c == "‘" {
        position += 1
        let contentStart = position
        while position < end && !["'", "’", "\n"].contains(scalars[position]) { position += 1 }
        guard position < end, scalars[position] != "\n" else {
          diagnostics.emit(.unterminatedEnumValue(), at: range(start, position))
          continue
        }
        let text = file.slice(contentStart, position)
        position += 1
        emit(.enumValue(text), from: start, text: text)
      } else if isWordStart(c) {
        var parts = [readWord()]
        while position + 1 < end && scalars[position] == "." && isWordStart(scalars[position + 1]) {
          position += 1
          parts.append(readWord())
        }
        emit(parts.count == 1 ? .word : .qualified(parts), from: start)
      } else if ".,;:()".unicodeScalars.contains(c) {
        position += 1
        emit(.punctuation(Character(c)), from: start)
      } else {
        position += 1
        diagnostics.emit(.unexpectedCharacter(String(c)), at: range(start, position))
      }
    }
    tokens.append(Token(kind: .end, text: "", range: range(end, end), column: 1, startsLine: true))
  }

  func peek(_ offset: Int) -> Unicode.Scalar? {
    position + offset < end ? scalars[position + offset] : nil
  }

  func range(_ s: Int, _ e: Int) -> SourceRange { SourceRange(file: file, start: s, end: e) }

  func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

  func isWordStart(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

  func isLineStart(_ offset: Int) -> Bool {
    var i = offset - 1
    while i >= 0 && (scalars[i] == " " || scalars[i] == "\t") { i -= 1 }
    return i < 0 || scalars[i] == "\n"
  }

  mutating func emit(_ kind: Token.Kind, from start: Int, text: String? = nil) {
    let (line, column) = file.lineAndColumn(of: start)
    let startsLine = line != lastLine
    lastLine = line
    tokens.append(Token(kind: kind, text: text ?? file.slice(start, position), range: range(start, position), column: column, startsLine: startsLine))
  }

  /// A word: letters and digits, with inner hyphens and apostrophes (`niet-verzekerde`, `euro's`).
  mutating func readWord() -> String {
    let start = position
    while position < end {
      let c = scalars[position]
      if c.properties.isAlphabetic || isDigit(c) || c == "_" {
        position += 1
      } else if (c == "-" || c == "'" || c == "’") && position + 1 < end && scalars[position + 1].properties.isAlphabetic {
        position += 1
      } else {
        break
      }
    }
    return file.slice(start, position)
  }

  /// `YYYY-MM-DD`, only when followed by a non-digit.
  mutating func readISODate() -> CivilDate? {
    guard position + 10 <= end else { return nil }
    let text = file.slice(position, position + 10)
    guard let date = CivilDate(iso: text) else { return nil }
    if position + 10 < end && isDigit(scalars[position + 10]) { return nil }
    position += 10
    return date
  }

  /// A Dutch number: digit groups separated by dots of three digits, an optional decimal comma. A dot
  /// or comma not followed by a digit ends the number (it is punctuation).
  mutating func readNumber() -> Rational? {
    let start = position
    while position < end {
      let c = scalars[position]
      if isDigit(c) {
        position += 1
      } else if c == ".", position + 3 < end, (1...3).allSatisfy({ isDigit(scalars[position + $0]) }),
        !(position + 4 < end && isDigit(scalars[position + 4]))
      {
        position += 1
      } else if c == "," && position + 1 < end && isDigit(scalars[position + 1]) {
        position += 1
      } else {
        break
      }
    }
    return Rational(dutch: file.slice(start, position))
  }
}

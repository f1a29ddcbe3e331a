/// A JSON value that keeps numbers as written, so that `"1573.42"` and `1573.42` are read exactly and
/// never pass through binary floating point, and that remembers where each value stood in the text
/// for precise error messages.
public indirect enum JSONValue: Sendable, Equatable {
  case object([(key: String, value: JSONValue, line: Int, column: Int)])
  case array([JSONValue])
  case string(String)
  /// The number exactly as written (`30000.5`, `-1e3`).
  case number(String)
  case bool(Bool)
  case null

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let x), .array(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
  }

  /// The value of a key of an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// A short description for error messages: `een tekst`, `een getal`, …
  public var kindDescription: String {
    switch self {
    case .object: return "een object"
    case .array: return "een lijst"
    case .string: return "een tekst"
    case .number: return "een getal"
    case .bool: return "waar/onwaar"
    case .null: return "null"
    }
  }
}

/// A syntax error in JSON text, with its position.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public let line: Int
  public let column: Int
  public var description: String { "\(line):\(column): \(message)" }
}

/// A small, strict JSON reader (RFC 8259) that keeps number lexemes.
public struct JSONReader {
  let bytes: [UInt8]
  var index = 0
  var line = 1
  var lineStart = 0

  public static func parse(_ text: String) throws -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    reader.skipWhitespace()
    let value = try reader.readValue(depth: 0)
    reader.skipWhitespace()
    guard reader.index == reader.bytes.count else { throw reader.error("onverwachte tekst na het einde van het document") }
    return value
  }

  init(bytes: [UInt8]) { self.bytes = bytes }

  var column: Int { index - lineStart + 1 }

  func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, line: line, column: column) }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  mutating func readValue(depth: Int) throws -> JSONValue {
    guard depth < 64 else { throw error("te diep genest") }
    guard index < bytes.count else { throw error("onverwacht einde van het document") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try readObject(depth: depth)
    case UInt8(ascii: "["): return try readArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
    default: throw error("verwacht een waarde")
    }
  }

  mutating func expectLiteral(_ word: String) throws {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { throw error("verwacht '\(word)'") }
    index += w.count
  }

  mutating func readObject(depth: Int) throws -> JSONValue {
    index += 1
    var members: [(key: String, value: JSONValue, line: Int, column: Int)] = []
    // The keys seen, for the duplicate check: a set, so an object of a hundred thousand keys is read in
    // linear time, not quadratic (that took minutes for a document within the size limit).
    var keys: Set<String> = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("verwacht een sleutel tussen aanhalingstekens") }
      let (keyLine, keyColumn) = (line, column)
      let key = try readString()
      if !keys.insert(key).inserted {
        throw JSONSyntaxError(message: "sleutel '\(key)' staat twee keer in dit object", line: keyLine, column: keyColumn)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("verwacht ':'") }
      index += 1
      skipWhitespace()
      let value = try readValue(depth: depth + 1)
      members.append((key, value, keyLine, keyColumn))
      skipWhitespace()
      guard index < bytes.count else { throw error("object niet afgesloten met '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw error("verwacht ',' of '}'") }
      index += 1
      return .object(members)
    }
  }

  mutating func readArray(depth: Int) throws -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try readValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("lijst niet afgesloten met ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw error("verwacht ',' of ']'") }
      index += 1
      return .array(items)
    }
  }

  mutating func readString() throws -> String {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw error("ongeldige UTF-8 in tekst") }
        return s
      }
      if b < 0x20 { throw error("stuurteken in tekst") }
      if b == UInt8(ascii: "\\") {
        index += 1
        guard index < bytes.count else { break }
        switch bytes[index] {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          guard let high = hexQuad(at: index + 1) else { throw error("ongeldige \\u-reeks: na \\u komen vier hexadecimale cijfers") }
          index += 4
          var code = high
          if (0xD800...0xDBFF).contains(high) {
            // A character outside the Basic Multilingual Plane is written as a surrogate pair (RFC 8259 §7).
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u"),
              let low = hexQuad(at: index + 3), (0xDC00...0xDFFF).contains(low)
            else { throw error("ongeldige \\u-reeks: een hoge surrogaat zonder lage surrogaat erna") }
            code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            index += 6
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("ongeldige \\u-reeks: een losse lage surrogaat") }
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw error("ongeldige escape")
        }
        index += 1
        continue
      }
      out.append(b)
      index += 1
    }
    throw error("tekst niet afgesloten met '\"'")
  }

  /// The value of four hexadecimal digits at `start` (a `\\u` escape), or nil.
  func hexQuad(at start: Int) -> UInt32? {
    guard start + 3 < bytes.count else { return nil }
    var value: UInt32 = 0
    for b in bytes[start...(start + 3)] {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(b - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }
    return value
  }

  mutating func readNumber() throws -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits() -> Int {
      let s = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      return index - s
    }
    guard digits() > 0 else { throw error("ongeldig getal") }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("ongeldig getal: cijfers na de punt ontbreken") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw error("ongeldig getal: exponent ontbreekt") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }
}

/// Writes JSON with keys in the order given and numbers exactly as their strings, so that output
/// amounts stay exact decimal strings and files are stable from run to run.
public enum JSONWriter {
  /// Renders a value; `indent` spaces per level, or compact on one line when `indent` is 0.
  public static func render(_ value: JSONValue, indent: Int = 2) -> String {
    var out = ""
    write(value, into: &out, level: 0, indent: indent)
    return out
  }

  static func write(_ value: JSONValue, into out: inout String, level: Int, indent: Int) {
    let newline = indent > 0 ? "\n" : ""
    let pad = String(repeating: " ", count: indent * (level + 1))
    let closePad = String(repeating: " ", count: indent * level)
    let separator = indent > 0 ? ": " : ":"
    switch value {
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (i, m) in members.enumerated() {
        out += pad + quote(m.key) + separator
        write(m.value, into: &out, level: level + 1, indent: indent)
        out += (i + 1 < members.count ? "," : "") + newline
      }
      out += closePad + "}"
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad
        write(item, into: &out, level: level + 1, indent: indent)
        out += (i + 1 < items.count ? "," : "") + newline
      }
      out += closePad + "]"
    case .string(let s): out += quote(s)
    case .number(let n): out += n
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  /// A JSON string literal.
  public static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension JSONValue {
  /// An object from key–value pairs, in order.
  public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(pairs.map { (key: $0.key, value: $0.value, line: 0, column: 0) })
  }

  /// An object from an ordered list of pairs.
  public static func ordered(_ pairs: [(String, JSONValue)]) -> JSONValue {
    .object(pairs.map { (key: $0.0, value: $0.1, line: 0, column: 0) })
  }
}

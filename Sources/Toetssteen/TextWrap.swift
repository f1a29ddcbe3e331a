/// Long lines of a text summary broken between words, for a terminal or a README of about 100 columns.
///
/// A line breaks at the last space that keeps it within the width, and that space goes (never the space
/// after '€' or before '%', which belong to their number); every other
/// character stays as it was (leading spaces, the aligned columns of a table row). A word longer than
/// the width keeps a line of its own. Lines after the first start with `indent`, so a continued note or
/// table cell reads as one piece. Widths count characters (grapheme clusters), as a terminal shows them.
enum TextWrap {
  /// `text` in lines of at most `width` characters where the words allow it.
  static func lines(_ text: String, width: Int = 100, indent: String = "  ") -> [String] {
    var rest = Array(text)
    guard rest.count > width else { return [text] }
    var lines: [String] = []
    var prefix: [Character] = []
    while prefix.count + rest.count > width {
      let room = width - prefix.count
      // The last space within the room (after the line's own leading spaces), else the first after it.
      let leading = rest.prefix { $0 == " " }.count
      let breaks = rest.indices.filter { $0 > leading && rest[$0] == " " && rest[$0 - 1] != "€" && ($0 + 1 == rest.count || rest[$0 + 1] != "%") }
      guard let cut = breaks.last(where: { $0 <= room }) ?? breaks.first else { break }
      lines.append(String(prefix + rest[..<cut]))
      rest = Array(rest[(cut + 1)...])
      prefix = Array(indent)
    }
    lines.append(String(prefix + rest))
    return lines
  }
}

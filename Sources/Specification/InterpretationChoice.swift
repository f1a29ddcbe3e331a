import Foundation

/// An interpretation choice as `Regulations/README.md` records it: where turning text into rules
/// required a choice, the article, what was chosen and the alternatives, and its status.
///
/// The choices live in the guide's numbered list (`N. **Titel** (Wzt art. 2 lid 1). Tekst…`); every
/// choice there is open (not yet agreed with policy and legislation) unless its text says
/// "Afgestemd". A choice concerns a law when its articles name the law's short title.
public struct InterpretationChoice: Sendable {
  public let number: Int
  public let title: String
  /// The article references as written, e.g. `Wzt art. 2a/3 lid 1, Awir art. 7 lid 3`.
  public let articles: String
  public let text: String
  public let status: String

  public func concerns(_ shortTitle: String) -> Bool {
    articles.range(of: "\\b\(NSRegularExpression.escapedPattern(for: shortTitle))\\b", options: .regularExpression) != nil
      || (articles.isEmpty && text.contains(shortTitle))
  }

  /// Reads the numbered choices under the heading `## Interpretatiekeuzes` of the guide.
  public static func read(guide text: String) -> [InterpretationChoice] {
    guard let start = text.range(of: "## Interpretatiekeuzes") else { return [] }
    let rest = text[start.upperBound...]
    let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
    var items: [(Int, String)] = []
    for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
      if let m = line.range(of: #"^\d+\. "#, options: .regularExpression) {
        items.append((Int(line[m].dropLast(2)) ?? 0, String(line[m.upperBound...])))
      } else if !items.isEmpty, line.hasPrefix("   ") || line.hasPrefix("    ") {
        items[items.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
      }
    }
    return items.map { number, body in
      var title = ""
      var rest = body
      if let t = body.range(of: #"^\*\*([^*]+)\*\*"#, options: .regularExpression) {
        title = String(body[t]).replacingOccurrences(of: "**", with: "")
        rest = String(body[t.upperBound...]).trimmingCharacters(in: .whitespaces)
      }
      var articles = ""
      if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
        articles = String(rest[rest.index(after: rest.startIndex)..<close])
        rest = String(rest[rest.index(after: close)...].drop { $0 == " " || $0 == "." })
      }
      let status = rest.contains("Afgestemd") ? "afgestemd" : "open"
      return InterpretationChoice(number: number, title: title.trimmingCharacters(in: CharacterSet(charactersIn: " .")), articles: articles, text: rest, status: status)
    }
  }
}

import Foundation
import LegalText

/// Article text with its JAS annotations (`[woorden]{klasse: begrip}`) for people: colour-coded
/// marks in HTML, and bold words with the class in Markdown.
enum AnnotatedText {
  static let pattern = try! NSRegularExpression(pattern: #"\[([^\]]*)\]\{([^}:]*)(?::\s*([^}]*))?\}"#)

  /// Colours per JAS class, readable on white and distinct from their neighbours in the legend.
  static let colours: [JASClass: String] = [
    .rechtssubject: "#ffd8a8", .rechtsobject: "#ffec99", .rechtsbetrekking: "#d8f5a2", .rechtsfeit: "#b2f2bb",
    .voorwaarde: "#c3fae8", .afleidingsregel: "#a5d8ff", .variabele: "#d0bfff", .variabelewaarde: "#eebefa",
    .parameter: "#fcc2d7", .parameterwaarde: "#ffc9c9", .operator: "#e9ecef", .tijdsaanduiding: "#99e9f2",
    .plaatsaanduiding: "#96f2d7", .delegatiebevoegdheid: "#ffe8cc", .delegatieInvulling: "#fff3bf", .brondefinitie: "#dee2e6",
  ]

  static func html(_ line: String) -> String {
    let ns = line as NSString
    var out = ""
    var last = 0
    for m in pattern.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
      out += SpecHTML.escape(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
      let words = ns.substring(with: m.range(at: 1))
      let name = ns.substring(with: m.range(at: 2)).trimmingCharacters(in: .whitespaces)
      let begrip = m.range(at: 3).location == NSNotFound ? nil : ns.substring(with: m.range(at: 3)).trimmingCharacters(in: .whitespaces)
      let jas = JASClass(annotation: name)
      let cls = jas.map { "jas jas-\($0.rawValue)" } ?? "jas"
      let title = (jas?.rawValue ?? name) + (begrip.map { ": \($0)" } ?? "")
      out += "<mark class=\"\(cls)\" title=\"\(SpecHTML.escape(title))\">\(SpecHTML.escape(words))<sub>\(SpecHTML.escape(jas?.rawValue ?? name))</sub></mark>"
      last = m.range.location + m.range.length
    }
    return out + SpecHTML.escape(ns.substring(from: last))
  }

  static func markdown(_ line: String) -> String {
    pattern.stringByReplacingMatches(in: line, range: NSRange(location: 0, length: (line as NSString).length), withTemplate: "**$1**<sup>$2</sup>")
  }

  static var css: String {
    JASClass.allCases.map { ".jas-\($0.rawValue){background:\(colours[$0] ?? "#eee")}" }.joined()
  }
}

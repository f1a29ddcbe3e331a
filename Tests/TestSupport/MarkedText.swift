/// Test source text with markers in the style of swift-syntax's `1️⃣`: `⟨a⟩` marks a place, is removed
/// from the text, and is looked up as `line:column` (columns in Unicode scalars, as `SourceRange.position`
/// counts them), so a test asserts where a diagnostic points without spelling out its message.
public struct MarkedText {
  /// The text without its markers.
  public let text: String
  private let places: [String: String]

  public init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var places: [String: String] = [:]
    var line = 1
    var column = 1
    var scalars = marked.unicodeScalars[...]
    while let scalar = scalars.first {
      if scalar == "⟨", let close = scalars.firstIndex(of: "⟩") {
        let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
        precondition(places[name] == nil, "marker ⟨\(name)⟩ staat twee keer in de tekst")
        places[name] = "\(line):\(column)"
        scalars = scalars[scalars.index(after: close)...]
        continue
      }
      text.append(scalar)
      if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
      scalars.removeFirst()
    }
    self.text = String(text)
    self.places = places
  }

  /// `line:column` of marker `name`; a marker that is not in the text fails loudly.
  public subscript(_ name: String) -> String {
    guard let place = places[name] else { preconditionFailure("geen marker ⟨\(name)⟩ in de tekst") }
    return place
  }
}

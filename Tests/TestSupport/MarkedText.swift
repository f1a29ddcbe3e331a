/// Test source text with markers in the style of swift-syntax's `1️⃣`: `⟨a⟩` marks a place, is removed
/// from the text, and is looked up as `line:column` (columns in Unicode scalars, as `SourceRange.position`
/// counts them), so a test asserts where a diagnostic points without spelling out its message.
public struct MarkedText {
  /// The text without its markers.
  public let text: String
  /// Every marker in the order it stands in the text, as `(name, "line:column")`; a name may repeat when
  /// a test expects the same diagnostic at several places.
  public let markers: [(name: String, place: String)]

  public init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var markers: [(name: String, place: String)] = []
    var line = 1
    var column = 1
    var scalars = marked.unicodeScalars[...]
    while let scalar = scalars.first {
      if scalar == "⟨", let close = scalars.firstIndex(of: "⟩") {
        let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
        markers.append((name, "\(line):\(column)"))
        scalars = scalars[scalars.index(after: close)...]
        continue
      }
      text.append(scalar)
      if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
      scalars.removeFirst()
    }
    self.text = String(text)
    self.markers = markers
  }

  /// `line:column` of marker `name`; a marker that is not in the text, or stands there twice, fails loudly.
  public subscript(_ name: String) -> String {
    let found = markers.filter { $0.name == name }
    guard found.count == 1 else {
      preconditionFailure(found.isEmpty ? "geen marker ⟨\(name)⟩ in de tekst" : "marker ⟨\(name)⟩ staat \(found.count) keer in de tekst")
    }
    return found[0].place
  }
}

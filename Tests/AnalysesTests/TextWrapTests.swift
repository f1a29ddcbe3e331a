import Testing
@testable import Toetssteen

/// The text summary's long lines break between words, with a hanging indent, and lose no character.
@Suite("Lange regels van de samenvatting")
struct TextWrapTests {
  @Test("afgebroken tussen woorden, vervolgregels ingesprongen, alleen de spatie van de breuk kwijt; een lang woord houdt een eigen regel")
  func wraps() {
    #expect(TextWrap.lines("kort") == ["kort"])
    let text = "Leefvorm: " + Array(repeating: "woord", count: 60).joined(separator: " ") + "."
    let lines = TextWrap.lines(text, width: 40, indent: "  ")
    #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 40 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    #expect(lines.first?.hasPrefix("Leefvorm: ") == true)
    #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst(2)) }.joined(separator: " ") == text)
    let long = String(repeating: "x", count: 50)
    #expect(TextWrap.lines("a \(long) b", width: 20, indent: " ") == ["a", " \(long)", " b"])
    // A table row keeps its aligned columns; its continuation starts under the value.
    let row = "  uitgaven     € 55.455.847,29 per maand aan 41.656 ontvangers (niet-gebruik 47,3 % van de rechthebbenden)"
    let wrapped = TextWrap.lines(row, width: 60, indent: String(repeating: " ", count: 15))
    #expect(wrapped.first?.hasPrefix("  uitgaven     € 55.455.847,29") == true && wrapped.count == 3)
    #expect(wrapped.allSatisfy { $0.count <= 60 } && wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 15)) })
    #expect(wrapped[0] + wrapped.dropFirst().map { " " + $0.dropFirst(15) }.joined() == row)
    // An amount stays whole: no break between '€' and its number.
    #expect(TextWrap.lines("uit de klasse € 10.000–20.000", width: 15) == ["uit de klasse", "  € 10.000–20.000"])
    // A percentage too: no break between the number and '%'.
    #expect(TextWrap.lines("de AIO 29,1 %)", width: 12) == ["de AIO", "  29,1 %)"])
    // Characters as a terminal shows them: 'é' and '€' count one.
    #expect(TextWrap.lines("€ é", width: 3) == ["€ é"])
  }
}

import HouseholdModel
import Testing

/// The household document's JSON reader follows RFC 8259 for escapes: surrogate pairs make one
/// character, and anything that is not four hexadecimal digits or a complete pair is a located error.
@Suite("JSON-lezer: \\u-reeksen")
struct JSONReaderTests {
  func string(_ json: String) throws -> String? {
    guard case .string(let s) = try JSONReader.parse(json) else { return nil }
    return s
  }

  @Test("een surrogaatpaar is één teken buiten het basisvlak")
  func surrogatePair() throws {
    #expect(try string(#""\ud83d\ude00""#) == "😀")
    #expect(try string(#""Ren\u00e9e \uD834\uDD1E""#) == "Renée 𝄞")
  }

  @Test("losse surrogaten, te weinig cijfers of een teken ervoor: een fout met plaats")
  func invalidEscapes() {
    for bad in [#""\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\ude00""#, #""\u12""#, #""\u+041""#, #""\u00g1""#] {
      #expect(throws: JSONSyntaxError.self, "\(bad)") { try JSONReader.parse(bad) }
    }
  }
}

import HouseholdModel
import LegalSource
import Testing
import TestSupport

/// A household document's problems are the same ``Diagnostic`` a regulation's are: an id from the
/// catalogue (`HouseholdMessages.swift`), the place in Unicode scalars (a marker in the text says where),
/// the field's path before the text, and a spelling suggestion as a note of its own.
@Suite("Meldingen over een huishoudendocument")
struct HouseholdDiagnosticsTests {
  static let decoder = HouseholdDecoder(program: Repository.engine.program)

  /// The diagnostics of `marked`'s text, read as `file`.
  static func diagnostics(_ marked: MarkedText, file: String = "h.json") -> [Diagnostic] {
    do {
      _ = try decoder.decode(text: marked.text)
      return []
    } catch {
      return error.diagnostics(in: SourceFile(path: file, text: marked.text))
    }
  }

  @Test("ieder probleem heeft zijn id, zijn plaats en zijn pad; een suggestie is een notitie")
  func idsPlacesAndNotes() {
    // "é€" before a field on the same line: two scalars, five bytes; the column counts scalars.
    let marked = MarkedText("""
      {⟨partnerschap⟩"partnerschap": "gehuwdd",
       "personen": [
        { "rol": "aanvrager", "naam": "é€", ⟨lon⟩"lon": "1", ⟨geboortedatum⟩"geboortedatum": "1980-02-30" },
        { "rol": "partner", ⟨loon⟩"loon": "12.345" },
        { "rol": "partner", ⟨vermogen⟩"vermogen": 1e30 }
       ]}
      """)
    let found = Self.diagnostics(marked)
    #expect(found.allSatisfy { $0.isError && $0.message.id.hasPrefix("huishouden.") })
    let expected: [(id: String, marker: String?, prefix: String)] = [
      ("huishouden.keuze", "partnerschap", "partnerschap: 'gehuwdd' is geen waarde van partnerschap"),
      ("huishouden.veld-onbekend", nil, "personen[0].naam: onbekend veld"),
      ("huishouden.veld-onbekend", "lon", "personen[0].lon: onbekend veld"),
      ("huishouden.datum", "geboortedatum", "personen[0].geboortedatum: verwacht een datum"),
      ("huishouden.centen", "loon", "personen[1].loon: een bedrag is in hele centen"),
      ("huishouden.getal-te-groot", "vermogen", "personen[2].vermogen: een getal ligt tussen"),
      ("huishouden.partner", nil, "personen: er kan hoogstens één persoon met rol 'partner' zijn"),
    ]
    #expect(found.count == expected.count, "\(found.map(\.message.text))")
    for (d, e) in zip(found, expected) {
      #expect(d.message.id == e.id)
      #expect(d.message.text.hasPrefix(e.prefix), "\(d.message.text)")
      if let marker = e.marker { #expect(d.range?.position == "h.json:" + marked[marker], "\(e.id)") }
    }
    // The suggestions are notes, not part of the text.
    #expect(found[0].notes.map(\.text) == ["bedoelt u 'gehuwd'?"] && !found[0].message.text.contains("bedoelt"))
    #expect(found[2].notes.map(\.text) == ["bedoelt u 'loon'?"])
    #expect(found[3].notes.isEmpty)
    // Without a place (the document as a whole), no range.
    #expect(found[6].range == nil)
  }

  @Test("een fout in de JSON zelf staat op haar plaats, ook na tekens van meer bytes en in CRLF")
  func syntaxErrorPlace() {
    let marked = MarkedText("{\"a\": \"ëë\",\r\n \"b\": ⟨fout⟩tru }")
    let found = Self.diagnostics(marked)
    #expect(found.map(\.message.id) == ["huishouden.json"])
    #expect(found.first?.range?.position == "h.json:" + marked["fout"])
    let formatted = DiagnosticFormatter(showsExcerpt: true).format(found)
    #expect(formatted.hasPrefix("h.json:2:7: error: geen geldige JSON"), "\(formatted)")
    #expect(formatted.contains("  2 |  \"b\": tru }"), "\(formatted)")
  }

  @Test("tienduizend problemen op één regel: iedere plaats klopt")
  func manyOnOneLine() {
    var text = "{\"personen\": [{\"rol\": \"aanvrager\"}]"
    var markers: [Int] = []
    for i in 0..<10_000 {
      text += ", "
      markers.append(text.unicodeScalars.count + 1)
      text += "\"é\(i)\": 1"
    }
    text += "}"
    let found = Self.diagnostics(MarkedText(text))
    #expect(found.count == 10_000)
    #expect(found.map { $0.range?.position } == markers.map { "h.json:1:\($0)" })
    // Printed, each shows its window of the line (not the whole line ten thousand times).
    let printed = DiagnosticFormatter(showsExcerpt: true).format(found).split(separator: "\n")
    #expect(printed.count == 30_000 && printed.allSatisfy { $0.unicodeScalars.count < 200 })
  }

  @Test("de uitsnede: een tab blijft een tab onder het dakje, stuurtekens worden zichtbaar")
  func excerptTabsAndControls() {
    let tabs = MarkedText("{\n\t\"personen\": [\n\t\t{\t\"rol\": \"aanvrager\",\t⟨lon⟩\"lon\": \"1\"}\n\t]\n}\n")
    let found = Self.diagnostics(tabs)
    #expect(found.first?.range?.position == "h.json:" + tabs["lon"])
    let lines = DiagnosticFormatter(showsExcerpt: true).format(found).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4 && lines[1] == "  3 | \t\t{\t\"rol\": \"aanvrager\",\t\"lon\": \"1\"}")
    #expect(lines[2] == "    | \t\t \t" + String(repeating: " ", count: 19) + "\t^")
    // An escape sequence in a value the message repeats, and a carriage return on the line: shown, not executed.
    let control = MarkedText("{\"personen\": [{\"rol\": \"aanvrager\"}], \"partnerschap\": ⟨p⟩\"\\u001b[2J\",\r \"x\": 1}")
    let printed = DiagnosticFormatter(showsExcerpt: true).format(Self.diagnostics(control))
    #expect(!printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D }, "\(printed.debugDescription)")
    #expect(printed.contains("'␛[2J' is geen waarde van partnerschap") && printed.contains("␍"))
  }
}

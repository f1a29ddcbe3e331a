import HouseholdModel
import LegalSource
import LegalText
import RuleIR
import RuleSemantics
import Toetssteen

/// Compiles regulation documents held in memory, for tests of the compiler and the evaluator.
public enum RegulationFixture {
  /// The front matter of a small test law `code`, valid from `from` until `until`.
  public static func header(code: String, title: String = "Testwet", bwb: String = "BWBR0099999", from: String = "2025-01-01", until: String? = "2026-01-01") -> String {
    """
    ---
    wet: \(title)
    citeertitel: \(code.uppercased())
    code: \(code)
    bwb: \(bwb)
    geldig vanaf: \(from)
    \(until.map { "geldig tot: \($0)" } ?? "")
    bron: testfixture
    ---

    """
  }

  /// A minimal household model: birth date, income, vermogen, a boolean and an enumeration.
  public static let householdModel = """
    ---
    wet: Gegevensmodel
    code: huishouden
    bwb: BWBR0018472
    soort: gegevensmodel
    geldig vanaf: 2000-01-01
    bron: testfixture
    ---

    ```regels
    Gegeven geboortedatum van een persoon is een datum, veld "geboortedatum", herkomst BRP.
    Gegeven inkomen van een persoon is een bedrag per jaar, standaard € 0, veld "toetsingsinkomen", herkomst BRI.
    Gegeven vermogen van een persoon is een bedrag, standaard € 0, veld "vermogen", herkomst opgave.
    Gegeven zorgverzekerd van een persoon is een kenmerk, standaard waar, veld "zorgverzekerd", herkomst Vecozo.
    Gegeven huur van het huishouden is een bedrag per maand, veld "woning.rekenhuur", herkomst opgave.
    Enumeratie partnerschap: 'geen', 'gehuwd'.
    Gegeven partnerschap van het huishouden is een partnerschap, standaard 'geen', veld "partnerschap", herkomst BRP.
    ```
    """

  /// Parses and compiles documents given as path → text; the household model is added unless present.
  public static func compile(_ files: [String: String]) -> (program: Program?, diagnostics: [Diagnostic]) {
    var diagnostics = DiagnosticEngine()
    var all = files
    if all["huishouden.md"] == nil { all["huishouden.md"] = householdModel }
    var documents: [LegalDocument] = []
    for (path, text) in all.sorted(by: { $0.key < $1.key }) {
      if let d = DocumentParser.parse(SourceFile(path: path, text: text), diagnostics: &diagnostics) { documents.append(d) }
    }
    let result = Compiler.compile(documents, diagnostics: &diagnostics)
    return (result.program, diagnostics.sorted)
  }

  /// The errors of a compilation as `path:line:column: message`.
  public static func errors(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter(\.isError).map { "\($0.range?.position ?? "-"): \($0.message.text)" }
  }

  /// A household from contract JSON.
  public static func household(_ json: String, program: Program) throws -> Household {
    try HouseholdDecoder(program: program).decode(text: json)
  }
}

import ExactArithmetic
import LegalSource

/// The diagnostics of the engine's own steps: reading regulation files and amendments, choosing the
/// versions of a variant, and checking the worked examples beside the articles.
extension DiagnosticMessage {
  static func noRegulations(in directory: String) -> Self {
    .init(id: "bestand.leeg", "geen regelingen (.md-bestanden met een kop) gevonden in '\(directory)'")
  }
  static func unreadableRegulation(_ path: String) -> Self {
    .init(id: "bestand.lezen", "kan '\(path)' niet lezen (geen UTF-8?)")
  }
  static func unreadableAmendment(_ path: String) -> Self {
    .init(id: "bestand.lezen", "kan wijziging '\(path)' niet lezen")
  }
  static func versionOfUnknownLaw(_ code: String, known: Set<String>) -> Self {
    let hint = Spelling.suggestion(for: code, among: known).map { "; bedoelt u '\($0)'?" } ?? " (regelingen: \(known.sorted().joined(separator: ", ")))"
    return .init(id: "variant.regeling", "versie_van noemt '\(code)', maar dat is geen regeling\(hint)")
  }
  static func noVersionOfLaw(_ code: String, on source: CivilDate, or date: CivilDate, known: Set<String>) -> Self {
    .init(id: "variant.versie", "geen versie van '\(code)' op \(source.iso) of op \(date.iso) (regelingen: \(known.sorted().joined(separator: ", ")))")
  }
  static func exampleFailed(_ name: String, _ text: String) -> Self {
    .init(id: "voorbeeld.mislukt", "voorbeeld '\(name)': \(text)")
  }
  /// A line of a worked example that cannot be read; `text` says what is wrong with it.
  static func exampleLine(_ text: String) -> Self {
    .init(id: "voorbeeld.regel", text)
  }
  static func exampleIncomplete() -> Self {
    .init(id: "voorbeeld.onvolledig", "een voorbeeld noemt ten minste 'naam' en 'datum'")
  }
  static func exampleExpectsNothing(_ name: String) -> Self {
    .init(id: "voorbeeld.verwacht", "voorbeeld '\(name)' verwacht niets: voeg 'verwacht <uitvoer>: <waarde>' toe")
  }
}

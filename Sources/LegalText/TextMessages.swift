import LegalSource

/// The diagnostics of the legal-text phase: front matter, headings, annotations and fences.
extension DiagnosticMessage {
  static func frontMatterMissing() -> Self {
    .init(id: "tekst.kop-ontbreekt", "het document begint niet met een kop tussen '---'-regels (wet, code, bwb, geldig vanaf, bron)")
  }
  static func frontMatterKeyMissing(_ key: String) -> Self {
    .init(id: "tekst.sleutel-ontbreekt", "de kop mist '\(key):'")
  }
  static func frontMatterUnknownKey(_ key: String) -> Self {
    .init(id: "tekst.sleutel-onbekend", severity: .warning, "onbekende sleutel '\(key)' in de kop (bekend: \(FrontMatter.knownKeys.joined(separator: ", ")))")
  }
  static func frontMatterBadLine() -> Self {
    .init(id: "tekst.kopregel", "een regel in de kop moet de vorm 'sleutel: waarde' hebben")
  }
  static func frontMatterBadDate(_ key: String, _ value: String) -> Self {
    .init(id: "tekst.datum", "'\(key)' moet een datum JJJJ-MM-DD zijn, niet '\(value)'")
  }
  static func frontMatterBadCode(_ value: String) -> Self {
    .init(id: "tekst.code", "'code' moet uit kleine letters, cijfers en '_' bestaan, niet '\(value)'")
  }
  static func frontMatterBadKind(_ value: String) -> Self {
    .init(id: "tekst.soort", "onbekende soort regeling '\(value)' (wet, amvb, ministeriële regeling, beleidsregel, gegevensmodel, rekenmodel)")
  }
  static func frontMatterBadBWB(_ value: String) -> Self {
    .init(id: "tekst.bwb", "'\(value)' is geen BWB-id (de vorm is BWBR gevolgd door zeven cijfers)")
  }
  static func validityInverted() -> Self {
    .init(id: "tekst.geldigheid", "'geldig tot' ligt niet na 'geldig vanaf'")
  }
  static func headingWithoutNumber(_ what: String) -> Self {
    .init(id: "tekst.kopnummer", "een kop '\(what)' moet een nummer hebben, bijvoorbeeld '\(what) 2'")
  }
  static func lidOutsideArticle() -> Self {
    .init(id: "tekst.lid-buiten-artikel", "een lid staat buiten een artikel: zet er een kop '## Artikel …' boven")
  }
  static func unclosedFence() -> Self {
    .init(id: "tekst.blok-open", "dit blok wordt niet afgesloten met ```")
  }
  static func unknownJASClass(_ name: String) -> Self {
    .init(id: "tekst.jas-klasse", "onbekende JAS-klasse '\(name)' (zie de zestien klassen in Docs/regeltaal.md)")
  }
  static func unclosedAnnotation() -> Self {
    .init(id: "tekst.annotatie-open", "annotatie zonder sluitende '}': de vorm is [formulering]{klasse} of [formulering]{klasse: begrip}")
  }
  static func strayBrace() -> Self {
    .init(id: "tekst.accolade-los", "accolade zonder annotatie: de vorm is [formulering]{klasse} of [formulering]{klasse: begrip} (is een '[' of ']' weggevallen?)")
  }
  static func emptyAnnotation() -> Self {
    .init(id: "tekst.annotatie-leeg", "lege formulering in een annotatie")
  }
  static func delegationWithoutAnnotation(_ phrase: String) -> Self {
    .init(id: "jas.delegatie-zonder-annotatie", severity: .warning, "'\(phrase)' geeft een bevoegdheid tot nadere regels: annoteer haar als delegatiebevoegdheid")
  }
  /// One of the JAS lint rules of `AnnotationLint`; `id` is the rule's own (`jas.…`).
  static func annotationLint(_ id: String, jasClass: JASClass, _ message: String) -> Self {
    .init(id: id, severity: .warning, "JAS-klasse '\(jasClass.rawValue)': \(message)")
  }
}

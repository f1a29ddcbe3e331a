import LegalSource

/// Checks each JAS annotation against what its class can mean in that place, and warns where the
/// class cannot be right (Wetsanalyse, Ausems e.a. 2021): an exception clause ("in afwijking van …")
/// is not a voorwaarde but says which rule prevails; a duty to publish and a bare cross-reference are
/// no delegatiebevoegdheid; reaching an age, a birth or a marriage is no rechtsfeit; a parameterwaarde
/// is a value. Each rule is one small predicate with its message; findings are warnings at the
/// annotation, with the article, because the text stays verbatim and only the class is wrong.
enum AnnotationLint {
  struct Rule: Sendable {
    let id: String
    let classes: Set<JASClass>
    let applies: @Sendable (String) -> Bool
    let message: String
  }

  static let rules: [Rule] = [
    Rule(
      id: "jas.afwijking", classes: [.voorwaarde, .afleidingsregel],
      applies: { $0.hasPrefix("in afwijking van") },
      message: "'in afwijking van …' is geen voorwaarde of afleidingsregel: het zegt welke regel voorgaat (in de regels: 'In afwijking van …'); laat de clausule zonder klasse"),
    Rule(
      id: "jas.bekendmaking", classes: [.delegatiebevoegdheid],
      applies: { t in ["medegedeeld", "bekendgemaakt", "bekend gemaakt", "gepubliceerd"].contains { t.contains($0) } },
      message: "een plicht tot bekendmaking is geen delegatiebevoegdheid: er worden geen regels gesteld"),
    Rule(
      id: "jas.verwijzing", classes: [.delegatiebevoegdheid, .delegatieInvulling],
      applies: { t in t.hasPrefix("artikel") && t.split(separator: " ").count <= 4 && !t.contains("regel") },
      message: "een verwijzing naar een artikel is geen delegatie: annoteer de bevoegdheid waar zij wordt gegeven ('bij ministeriële regeling', 'door Onze Minister')"),
    Rule(
      id: "jas.rechtsfeit", classes: [.rechtsfeit],
      applies: { t in ["leeftijd", "geboren", "geboorte", "huwelijk", "gehuwd", "verjaardag"].contains { t.contains($0) } },
      message: "een leeftijd, geboorte of huwelijk is hier geen rechtsfeit (een handeling of gebeurtenis die zelf een rechtsbetrekking doet ontstaan): het is een variabele, voorwaarde of tijdsaanduiding"),
    Rule(
      id: "jas.begripsbepaling", classes: [.afleidingsregel, .voorwaarde, .variabele],
      applies: { t in t.hasSuffix("verstaan") || t.contains("wordt verstaan") || t.contains("wordt mede verstaan") },
      message: "'onder … wordt (mede) verstaan' bepaalt een begrip: de klasse is brondefinitie"),
    Rule(
      id: "jas.parameterwaarde", classes: [.parameterwaarde, .variabelewaarde],
      applies: { t in !t.contains { $0.isNumber } && !["nihil", "procent", "%", "€", "de helft"].contains { t.contains($0) } },
      message: "een parameterwaarde is een waarde (een bedrag, percentage of datum); deze formulering noemt er geen"),
  ]

  /// Phrases that give a power to make further rules; outside an annotation they are a missed
  /// delegatiebevoegdheid (the Besluit or regeling that fills it in is annotated as delegatie-invulling).
  static let delegationPhrases = [
    "bij algemene maatregel van bestuur", "bij of krachtens algemene maatregel van bestuur", "bij ministeriële regeling",
    "bij of krachtens ministeriële regeling",
  ]

  /// Warns where a line of law text names a delegation and none of the line's annotations is a
  /// delegatiebevoegdheid (the sentence's delegation may be annotated on other words, such as
  /// "[nadere regels]{delegatiebevoegdheid}"). `annotations` are the ones the scanner found on the line.
  static func checkUnannotatedDelegation(
    line: String, annotations: [Annotation], range: SourceRange, citation: Citation, into diagnostics: inout DiagnosticEngine
  ) {
    guard !annotations.contains(where: { $0.jasClass == .delegatiebevoegdheid || $0.jasClass == .delegatieInvulling }) else { return }
    let lowered = AnnotationScanner.plainText(line).lowercased()
    guard let phrase = delegationPhrases.first(where: { lowered.contains($0) }) else { return }
    // Point at the phrase where it stands in the written line, or at the line when annotations split it.
    var at = range
    let written = line.lowercased()
    if let found = written.firstRange(of: phrase) {
      let start = range.start + written.unicodeScalars.distance(from: written.unicodeScalars.startIndex, to: found.lowerBound)
      at = SourceRange(file: range.file, start: start, end: start + phrase.unicodeScalars.count)
    }
    diagnostics.emit(
      .delegationWithoutAnnotation(phrase),
      at: at, citation: citation)
  }

  /// The warnings for the annotations of one document.
  static func check(_ annotations: [Annotation], into diagnostics: inout DiagnosticEngine) {
    for a in annotations {
      let text = a.formulering.lowercased().trimmed
      for rule in rules where rule.classes.contains(a.jasClass) && rule.applies(text) {
        diagnostics.emit(.annotationLint(rule.id, jasClass: a.jasClass, rule.message), at: a.range, citation: a.citation)
      }
    }
  }
}

import LegalSource

/// The diagnostics of reading a household document: its JSON, its shape (one aanvrager, at most one
/// partner, unique ids) and every field against the fact the gegevensmodel declares. Identifiers start
/// with `huishouden.`; a tool (or the service's `problemen`) matches on them, people read the text.
/// A spelling suggestion is not part of the text: it travels as a note (`bedoelt u '…'?`).
extension DiagnosticMessage {
  /// A problem of one field as a diagnostic: the field's path before the text, the id kept.
  static func inHouseholdField(_ path: String, _ problem: DiagnosticMessage) -> Self {
    .init(id: problem.id, severity: problem.severity, path.isEmpty ? problem.text : "\(path): \(problem.text)")
  }
  static func householdJSON(_ detail: String?) -> Self {
    .init(id: "huishouden.json", detail.map { "geen geldige JSON: \($0)" } ?? "geen geldige JSON")
  }
  static func householdNotObject() -> Self {
    .init(id: "huishouden.vorm", "een huishouden is een JSON-object met 'personen'")
  }
  static func personsNotList() -> Self {
    .init(id: "huishouden.personen", "verwacht een lijst van personen")
  }
  static func tooManyPersons(_ count: Int, limit: Int) -> Self {
    .init(id: "huishouden.personen-te-veel", "\(count) personen: één huishoudendocument beschrijft één huishouden, met ten hoogste \(limit) personen")
  }
  static func noPersons() -> Self {
    .init(id: "huishouden.personen-geen", "het huishouden noemt geen personen")
  }
  static func applicantCount(_ found: Int) -> Self {
    .init(id: "huishouden.aanvrager", "er moet precies één persoon met rol 'aanvrager' zijn (gevonden: \(found))")
  }
  static func secondPartner() -> Self {
    .init(id: "huishouden.partner", "er kan hoogstens één persoon met rol 'partner' zijn")
  }
  static func duplicatePersonID(_ id: String) -> Self {
    .init(id: "huishouden.id-dubbel", "de id '\(id)' komt meer dan eens voor")
  }
  static func groupNotObject() -> Self {
    .init(id: "huishouden.groep", "verwacht een object")
  }
  static func personNotObject() -> Self {
    .init(id: "huishouden.persoon", "een persoon is een object")
  }
  static func personIDNotText() -> Self {
    .init(id: "huishouden.id", "verwacht een tekst")
  }
  static func unknownRole() -> Self {
    .init(id: "huishouden.rol", "de rol is 'aanvrager', 'partner', 'kind' of 'medebewoner'")
  }
  static func missingRole() -> Self {
    .init(id: "huishouden.rol-ontbreekt", "iedere persoon heeft een rol")
  }
  static func unknownHouseholdField() -> Self {
    .init(id: "huishouden.veld-onbekend", "onbekend veld")
  }
  static func expectedNumber(found kind: String) -> Self {
    .init(id: "huishouden.getal", "verwacht een getal (als tekst of getal), maar vond \(kind)")
  }
  static func notANumber(_ text: String) -> Self {
    .init(id: "huishouden.getal", "'\(text)' is geen getal; schrijf bijvoorbeeld \"1573.42\"")
  }
  static func notWholeCents(_ text: String) -> Self {
    .init(id: "huishouden.centen", "een bedrag is in hele centen (hoogstens twee decimalen), niet \(text)")
  }
  static func notWholeNumber(_ text: String) -> Self {
    .init(id: "huishouden.geheel", "verwacht een geheel getal, niet \(text)")
  }
  static func negativeCount() -> Self {
    .init(id: "huishouden.negatief", "verwacht een getal van 0 of meer")
  }
  static func belowMinimum(_ minimum: String, _ text: String) -> Self {
    .init(id: "huishouden.grens", "ten minste \(minimum), niet \(text)")
  }
  static func aboveMaximum(_ maximum: String, _ text: String) -> Self {
    .init(id: "huishouden.grens", "ten hoogste \(maximum), niet \(text)")
  }
  static func numberTooLarge(_ text: String) -> Self {
    .init(id: "huishouden.getal-te-groot", "een getal ligt tussen −10^18 en 10^18 (een grens van toets), niet \(text)")
  }
  static func expectedBoolean(found kind: String) -> Self {
    .init(id: "huishouden.waarheid", "verwacht true of false, maar vond \(kind)")
  }
  static func expectedDate() -> Self {
    .init(id: "huishouden.datum", "verwacht een datum als \"JJJJ-MM-DD\"")
  }
  static func dateOutOfRange(_ text: String, range: String) -> Self {
    .init(id: "huishouden.datum-bereik", "\(text) ligt buiten de datums die de wetten kunnen betekenen (\(range))")
  }
  static func expectedEnumeration(_ values: [String]) -> Self {
    .init(id: "huishouden.keuze", "verwacht een van: \(values.joined(separator: ", "))")
  }
  static func notAnEnumerationValue(_ text: String, of name: String, values: [String]) -> Self {
    .init(id: "huishouden.keuze", "'\(text)' is geen waarde van \(name) (\(values.joined(separator: ", ")))")
  }
  static func notInDocument() -> Self {
    .init(id: "huishouden.gegeven", "dit gegeven kan niet in een huishoudendocument staan")
  }
}

import ExactArithmetic
import LegalSource

/// The diagnostics of the rule-language parser.
extension DiagnosticMessage {
  static func expectedAmountAfterEuro() -> Self { .init(id: "syntax.bedrag", "na '€' moet een bedrag volgen, zoals € 1.580,92") }
  static func malformedNumber() -> Self {
    .init(id: "syntax.getal", "onleesbaar getal: gebruik een decimale komma en punten per duizendtal, zoals 1.580,92")
  }
  static func unterminatedString() -> Self { .init(id: "syntax.tekst-open", "tekst zonder sluitend aanhalingsteken") }
  static func unterminatedEnumValue() -> Self {
    .init(id: "syntax.waarde-open", "enumeratiewaarde zonder sluitend enkel aanhalingsteken, zoals 'gehuwd'")
  }
  static func unexpectedCharacter(_ c: String) -> Self { .init(id: "syntax.teken", "onverwacht teken '\(c)'") }
  static func nestedTooDeep(_ limit: Int) -> Self {
    .init(id: "syntax.te-diep", "deze uitdrukking of voorwaarde is dieper genest dan \(limit) niveaus; schrijf tussenstappen met een eigen naam")
  }
  static func tooManyTerms(_ limit: Int) -> Self {
    .init(id: "syntax.te-lang", "meer dan \(limit) termen of voorwaarden op één niveau; schrijf tussenstappen met een eigen naam")
  }
  static func expected(_ what: String, found: String) -> Self {
    .init(id: "syntax.verwacht", "verwacht \(what), maar vond \(found)")
  }
  static func missingPeriod(found: String) -> Self {
    .init(id: "syntax.punt", "een regel eindigt met een punt; vond \(found)")
  }
  static func mixedAndOr() -> Self {
    .init(id: "syntax.en-of", "'en' en 'of' door elkaar zonder haakjes is dubbelzinnig: gebruik haakjes of een opsomming ('aan alle volgende voorwaarden is voldaan:')")
  }
  static func reservedWordAsName(_ w: String) -> Self {
    .init(id: "syntax.gereserveerd", "'\(w)' is een woord van de regeltaal en kan geen naam zijn")
  }
  static func unknownType(_ t: String) -> Self {
    .init(id: "syntax.type", "onbekend type '\(t)': bedrag (per jaar, per maand), percentage, getal, geheel getal, datum, duur, waar/onwaar of een enumeratie")
  }
  static func unknownRoundingTarget(_ t: String) -> Self {
    .init(id: "syntax.afronding", "onbekend afrondingsdoel '\(t)': hele euro's, centen, een veelvoud van een bedrag of een veelvoud van een percentage")
  }
  static func roundingNeedsReference() -> Self {
    .init(id: "syntax.afronding-bron", "een afronding noemt het artikel dat haar voorschrijft ('… afgerond op hele euro's volgens artikel 14 lid 4 van awir'), of de interpretatiekeuze waar de wet geen afronding noemt ('… volgens keuze maandbedrag-centen')")
  }
  static func tableRowNeedsSource() -> Self {
    .init(id: "syntax.bron", "een waarde in een tabel noemt haar bron: '- vanaf 2025-07-01: € 1.612,44, bron \"…\"'")
  }
  static func unknownMonth(_ w: String) -> Self {
    .init(id: "syntax.maand", "'\(w)' is geen maand")
  }
  static func badDate() -> Self { .init(id: "syntax.datum", "deze datum bestaat niet") }
  static func dateOutOfRange(_ iso: String) -> Self {
    .init(id: "syntax.datum-bereik", "\(iso) ligt buiten de datums die de wetten kunnen betekenen (\(DateRange.description))")
  }
  static func durationOutOfRange(maxYears: Int) -> Self {
    .init(id: "syntax.duur-bereik", "een duur van meer dan \(grouped(maxYears)) jaar (\(grouped(maxYears * 12)) maanden, \(grouped(maxYears * 366)) dagen) kan een wet niet bedoelen")
  }
}

/// `12.000`: a count as people read it in a message.
private func grouped(_ n: Int) -> String { DutchFormat.groupThousands(String(n)) }

import LegalSource
import RuleIR

/// The diagnostics of name resolution, type checking, time validity, exceptions and dependencies.
extension DiagnosticMessage {
  static func unknownName(_ name: String) -> Self {
    .init(id: "naam.onbekend", "onbekende naam '\(name)'")
  }
  static func unknownLaw(_ code: String, known: [String]) -> Self {
    .init(id: "naam.wet", "geen regeling met code '\(code)' (bekend: \(known.joined(separator: ", ")))")
  }
  static func notInLaw(_ name: String, law: String) -> Self {
    .init(id: "naam.niet-in-wet", "'\(name)' wordt nergens in '\(law)' gedefinieerd")
  }
  static func ambiguousName(_ name: String, _ a: String, _ b: String) -> Self {
    .init(id: "naam.dubbelzinnig", "'\(name)' is zowel \(a) als \(b); kies een andere naam")
  }
  static func duplicateDeclaration(_ name: String, _ what: String) -> Self {
    .init(id: "naam.dubbel", "'\(name)' is al gedeclareerd als \(what)")
  }
  static func personAttributeWithoutPerson(_ name: String) -> Self {
    .init(id: "naam.persoon", "'\(name)' hoort bij een persoon: schrijf 'zijn \(name)' of 'het \(name) van de aanvrager'")
  }
  static func pronounWithoutPerson() -> Self {
    .init(id: "naam.hij", "'hij' verwijst hier naar niemand: deze regel gaat over het huishouden, niet over een persoon")
  }
  static func notAPerson(_ what: String) -> Self {
    .init(id: "type.persoon", "verwacht een persoon (de aanvrager, de partner, hij), maar vond \(what)")
  }
  static func groupOutsideAggregate() -> Self {
    .init(id: "type.groep", "een groep personen kan alleen in 'de som van … van de kinderen' of 'het aantal kinderen' staan")
  }
  static func typeMismatch(_ context: String, _ a: RuleType, _ b: RuleType) -> Self {
    .init(id: "type.ongelijk", "\(context): \(a) en \(b) passen niet bij elkaar")
  }
  static func expectedType(_ expected: String, found: RuleType) -> Self {
    .init(id: "type.verwacht", "verwacht \(expected), maar dit is een \(found)")
  }
  static func useEndsBeforeVersion(_ law: String, until: String, from: String) -> Self {
    .init(id: "geldigheid.gebruik-tot", "'Gebruik uit \(law) tot \(until)' eindigt vóór deze versie begint (\(from)): de naam zou nooit bruikbaar zijn")
  }
  static func givenNeedsFact() -> Self {
    .init(id: "type.opgegeven", "alleen een gegeven uit het huishoudendocument kan 'opgegeven' zijn, geen afgeleide waarde of parameter")
  }
  static func periodMismatch(_ a: RuleType, _ b: RuleType) -> Self {
    .init(id: "type.periode", "\(a) en \(b) hebben een andere periode: reken om met 'het twaalfvoud van' of 'het twaalfde deel van'")
  }
  static func moneyTimesMoney() -> Self {
    .init(id: "type.bedrag-maal-bedrag", "een bedrag maal een bedrag heeft geen betekenis")
  }
  static func cannotOrder(_ t: RuleType) -> Self {
    .init(id: "type.ordening", "waarden van type \(t) kunnen niet groter of kleiner zijn dan elkaar")
  }
  static func divisionByZero() -> Self { .init(id: "type.deling-door-nul", "deling door nul") }
  static func enumValueUnknown(_ value: String, _ name: String, _ values: [String]) -> Self {
    .init(id: "type.enumeratiewaarde", "'\(value)' is geen waarde van '\(name)' (\(values.map { "'\($0)'" }.joined(separator: ", ")))")
  }
  static func enumNeedsQuotes(_ value: String) -> Self {
    .init(id: "type.enumeratie-aanhalingstekens", "schrijf de waarde '\(value)' tussen enkele aanhalingstekens: '\(value)'")
  }
  static func enumWithoutContext() -> Self {
    .init(id: "type.enumeratie", "een enumeratiewaarde kan alleen vergeleken worden met een gegeven van die enumeratie")
  }
  static func kenmerkNotBoolean(_ name: String, _ t: RuleType) -> Self {
    .init(id: "type.kenmerk", "'\(name)' is geen kenmerk maar een \(t)")
  }
  static func mixedRuleKinds(_ name: String) -> Self {
    .init(id: "regel.soort", "'\(name)' wordt zowel als kenmerk (is/is geen) als met een waarde gedefinieerd")
  }
  static func subjectMismatch(_ name: String) -> Self {
    .init(id: "regel.onderwerp", "'\(name)' wordt hier voor een persoon en elders voor het huishouden gedefinieerd")
  }
  static func typeDiffersAcrossVersions(_ name: String, _ a: RuleType, _ b: RuleType) -> Self {
    .init(id: "regel.type-versies", "'\(name)' is in deze versie een \(b), maar in een andere versie een \(a)")
  }
  static func exceptionTargetMissing(_ name: String, _ where_: String) -> Self {
    .init(id: "uitzondering.doel", "in afwijking van \(where_): daar staat geen regel voor '\(name)'")
  }
  static func articleMissing(_ where_: String, law: String) -> Self {
    .init(id: "verwijzing.artikel", "\(where_) staat niet in de gecodeerde tekst van '\(law)'")
  }
  static func multipleFallbacks(_ name: String) -> Self {
    .init(id: "regel.anders", "'\(name)' heeft meer dan één 'Anders'-regel")
  }
  static func fallbackOnly(_ name: String) -> Self {
    .init(id: "regel.alleen-anders", severity: .warning, "'\(name)' heeft alleen een 'Anders'-regel; schrijf de regel zonder 'Anders'")
  }
  static func definitionChainTooDeep(_ name: String, limit: Int) -> Self {
    .init(id: "afhankelijkheid.te-diep", "'\(name)' rust via meer dan \(limit) definities op elkaar; een wet stapelt begrippen niet zo diep (de evaluator zou zijn stack opmaken)")
  }
  static func cycle(_ chain: String) -> Self {
    .init(id: "afhankelijkheid.kring", "kringverwijzing: \(chain)")
  }
  static func outputNotWholeCents(_ id: String) -> Self {
    .init(id: "uitvoer.afronding", "uitvoer '\(id)' is een onafgerond bedrag: rond af ('… afgerond op hele euro's volgens artikel …') met het artikel dat de afronding voorschrijft")
  }
  static func outputNotMoney(_ id: String, _ t: RuleType) -> Self {
    .init(id: "uitvoer.type", "uitvoer '\(id)' moet een bedrag zijn, maar is een \(t)")
  }
  static func outputPerson(_ id: String) -> Self {
    .init(id: "uitvoer.persoon", "uitvoer '\(id)' hoort bij een persoon; een uitvoer hoort bij het huishouden")
  }
  static func outputPrefix(_ id: String, _ code: String) -> Self {
    .init(id: "uitvoer.naam", "uitvoer '\(id)' moet beginnen met de code van de regeling, '\(code).'")
  }
  static func duplicateOutput(_ id: String) -> Self {
    .init(id: "uitvoer.dubbel", "uitvoer '\(id)' wordt in deze versie twee keer gedeclareerd")
  }
  static func parameterGap(_ name: String, from: String, until: String) -> Self {
    .init(id: "parameter.geen-waarde", "parameter '\(name)' heeft geen waarde van \(from) \(until)")
  }
  static func parameterOverlap(_ name: String, on: String) -> Self {
    .init(id: "parameter.dubbel", "parameter '\(name)' heeft twee waarden op \(on)")
  }
  static func parameterTypeMismatch(_ name: String, _ declared: RuleType, _ found: RuleType) -> Self {
    .init(id: "parameter.type", "waarde van '\(name)' is een \(found), maar de parameter is een \(declared)")
  }
  static func fillWithoutDeclaration(_ name: String, _ law: String) -> Self {
    .init(id: "parameter.invulling", "'\(law)' declareert geen parameter '\(name)' om in te vullen")
  }
  static func importNotCovered(_ name: String, _ law: String, from: String, until: String) -> Self {
    .init(id: "geldigheid.invoer", "'\(name)' uit \(law) is niet gedefinieerd van \(from) \(until), terwijl deze versie dan geldt")
  }
  static func factFieldMissing(_ name: String) -> Self {
    .init(id: "gegeven.veld", "gegeven '\(name)' noemt geen veld in het huishoudendocument (veld \"…\")")
  }
  static func factOriginMissing(_ name: String) -> Self {
    .init(id: "gegeven.herkomst", "gegeven '\(name)' noemt geen herkomst (een basisregistratie zoals BRP, of 'opgave')")
  }
  static func factBoundType(_ name: String) -> Self {
    .init(id: "gegeven.grens", "'ten minste' of 'ten hoogste' van '\(name)' past niet bij het type")
  }
  static func factDefaultType(_ name: String) -> Self {
    .init(id: "gegeven.standaard", "de standaardwaarde van '\(name)' past niet bij het type")
  }
  static func missingBirthDate() -> Self {
    .init(id: "gegeven.geboortedatum", "leeftijden vragen een gegeven 'geboortedatum' van een persoon in het gegevensmodel")
  }
  static func annotationUnknownBegrip(_ begrip: String) -> Self {
    .init(id: "dekking.begrip", severity: .warning, "annotatie verwijst naar begrip '\(begrip)', maar geen regel, parameter of gegeven heeft die naam")
  }
  static func parameterValueNotInText(_ value: String) -> Self {
    .init(
      id: "dekking.parameterwaarde",
      "de parameterwaarde \(value) staat niet in de tekst van dit artikel(lid); komt de waarde uit een gedelegeerde regeling of een indexering, noem die dan met bron \"…\"")
  }
  static func useOfUnknownLaw(_ code: String) -> Self {
    .init(id: "naam.gebruik", "'Gebruik uit \(code)': geen regeling met die code")
  }
  static func notFormalisedNeedsReason() -> Self {
    .init(id: "regel.reden", "'Niet geformaliseerd' noemt een reden: schrijf tussen de aanhalingstekens waarom de wet hier niet te formaliseren is")
  }
  static func invalidDecision(_ text: String) -> Self {
    .init(id: "keuze.ongeldig", "interpretatiekeuze: \(text)")
  }
  static func roundingChoiceUnknown(_ id: String, law: String) -> Self {
    .init(id: "afronding.keuze-onbekend", "de afronding noemt keuze '\(id)', maar \(law) heeft geen interpretatiekeuze met die id")
  }
  static func roundingChoiceNotAffecting(_ name: String, choice id: String) -> Self {
    .init(id: "afronding.keuze-raakt", "de afronding van '\(name)' rust op keuze '\(id)', maar die keuze noemt '\(name)' niet onder 'raakt'")
  }
  static func overlappingVersions(_ law: String, from: String) -> Self {
    .init(id: "geldigheid.overlap", "twee versies van '\(law)' gelden tegelijk vanaf \(from)")
  }
}

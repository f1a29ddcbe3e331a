import ExactArithmetic
import LegalSource
import RuleIR

/// Why the rules could not decide a value for a household: a defined outcome, never a made-up number.
public enum Undecided: Error, Sendable, Hashable, CustomStringConvertible {
  /// A fact the rules need is absent from the document and has no default.
  case missingFact(field: String, person: String?, neededBy: Citation)
  /// A rule reads a fact of the partner, but the household has no partner.
  case absentPerson(String, neededBy: Citation)
  /// No rule for the name applies to this household (a *hiaat*).
  case noRule(SymbolID, date: CivilDate, considered: [Citation])
  /// Two rules for the name apply at the same level (an *inconsistentie*).
  case conflict(SymbolID, date: CivilDate, rules: [Citation])
  /// The case falls under an article the model does not formalise.
  case notFormalised(SymbolID, reason: String, citation: Citation)
  /// The document does not give what the outcome asks (a `Niet geformaliseerd` rule that tests which
  /// fields are `opgegeven`, such as income given only as a toetsingsinkomen): the outcome is not computed,
  /// and a document in that form is not an error.
  case documentForm(SymbolID, reason: String, citation: Citation)
  /// No version of the law is valid on the date.
  case noVersion(law: String, date: CivilDate, available: String)
  /// The valid version of the law does not define the name.
  case notDefined(SymbolID, date: CivilDate)
  /// The parameter has no value on the date.
  case noParameterValue(SymbolID, date: CivilDate)
  case divisionByZero(Citation)
  /// An operation on numbers of more than ``Evaluator/largestOperandBits`` binary digits together: no law
  /// computes with such numbers, and GMP would exhaust the memory computing them.
  case numberTooLarge(Citation)
  /// A value had another type than the type checker gave its expression: a fault in `toets`, reported
  /// with the article instead of stopping the process, and never turned into an amount.
  case internalFault(String, Citation)
  /// The evaluation passed the deadline its caller set (``Evaluator/deadline``) and stopped: not an
  /// outcome of the law, and never reported as one (``Engine`` turns it into an error).
  case timeLimit

  public var description: String {
    switch self {
    case .missingFact(let field, let person, let c):
      let who = person.map { "van persoon '\($0)' " } ?? ""
      return "ontbrekend gegeven: het veld '\(field)' \(who)is nodig voor \(c.short) en heeft geen standaardwaarde"
    case .absentPerson(let who, let c):
      return "\(c.short) vraagt naar \(who), maar het huishouden heeft geen \(who == "de partner" ? "partner" : "zo'n persoon")"
    case .noRule(let id, let date, let considered):
      let list = considered.map(\.short).joined(separator: ", ")
      return "geen regel van toepassing voor '\(id.name)' op \(date.iso)" + (list.isEmpty ? "" : " (overwogen: \(list))")
    case .conflict(let id, let date, let rules):
      return "regels spreken elkaar tegen voor '\(id.name)' op \(date.iso): \(rules.map(\.short).joined(separator: " en ")) zijn allebei van toepassing"
    case .notFormalised(_, let reason, let c):
      return "niet geformaliseerd (\(c.short)): \(reason)"
    case .documentForm(_, let reason, let c):
      return "het document geeft niet wat deze uitkomst vraagt (\(c.short)): \(reason)"
    case .noVersion(let law, let date, let available):
      return "geen versie van '\(law)' geldig op \(date.iso) (gecodeerd: \(available))"
    case .notDefined(let id, let date):
      return "'\(id.name)' is niet gedefinieerd in de versie van '\(id.law)' die op \(date.iso) geldt"
    case .noParameterValue(let id, let date):
      return "parameter '\(id.name)' van '\(id.law)' heeft geen waarde op \(date.iso)"
    case .divisionByZero(let c):
      return "deling door nul in \(c.short)"
    case .numberTooLarge(let c):
      return "een berekening in \(c.short) zou rekenen met getallen van samen meer dan \(Evaluator.largestOperandBits / 1_000_000) miljoen binaire cijfers; zo rekent geen wet"
    case .internalFault(let what, let c):
      return "interne fout in toets bij \(c.short): \(what); meld dit met het huishouden als fout in toets"
    case .timeLimit:
      return "de berekening is afgebroken: de tijdslimiet is verstreken"
    }
  }

  /// The articles involved, for reports and JSON output.
  public var citations: [Citation] {
    switch self {
    case .missingFact(_, _, let c), .absentPerson(_, let c), .notFormalised(_, _, let c), .documentForm(_, _, let c), .divisionByZero(let c), .numberTooLarge(let c), .internalFault(_, let c): return [c]
    case .noRule(_, _, let list), .conflict(_, _, let list): return list
    case .noVersion, .notDefined, .noParameterValue, .timeLimit: return []
    }
  }

  /// Whether the document's form, not the case, leaves the outcome open (``documentForm``): the
  /// document is valid, it only does not give what this outcome asks.
  public var isDocumentForm: Bool {
    if case .documentForm = self { return true }
    return false
  }

  /// A short machine code: `ontbrekend-gegeven`, `geen-regel`, `tegenstrijdig`, …
  public var code: String {
    switch self {
    case .missingFact: return "ontbrekend-gegeven"
    case .absentPerson: return "ontbrekende-persoon"
    case .noRule: return "geen-regel"
    case .conflict: return "tegenstrijdig"
    case .notFormalised: return "niet-geformaliseerd"
    case .documentForm: return "documentvorm"
    case .noVersion: return "geen-versie"
    case .notDefined: return "niet-gedefinieerd"
    case .noParameterValue: return "geen-parameterwaarde"
    case .divisionByZero: return "deling-door-nul"
    case .numberTooLarge: return "getal-te-groot"
    case .internalFault: return "interne-fout"
    case .timeLimit: return "tijdslimiet"
    }
  }
}

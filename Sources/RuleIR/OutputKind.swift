/// What an output is to the household that has it: money it receives, a norm it would have, or money
/// it owes. Reports add payments to what a household receives, subtract levies from what it keeps, and
/// show norms beside both without adding them.
public enum OutputKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// `Uitvoer zorgtoeslag.jaarbedrag is de zorgtoeslag.`: a payment (toeslag, uitkering, pensioen).
  case payment = "betaling"
  /// `…, een norm.`: a norm the household would have (the bijstandsnorm), not money paid.
  case norm = "norm"
  /// `…, een heffing.`: a tax or premium the household owes (the inkomstenbelasting).
  case levy = "heffing"
  /// `…, een maatstaf.`: a figure about the household (its net income), never added to payments or levies.
  case measure = "maatstaf"

  /// What the summary calls a household with a non-zero amount.
  public var holderNoun: String {
    switch self {
    case .payment: return "ontvangers"
    case .norm: return "met norm"
    case .levy: return "betalers"
    case .measure: return "niet nul"
    }
  }

  /// What a mean is taken over, in the summary (`gemiddeld … per ontvanger`).
  public var meanNoun: String {
    switch self {
    case .payment: return "ontvanger"
    case .norm: return "huishouden met een norm"
    case .levy: return "betaler"
    case .measure: return "huishouden waar het niet nul is"
    }
  }

  /// The line a summary puts under a non-payment, saying what the amounts are; none for a payment.
  public var summaryNote: String? {
    switch self {
    case .payment: return nil
    case .norm: return "een norm, geen betaling: de norm die voor het huishouden zou gelden"
    case .levy: return "een heffing, geen betaling: wat het huishouden verschuldigd is"
    case .measure: return "een maatstaf, geen betaling: opgeteld over de huishoudens"
    }
  }
}

import Population

/// The place in the household whose income classes a person draws from (`inkomen.naar_leefvorm`): for
/// the aanvrager and partner the leefvorm, with families split by whether a child of 18 or over lives at
/// home, as CBS splits them; for such a child whether it lives with one parent or two. A household with
/// housemates has no place (its members draw by age alone).
public enum IncomePlace: Int, Sendable, CaseIterable {
  case alleenstaand
  case alleenstaandeOuder
  case alleenstaandeOuderMeerderjarigKind
  case paarZonderKinderen
  case paarMetKinderen
  case paarMeerderjarigKind
  /// A child of 18 or over at home with one parent, or with a couple.
  case kindBijAlleenstaandeOuder
  case kindBijPaar

  /// The places of aanvrager and partner, each with a published mean in the scenario, in this order.
  public static let households: [IncomePlace] = [
    .alleenstaand, .alleenstaandeOuder, .alleenstaandeOuderMeerderjarigKind, .paarZonderKinderen, .paarMetKinderen, .paarMeerderjarigKind,
  ]

  /// The place of the aanvrager and partner of a household of `type`; nil with housemates.
  public init?(_ type: HouseholdType, adultChild: Bool) {
    switch type {
    case .alleenstaand: self = .alleenstaand
    case .eenouder: self = adultChild ? .alleenstaandeOuderMeerderjarigKind : .alleenstaandeOuder
    case .paarZonderKinderen: self = .paarZonderKinderen
    case .paarMetKinderen: self = adultChild ? .paarMeerderjarigKind : .paarMetKinderen
    case .metMedebewoners: return nil
    }
  }

  /// The key of a household place in `inkomen.naar_leefvorm` (an adult child has none).
  public var key: String {
    switch self {
    case .kindBijAlleenstaandeOuder, .kindBijPaar: ""
    case .alleenstaand: "alleenstaand"
    case .alleenstaandeOuder: "alleenstaande_ouder"
    case .alleenstaandeOuderMeerderjarigKind: "alleenstaande_ouder_meerderjarig_kind"
    case .paarZonderKinderen: "paar_zonder_kinderen"
    case .paarMetKinderen: "paar_met_kinderen"
    case .paarMeerderjarigKind: "paar_meerderjarig_kind"
    }
  }

  /// The place whose weight this one takes: the parents of an adult child take that of the same family
  /// with young children; every other place has its own (``PlaceCalibration``).
  public var calibratedAs: IncomePlace {
    switch self {
    case .alleenstaandeOuderMeerderjarigKind: .alleenstaandeOuder
    case .paarMeerderjarigKind: .paarMetKinderen
    default: self
    }
  }

  /// The place of the adult children in a household of this place, if it has them.
  public var adultChildren: IncomePlace? {
    switch self {
    case .alleenstaandeOuderMeerderjarigKind: .kindBijAlleenstaandeOuder
    case .paarMeerderjarigKind: .kindBijPaar
    default: nil
    }
  }

  /// The place as people read it, as CBS names the households.
  public var label: String {
    switch self {
    case .alleenstaand: "alleenstaande"
    case .alleenstaandeOuder: "eenouder met alle kinderen onder 18"
    case .alleenstaandeOuderMeerderjarigKind: "eenouder met een kind van 18 of ouder"
    case .paarZonderKinderen: "paar zonder kinderen"
    case .paarMetKinderen: "paar met alle kinderen onder 18"
    case .paarMeerderjarigKind: "paar met een kind van 18 of ouder"
    case .kindBijAlleenstaandeOuder: "kind van 18 of ouder bij één ouder"
    case .kindBijPaar: "kind van 18 of ouder bij een paar"
    }
  }
}

import ExactArithmetic
import Population

extension Scenario {
  /// How the persons with bijstand are spread over their place in the household
  /// (`inkomen.bijstand_naar_leefvorm`): weights per leefvorm, of which only the proportions count.
  ///
  /// CBS counts persons below the AOW age with a bijstandsuitkering by their situation: alleenstaand,
  /// alleenstaande ouder, in a couple with or without children at home; the rest (``overig``) lives in a
  /// household that is not their own (an adult child at home, a housemate).
  public struct AssistanceByHousehold: Sendable, Codable, Equatable {
    public var alleenstaand: Int64
    public var alleenstaandeOuder: Int64
    public var paarMetKinderen: Int64
    public var paarZonderKinderen: Int64
    public var overig: Int64

    enum CodingKeys: String, CodingKey {
      case alleenstaand
      case alleenstaandeOuder = "alleenstaande_ouder"
      case paarMetKinderen = "paar_met_kinderen"
      case paarZonderKinderen = "paar_zonder_kinderen"
      case overig
    }

    static let shape = YAMLShape.mapping([
      "alleenstaand": .value, "alleenstaande_ouder": .value, "paar_met_kinderen": .value, "paar_zonder_kinderen": .value,
      "overig": .value,
    ])

    /// The weights in the order of ``AssistanceUnit/allCases``.
    public var weights: [Int64] { [alleenstaand, alleenstaandeOuder, paarMetKinderen, paarZonderKinderen, overig] }

    /// Every weight from 0 to 100.000.000, not all zero.
    func validate(_ fail: (String) -> ScenarioError) throws {
      let name = "inkomen.bijstand_naar_leefvorm"
      for (unit, weight) in zip(AssistanceUnit.allCases, weights) where !(0...100_000_000).contains(weight) {
        throw fail("\(name).\(unit.key): een aantal of aandeel van 0 tot en met 100.000.000, niet \(weight)")
      }
      guard weights.contains(where: { $0 > 0 }) else { throw fail("\(name): ten minste één leefvorm met personen") }
    }
  }
}

extension Scenario.Income {
  /// Checks `bijstand_naar_leefvorm`: only beside `bijstand_in_inkomen` that takes persons out, every
  /// leefvorm named, weights from 0 to 100.000.000, not all zero.
  func validateAssistanceByHousehold(_ fail: (String) -> ScenarioError) throws {
    guard let byHousehold = bijstandNaarLeefvorm else { return }
    guard bijstandPersons > 0 else {
      throw fail("inkomen.bijstand_naar_leefvorm: verdeelt de personen van inkomen.bijstand_in_inkomen over leefvormen; zonder personen daar is er niets te verdelen")
    }
    try byHousehold.validate(fail)
  }
}

/// A place in the household the bijstand is drawn for: one person, or a couple together (both partners
/// then have no income, as a couple's bijstand is one uitkering for both).
public enum AssistanceUnit: Int, Sendable, CaseIterable {
  /// The aanvrager of a one-person household.
  case alleenstaand
  /// The aanvrager of a one-parent family.
  case alleenstaandeOuder
  /// A couple with children at home.
  case paarMetKinderen
  /// A couple without children at home.
  case paarZonderKinderen
  /// An adult who lives in a household that is not their own: an adult child at home, a housemate, and
  /// the aanvrager of a household with housemates.
  case overig

  /// The key in the scenario.
  public var key: String {
    ["alleenstaand", "alleenstaande_ouder", "paar_met_kinderen", "paar_zonder_kinderen", "overig"][rawValue]
  }

  /// Persons per unit: two for a couple.
  public var persons: Int { self == .paarMetKinderen || self == .paarZonderKinderen ? 2 : 1 }

  /// The unit a member of a household of `type` is drawn in, by `role` (0 aanvrager, 1 partner, 2 minor,
  /// 3 other adult): the aanvrager and the partner in the aanvrager's, any other adult as ``overig``;
  /// `nil` for a minor and for an aanvrager living alone with studiefinanciering (no right to bijstand).
  public static func of(role: UInt8, type: HouseholdType, grant: Bool) -> AssistanceUnit? {
    switch role {
    case 0: type == .alleenstaand && grant ? nil : .head(of: type)
    case 1: .head(of: type)
    case 2: nil
    default: .overig
    }
  }

  /// The unit of a household's aanvrager by its type.
  public static func head(of type: HouseholdType) -> AssistanceUnit {
    switch type {
    case .alleenstaand: .alleenstaand
    case .paarZonderKinderen: .paarZonderKinderen
    case .paarMetKinderen: .paarMetKinderen
    case .eenouder: .alleenstaandeOuder
    case .metMedebewoners: .overig
    }
  }
}

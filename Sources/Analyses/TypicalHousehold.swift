import ExactArithmetic

/// A typical household (voorbeeldhuishouden) for budget constraints and the armoedeval: a household
/// document in which only the aanvrager's gross wage varies.
///
/// The standard set follows the households CPB and SZW show: a single person, a single parent with two
/// children, a one-earner and a two-earner couple with two children, each as a tenant, and a single
/// person and a one-earner couple as owner-occupiers. Ages, children and rent are fixed assumptions of
/// the analysis (stated in the report), not law.
public struct TypicalHousehold: Sendable, Hashable {
  public let label: String
  /// The document's JSON with `{LOON}` where the aanvrager's gross yearly wage goes.
  let template: String

  /// The document with the aanvrager's wage `wageCents` (exact, in euros with cents).
  public func document(wageCents: Int64) -> String {
    template.replacingOccurrences(of: "{LOON}", with: Cents.decimalString(wageCents))
  }

  /// The same household after the six months of the arbeidsinkomstenvrijlating (Participatiewet art. 31
  /// lid 2 onder n) have been used.
  public var afterSixMonths: TypicalHousehold {
    TypicalHousehold(
      label: label + ", na zes maanden vrijlating",
      template: template.replacingOccurrences(of: #""loon": "{LOON}""#, with: #""loon": "{LOON}", "bijstand_maanden_vrijlating_arbeid": 6"#))
  }

  static let tenant = #""woning": {"huurder": true, "zelfstandig": true, "rekenhuur": "700.00"}"#
  static let owner = #""woning": {"huurder": false}"#
  static let aanvrager = #"{"id": "a", "rol": "aanvrager", "geboortedatum": "1991-01-01", "loon": "{LOON}"}"#
  static let children = #"{"id": "k1", "rol": "kind", "geboortedatum": "2017-03-01", "verwantschap": "kind", "kind_van": "aanvrager_en_partner"}, {"id": "k2", "rol": "kind", "geboortedatum": "2020-05-01", "verwantschap": "kind", "kind_van": "aanvrager_en_partner"}"#
  static let ownChildren = children.replacingOccurrences(of: "aanvrager_en_partner", with: "aanvrager")

  static func single(_ woning: String) -> String { #"{"partnerschap": "geen", "personen": [\#(aanvrager)], \#(woning)}"# }
  static func couple(_ woning: String, partnerWage: String) -> String {
    #"{"partnerschap": "gehuwd", "relatie": {"gezamenlijk_kind": true}, "personen": [\#(aanvrager), {"id": "p", "rol": "partner", "geboortedatum": "1992-06-01", "loon": "\#(partnerWage)"}, \#(children)], \#(woning)}"#
  }

  /// The six standard households; the second earner earns half the yearly `minimumWage` (cents), fixed
  /// while the aanvrager's wage varies.
  public static func standard(minimumWage: Int64) -> [TypicalHousehold] {
    let halfMinimumWage = Cents.decimalString(minimumWage / 2)
    return [
      TypicalHousehold(label: "alleenstaande, huurder", template: single(tenant)),
      TypicalHousehold(label: "alleenstaande ouder met twee kinderen, huurder", template: #"{"partnerschap": "geen", "personen": [\#(aanvrager), \#(ownChildren)], \#(tenant)}"#),
      TypicalHousehold(label: "eenverdieners met twee kinderen, huurder", template: couple(tenant, partnerWage: "0")),
      TypicalHousehold(label: "tweeverdieners met twee kinderen (partner 50 % WML), huurder", template: couple(tenant, partnerWage: halfMinimumWage)),
      TypicalHousehold(label: "alleenstaande, eigenaar-bewoner", template: single(owner)),
      TypicalHousehold(label: "eenverdieners met twee kinderen, eigenaar-bewoner", template: couple(owner, partnerWage: "0")),
    ]
  }
}

/// The sixteen classes of the Juridisch Analyseschema (JAS) of the Wetsanalyse method
/// ("Wetsanalyse met het juridisch analyseschema", MinBZK, v1.0.10), used to annotate formuleringen
/// in article text.
///
/// Definitions are condensed from the standard; colours follow the HvA Legal Annotation Tool so that
/// a specification reads like the tool teams already use.
public enum JASClass: String, CaseIterable, Sendable, Codable {
  case rechtssubject
  case rechtsobject
  case rechtsbetrekking
  case rechtsfeit
  case voorwaarde
  case afleidingsregel
  case variabele
  case variabelewaarde
  case parameter
  case parameterwaarde
  case `operator`
  case tijdsaanduiding
  case plaatsaanduiding
  case delegatiebevoegdheid
  case delegatieInvulling = "delegatie-invulling"
  case brondefinitie

  /// Reads a class name as annotators write it: case-insensitive, with or without the hyphen.
  public init?(annotation name: String) {
    let key = String(name.lowercased().filter { $0 != " " })
    if let c = JASClass(rawValue: key) {
      self = c
    } else if key == "delegatieinvulling" {
      self = .delegatieInvulling
    } else {
      return nil
    }
  }

  /// Whether an annotation of this class names something the rules should formalise (a begrip that a
  /// rule, parameter or gegeven defines), and so counts in the annotation coverage.
  public var isFormalisable: Bool {
    switch self {
    case .variabele, .parameter, .afleidingsregel, .brondefinitie, .rechtsbetrekking: return true
    default: return false
    }
  }

  /// The standard's definition, condensed.
  public var definition: String {
    switch self {
    case .rechtssubject: return "Drager van rechten en plichten; partij in een rechtsbetrekking."
    case .rechtsobject: return "Voorwerp van een rechtsbetrekking of rechtsfeit, stoffelijk of niet."
    case .rechtsbetrekking: return "Juridische relatie tussen twee rechtssubjecten: een recht met de bijbehorende plicht."
    case .rechtsfeit: return "Handeling, gebeurtenis of tijdsverloop dat een rechtsbetrekking doet ontstaan, wijzigen of eindigen."
    case .voorwaarde: return "Voorwaarde waaraan voldaan moet zijn voordat een rechtsgevolg intreedt."
    case .afleidingsregel: return "Regel die uit bestaande gegevens nieuwe afleidt: een beslisregel (ja/nee) of rekenregel."
    case .variabele: return "Eigenschap die per geval een andere waarde kan hebben."
    case .variabelewaarde: return "Waarde die een variabele kan aannemen."
    case .parameter: return "Waarde die gedurende een periode voor iedereen gelijk is."
    case .parameterwaarde: return "De concrete waarde van een parameter in een periode."
    case .operator: return "Woord of teken voor een rekenkundige, vergelijkende of logische bewerking."
    case .tijdsaanduiding: return "Tijdstip of periode."
    case .plaatsaanduiding: return "Plaats of gebied waarop de regeling van toepassing is."
    case .delegatiebevoegdheid: return "Bevoegdheid om (nadere) regels te stellen."
    case .delegatieInvulling: return "De regeling, of het deel ervan, waarin een delegatiebevoegdheid is gebruikt."
    case .brondefinitie: return "Definitie in de wet die een veelgebruikte term één betekenis geeft."
    }
  }

  /// Background colour of the class in the HvA Legal Annotation Tool.
  public var color: String {
    switch self {
    case .rechtssubject: return "#c2e7ff"
    case .rechtsobject: return "#98bef1"
    case .rechtsbetrekking: return "#70a4ff"
    case .rechtsfeit: return "#97d6fe"
    case .voorwaarde: return "#91e8d3"
    case .afleidingsregel: return "#ff7a7a"
    case .variabele: return "#ffd95d"
    case .variabelewaarde: return "#fff380"
    case .parameter: return "#ffb4b4"
    case .parameterwaarde: return "#ffd8ef"
    case .operator: return "#c1ebe1"
    case .tijdsaanduiding: return "#d8b0f9"
    case .plaatsaanduiding: return "#efcaf6"
    case .delegatiebevoegdheid: return "#cecece"
    case .delegatieInvulling: return "#e2e2e2"
    case .brondefinitie: return "#f6f6f6"
    }
  }
}

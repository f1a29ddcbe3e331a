import ExactArithmetic
import Foundation
import Yams

/// A population scenario: how many households, which seed, and the distributions the synthetic
/// households are drawn from, each with the published figure it is calibrated to.
///
/// Read from YAML (`Scenarios/*.yaml`). Counts are used as weights, so a table's published numbers can
/// be copied in as they stand.
public struct Scenario: Sendable, Codable {
  public var naam: String
  public var huishoudens: Int
  public var zaad: UInt64
  /// Household composition: weights per type (CBS 37975, 71487ned and 37620, 1 januari 2024).
  public var samenstelling: Composition
  /// Number of children (1, 2, 3 or more) per kind of household with children (CBS 71487ned).
  public var kinderen: Children
  /// Age bands of the aanvrager per household type: `[van, tot, gewicht]`.
  public var leeftijd: [String: [[Int64]]]
  /// Personal income classes `[van, tot, aantal]` in euros per year (CBS 83931NED).
  public var inkomen: Income
  /// Rendementsgrondslag classes `[van, tot, gewicht]` in euros per household (one of this and
  /// ``vermogenNaarWoning`` is required).
  public var vermogen: [[Int64]]?
  /// Rendementsgrondslag classes for renting and for owning households; when given, `vermogen` is not used.
  public var vermogenNaarWoning: WealthByTenure?
  /// Rendementsgrondslag classes `[van, tot, gewicht]` for the households whose aanvrager the generator
  /// draws as living on the bijstand (optional; needs `inkomen.bijstand_naar_leefvorm`); without it they
  /// draw as any household of their tenure.
  public var vermogenBijstand: [[Int64]]?
  public var wonen: Housing
  public var relatie: Relation
  /// Years insured for the AOW, for persons born before the year given: share with a full record and
  /// the range of the others.
  public var verzekerdeJaren: InsuredYears
  /// Older couples under the AOW partnertoeslag overgangsrecht (optional; without it none are drawn).
  public var partnertoeslag: TransitionalCouples?
  /// Students and commercial lodgers among adult housemates (optional; without it none are drawn).
  public var medebewoners: Housemates?
  /// Students with aanspraak op studiefinanciering among aanvragers living alone (optional; without it none).
  public var studenten: Students?
  /// Registration at the address and the kind of dwelling (Wet op de huurtoeslag art. 9 and 11); optional.
  public var woonsituatie: Residence?
  /// The split of personal income into loon, uitkering and pensioen (optional; without it the population
  /// has only the toetsingsinkomen, and the income tax and the bijstand are undecided).
  public var inkomensbron: IncomeSources?
  /// The rise of incomes from the income table's year to the peildatum's year (optional; without it
  /// the incomes stay those of the table).
  public var indexering: YearlyRises?
  /// Non-take-up per regeling code, per mille of those entitled (optional): applied where a summary
  /// or report speaks of spending, never to entitlement.
  public var nietGebruik: [String: Int64]?
  /// Non-take-up per regeling code by the size of the amount against a norm (optional; see
  /// ``NonTakeUpByTopUp``), instead of `niet_gebruik`'s one rate for the households the rules decide.
  public var nietGebruikNaarAanvulling: [String: NonTakeUpByTopUp]?
  /// Calibration of the aanvrager's age bands to the number of AOW recipients (optional).
  public var kalibratieAow: AgeCalibration?
  /// Owner-occupied homes: WOZ value and eigenwoningschuld (optional; without it owners have neither).
  public var eigenWoning: OwnerOccupation?
  /// Sources of the figures, quoted in reports.
  public var bronnen: [String]

  enum CodingKeys: String, CodingKey {
    case naam, huishoudens, zaad, samenstelling, kinderen, leeftijd, inkomen, vermogen, wonen, relatie, bronnen
    case partnertoeslag, medebewoners, studenten, woonsituatie, inkomensbron, indexering
    case vermogenNaarWoning = "vermogen_naar_woning"
    case vermogenBijstand = "vermogen_bijstand"
    case nietGebruik = "niet_gebruik"
    case nietGebruikNaarAanvulling = "niet_gebruik_naar_aanvulling"
    case kalibratieAow = "kalibratie_aow"
    case eigenWoning = "eigen_woning"
    case verzekerdeJaren = "verzekerde_jaren"
  }

  public struct Composition: Sendable, Codable {
    public var alleenstaand: Int64
    public var paarZonderKinderenGehuwd: Int64
    public var paarZonderKinderenSamenwonend: Int64
    public var paarMetKinderenGehuwd: Int64
    public var paarMetKinderenSamenwonend: Int64
    public var eenouder: Int64
    public var metMedebewoners: Int64
    /// Share (per mille) of married couples in a registered partnership rather than a marriage.
    public var geregistreerdPartnerschapPromille: Int64

    enum CodingKeys: String, CodingKey {
      case alleenstaand, eenouder
      case paarZonderKinderenGehuwd = "paar_zonder_kinderen_gehuwd"
      case paarZonderKinderenSamenwonend = "paar_zonder_kinderen_samenwonend"
      case paarMetKinderenGehuwd = "paar_met_kinderen_gehuwd"
      case paarMetKinderenSamenwonend = "paar_met_kinderen_samenwonend"
      case metMedebewoners = "met_medebewoners"
      case geregistreerdPartnerschapPromille = "geregistreerd_partnerschap_promille"
    }
  }

  public struct Children: Sendable, Codable {
    public var paarGehuwd: [Int64]
    public var paarSamenwonend: [Int64]
    public var eenouder: [Int64]
    /// Children living at home per age band, `[van, tot, aantal]` (optional; see ``ChildAgeCalibration``).
    public var leeftijd: [[Int64]]?
    /// The aanvrager's age at a child's birth, `[van, tot]` (required with ``leeftijd``).
    public var ouderBijGeboorte: [Int64]?

    enum CodingKeys: String, CodingKey {
      case paarGehuwd = "paar_gehuwd"
      case paarSamenwonend = "paar_samenwonend"
      case eenouder, leeftijd
      case ouderBijGeboorte = "ouder_bij_geboorte"
    }
  }

  public struct Income: Sendable, Codable {
    /// `[van, tot, aantal]` or `[van, tot, aantal, gemiddelde]` in euros: persons with income per class.
    public var klassen: [[Int64]]
    /// Adults without personal income, as a weight next to the classes.
    public var zonderInkomen: Int64
    /// The mean personal income per age band, to which the classes are raked for that band.
    public var naarLeeftijd: IncomeByAge?
    /// A published fact about two-earner couples, to which the partner coupling is calibrated.
    public var tweeverdieners: TwoEarners?
    /// `[van, tot, personen]` or `[van, tot, personen, gemiddelde]`: persons in a class whose income is
    /// the bijstand, drawn without income instead (see ``drawnClasses``).
    public var bijstandInInkomen: [[Int64]]?
    /// `[van, tot, personen]` or `[van, tot, personen, gemiddelde]`: persons under 18 with income in a
    /// class, taken out of it and not drawn (the generator draws income from 18; see ``drawnClasses``).
    public var jongerDan18: [[Int64]]? = nil
    /// `[van, tot, personen]`: how the persons of ``bijstandInInkomen`` spread over ages (see
    /// ``AssistanceByAge``); without it they are drawn evenly below the AOW age.
    public var bijstandNaarLeeftijd: [[Int64]]? = nil
    /// How the persons of ``bijstandInInkomen`` spread over places in the household (see
    /// ``AssistanceSpread``); without it every adult of an age is as likely to be one of them.
    public var bijstandNaarLeefvorm: AssistanceByHousehold? = nil
    /// The mean income of aanvrager and partner per leefvorm, to which the classes are raked beside the
    /// age bands (see ``IncomeByHousehold``).
    public var naarLeefvorm: IncomeByHousehold? = nil
    /// The regeling (a code of `niet_gebruik`) the persons of ``bijstandInInkomen`` receive: their
    /// households claim it, others of their ages leave it, and older or younger households follow the
    /// rates of `niet_gebruik` (see ``AssistanceUse``). Without it every household draws non-take-up.
    public var bijstandRegeling: String? = nil

    enum CodingKeys: String, CodingKey {
      case klassen
      case zonderInkomen = "zonder_inkomen"
      case naarLeeftijd = "naar_leeftijd"
      case tweeverdieners
      case bijstandInInkomen = "bijstand_in_inkomen"
      case jongerDan18 = "jonger_dan_18"
      case bijstandNaarLeeftijd = "bijstand_naar_leeftijd"
      case bijstandNaarLeefvorm = "bijstand_naar_leefvorm"
      case naarLeefvorm = "naar_leefvorm"
      case bijstandRegeling = "bijstand_regeling"
    }
  }

  public struct Housing: Sendable, Codable {
    public var huurPromille: Int64
    public var sociaalPromille: Int64
    public var huurSociaal: RentDistribution
    public var huurVrij: RentDistribution
    /// Renting by household income (optional; without it every household rents with the same chance).
    public var huurNaarInkomen: TenureByIncome?
    /// Renters' share per household type (optional; see ``Scenario/TenureByType``).
    public var huurNaarHuishoudtype: TenureByType?
    /// The yearly rent rises per sector (optional; without them the ranges are the peildatum's rents).
    public var huurstijging: RentRises?

    enum CodingKeys: String, CodingKey {
      case huurNaarInkomen = "huur_naar_inkomen"
      case huurNaarHuishoudtype = "huur_naar_huishoudtype"
      case huurPromille = "huur_promille"
      case sociaalPromille = "sociaal_promille"
      case huurSociaal = "huur_sociaal"
      case huurVrij = "huur_vrij"
      case huurstijging
    }
  }

  public struct Relation: Sendable, Codable {
    public var pensioenpartnerPromille: Int64
    public var partnerVorigJaarPromille: Int64
    public var samenlevingscontractPromille: Int64
    public var eigenWoningSamenPromille: Int64

    enum CodingKeys: String, CodingKey {
      case pensioenpartnerPromille = "pensioenpartner_promille"
      case partnerVorigJaarPromille = "partner_vorig_jaar_promille"
      case samenlevingscontractPromille = "samenlevingscontract_promille"
      case eigenWoningSamenPromille = "eigen_woning_samen_promille"
    }
  }

  /// Couples whose aanvrager was a pensioner before 2015 (AOW art. 8 as it stood until 2015).
  public struct TransitionalCouples: Sendable, Codable {
    /// Per mille of couples without children whose aanvrager was born before ``geborenVoor`` that
    /// have a partner younger by one of the ``leeftijdsverschil`` bands.
    public var jongePartnerPromille: Int64
    /// Age gap bands `[van, tot, gewicht]` in years for those partners.
    public var leeftijdsverschil: [[Int64]]
    /// Per mille of those couples that were married or living together before 1 January 2015.
    public var samenVoor2015Promille: Int64
    /// Aanvragers born before this date reached the AOW age before 1 January 2015.
    public var geborenVoor: String

    enum CodingKeys: String, CodingKey {
      case leeftijdsverschil
      case jongePartnerPromille = "jonge_partner_promille"
      case samenVoor2015Promille = "samen_voor_2015_promille"
      case geborenVoor = "geboren_voor"
    }
  }

  /// Adults living in a household who are not the aanvrager's partner.
  public struct Housemates: Sendable, Codable {
    /// Per mille of housemates aged 18 up to ``studieTot`` who follow education with studiefinanciering.
    public var studerendPromille: Int64
    public var studieTot: Int64
    /// Per mille of unrelated housemates renting on a commercial written agreement.
    public var commercieleHuurderPromille: Int64

    enum CodingKeys: String, CodingKey {
      case studerendPromille = "studerend_promille"
      case studieTot = "studie_tot"
      case commercieleHuurderPromille = "commerciele_huurder_promille"
    }
  }

  /// Who is registered at the address, and which renters live in an onzelfstandige woonruimte.
  public struct Residence: Sendable, Codable {
    /// Per mille of partners and adult housemates who live at the address without being registered there.
    public var nietIngeschrevenPromille: Int64
    /// Per mille of renting single-person households whose aanvrager is younger than ``onzelfstandigTot``
    /// that rent an onzelfstandige woonruimte (a room).
    public var onzelfstandigPromille: Int64
    public var onzelfstandigTot: Int64

    enum CodingKeys: String, CodingKey {
      case nietIngeschrevenPromille = "niet_ingeschreven_promille"
      case onzelfstandigPromille = "onzelfstandig_promille"
      case onzelfstandigTot = "onzelfstandig_tot"
    }
  }

  public struct InsuredYears: Sendable, Codable {
    public var volledigPromille: Int64
    public var anders: [Int64]

    enum CodingKeys: String, CodingKey {
      case volledigPromille = "volledig_promille"
      case anders
    }
  }
}

/// A problem reading a scenario file.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
  public let description: String

  /// An error that says what in the scenario is wrong, with its YAML path.
  public init(description: String) { self.description = description }
}

extension Scenario {
  /// The keys a scenario may use; any other is refused with a suggestion.
  public static let shape = YAMLShape.mapping([
    "naam": .value, "huishoudens": .value, "zaad": .value, "bronnen": .value,
    "samenstelling": .mapping([
      "alleenstaand": .value, "paar_zonder_kinderen_gehuwd": .value, "paar_zonder_kinderen_samenwonend": .value,
      "paar_met_kinderen_gehuwd": .value, "paar_met_kinderen_samenwonend": .value, "eenouder": .value,
      "met_medebewoners": .value, "geregistreerd_partnerschap_promille": .value,
    ]),
    "kinderen": .mapping([
      "paar_gehuwd": .value, "paar_samenwonend": .value, "eenouder": .value, "leeftijd": .value, "ouder_bij_geboorte": .value,
    ]),
    "leeftijd": .mapping([
      "alleenstaand": .value, "paar_zonder_kinderen": .value, "paar_met_kinderen": .value, "eenouder": .value,
      "met_medebewoners": .value,
    ]),
    "inkomen": .mapping(["klassen": .value, "zonder_inkomen": .value, "naar_leeftijd": IncomeByAge.shape, "tweeverdieners": TwoEarners.shape, "bijstand_in_inkomen": .value, "jonger_dan_18": .value, "bijstand_naar_leeftijd": .value, "bijstand_naar_leefvorm": AssistanceByHousehold.shape, "naar_leefvorm": IncomeByHousehold.shape, "bijstand_regeling": .filled]),
    "vermogen": .value,
    "vermogen_naar_woning": .mapping(["huurders": .value, "eigenaren": .value, "mediaan_naar_leeftijd": MediansByAge.shape]),
    "vermogen_bijstand": .filled,
    "wonen": .mapping([
      "huur_promille": .value, "sociaal_promille": .value, "huur_sociaal": .value, "huur_vrij": .value,
      "huur_naar_inkomen": TenureByIncome.shape, "huur_naar_huishoudtype": tenureByTypeShape, "huurstijging": RentRises.shape,
    ]),
    "relatie": .mapping([
      "pensioenpartner_promille": .value, "partner_vorig_jaar_promille": .value, "samenlevingscontract_promille": .value,
      "eigen_woning_samen_promille": .value,
    ]),
    "verzekerde_jaren": .mapping(["volledig_promille": .value, "anders": .value]),
    "partnertoeslag": .mapping([
      "jonge_partner_promille": .value, "leeftijdsverschil": .value, "samen_voor_2015_promille": .value, "geboren_voor": .value,
    ]),
    "medebewoners": .mapping(["studerend_promille": .value, "studie_tot": .value, "commerciele_huurder_promille": .value]),
    "studenten": Students.shape,
    "woonsituatie": .mapping(["niet_ingeschreven_promille": .value, "onzelfstandig_promille": .value, "onzelfstandig_tot": .value]),
    "inkomensbron": IncomeSources.shape,
    "indexering": YearlyRises.shape,
    "niet_gebruik": .dictionary(.value),
    "niet_gebruik_naar_aanvulling": .dictionary(NonTakeUpByTopUp.shape),
    "kalibratie_aow": AgeCalibration.shape,
    "eigen_woning": OwnerOccupation.shape,
  ])

  /// Reads a scenario from YAML text; errors name the line and the field.
  public static func parse(yaml: String, path: String) throws -> Scenario {
    let scenario: Scenario
    do { scenario = try YAMLDocument.decode(Scenario.self, from: yaml, path: path, shape: shape) } catch {
      throw ScenarioError(description: error.description)
    }
    try scenario.validate(path: path)
    return scenario
  }

  public static func load(path: String) throws -> Scenario {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ScenarioError(description: "kan scenario '\(path)' niet lezen")
    }
    return try parse(yaml: text, path: path)
  }
}

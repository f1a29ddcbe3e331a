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
  /// Rendementsgrondslag classes `[van, tot, gewicht]` in euros per household.
  public var vermogen: [[Int64]]
  public var wonen: Housing
  public var relatie: Relation
  /// Years insured for the AOW, for persons born before the year given: share with a full record and
  /// the range of the others.
  public var verzekerdeJaren: InsuredYears
  /// Older couples under the AOW partnertoeslag overgangsrecht (optional; without it none are drawn).
  public var partnertoeslag: TransitionalCouples?
  /// Students and commercial lodgers among adult housemates (optional; without it none are drawn).
  public var medebewoners: Housemates?
  /// Registration at the address and the kind of dwelling (Wet op de huurtoeslag art. 9 and 11); optional.
  public var woonsituatie: Residence?
  /// The split of personal income into loon, uitkering and pensioen (optional; without it the population
  /// has only the toetsingsinkomen, and the income tax and the bijstand are undecided).
  public var inkomensbron: IncomeSources?
  /// Sources of the figures, quoted in reports.
  public var bronnen: [String]

  enum CodingKeys: String, CodingKey {
    case naam, huishoudens, zaad, samenstelling, kinderen, leeftijd, inkomen, vermogen, wonen, relatie, bronnen
    case partnertoeslag, medebewoners, woonsituatie, inkomensbron
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

    enum CodingKeys: String, CodingKey {
      case paarGehuwd = "paar_gehuwd"
      case paarSamenwonend = "paar_samenwonend"
      case eenouder
    }
  }

  public struct Income: Sendable, Codable {
    public var klassen: [[Int64]]
    /// Adults without personal income, as a weight next to the classes.
    public var zonderInkomen: Int64

    enum CodingKeys: String, CodingKey {
      case klassen
      case zonderInkomen = "zonder_inkomen"
    }
  }

  public struct Housing: Sendable, Codable {
    public var huurPromille: Int64
    public var sociaalPromille: Int64
    public var huurSociaal: [Int64]
    public var huurVrij: [Int64]

    enum CodingKeys: String, CodingKey {
      case huurPromille = "huur_promille"
      case sociaalPromille = "sociaal_promille"
      case huurSociaal = "huur_sociaal"
      case huurVrij = "huur_vrij"
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
    "kinderen": .mapping(["paar_gehuwd": .value, "paar_samenwonend": .value, "eenouder": .value]),
    "leeftijd": .mapping([
      "alleenstaand": .value, "paar_zonder_kinderen": .value, "paar_met_kinderen": .value, "eenouder": .value,
      "met_medebewoners": .value,
    ]),
    "inkomen": .mapping(["klassen": .value, "zonder_inkomen": .value]),
    "vermogen": .value,
    "wonen": .mapping(["huur_promille": .value, "sociaal_promille": .value, "huur_sociaal": .value, "huur_vrij": .value]),
    "relatie": .mapping([
      "pensioenpartner_promille": .value, "partner_vorig_jaar_promille": .value, "samenlevingscontract_promille": .value,
      "eigen_woning_samen_promille": .value,
    ]),
    "verzekerde_jaren": .mapping(["volledig_promille": .value, "anders": .value]),
    "partnertoeslag": .mapping([
      "jonge_partner_promille": .value, "leeftijdsverschil": .value, "samen_voor_2015_promille": .value, "geboren_voor": .value,
    ]),
    "medebewoners": .mapping(["studerend_promille": .value, "studie_tot": .value, "commerciele_huurder_promille": .value]),
    "woonsituatie": .mapping(["niet_ingeschreven_promille": .value, "onzelfstandig_promille": .value, "onzelfstandig_tot": .value]),
    "inkomensbron": IncomeSources.shape,
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

  func validate(path: String) throws {
    func fail(_ s: String) -> ScenarioError { ScenarioError(description: "\(path): \(s)") }
    guard huishoudens > 0 else { throw fail("'huishoudens' moet positief zijn") }
    for (name, bands) in leeftijd {
      for b in bands where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[2] < 0 {
        throw fail("leeftijd.\(name): iedere band is [van, tot, gewicht] met van < tot")
      }
    }
    for k in inkomen.klassen where k.count != 3 || k[1] <= k[0] { throw fail("inkomen.klassen: iedere klasse is [van, tot, aantal]") }
    for v in vermogen where v.count != 3 || v[1] <= v[0] { throw fail("vermogen: iedere klasse is [van, tot, gewicht]") }
    guard wonen.huurSociaal.count == 2, wonen.huurVrij.count == 2 else { throw fail("wonen: huren zijn [van, tot] in euro's per maand") }
    for key in ["alleenstaand", "paar_zonder_kinderen", "paar_met_kinderen", "eenouder", "met_medebewoners"] where leeftijd[key] == nil {
      throw fail("leeftijd.\(key) ontbreekt")
    }
    if let p = partnertoeslag {
      guard let d = CivilDate(iso: p.geborenVoor), DateRange.contains(d) else {
        throw fail("partnertoeslag.geboren_voor: een datum JJJJ-MM-DD \(DateRange.description)")
      }
      for b in p.leeftijdsverschil where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[2] < 0 {
        throw fail("partnertoeslag.leeftijdsverschil: iedere band is [van, tot, gewicht] met van < tot")
      }
      guard !p.leeftijdsverschil.isEmpty else { throw fail("partnertoeslag.leeftijdsverschil: ten minste één band") }
    }
    if let w = woonsituatie {
      for (name, v) in [("niet_ingeschreven_promille", w.nietIngeschrevenPromille), ("onzelfstandig_promille", w.onzelfstandigPromille)]
      where !(0...1000).contains(v) {
        throw fail("woonsituatie.\(name): een aantal per duizend van 0 tot en met 1000, niet \(v)")
      }
      guard (18...130).contains(w.onzelfstandigTot) else { throw fail("woonsituatie.onzelfstandig_tot: een leeftijd van 18 tot en met 130") }
    }
    for (name, list) in [("paar_gehuwd", kinderen.paarGehuwd), ("paar_samenwonend", kinderen.paarSamenwonend), ("eenouder", kinderen.eenouder)] where list.count != 3 {
      throw fail("kinderen.\(name): drie aantallen (1, 2, 3 of meer kinderen)")
    }
    try inkomensbron?.validate(fail)
    try validateWeights(fail)
  }

  /// Weights are counts: none negative, and every table has at least one positive weight to draw from;
  /// ranges run upward; a share per mille lies in 0…1000.
  func validateWeights(_ fail: (String) -> ScenarioError) throws {
    // Bounds far beyond any published table that keep every draw inside 64-bit arithmetic (the
    // generator works in cents and sums weights).
    let maxWeight: Int64 = 1_000_000_000_000_000
    func weights(_ name: String, _ list: [Int64]) throws {
      guard !list.isEmpty else { throw fail("\(name): ten minste één gewicht") }
      if let n = list.first(where: { $0 < 0 }) { throw fail("\(name): een gewicht is een aantal van 0 of meer, niet \(n)") }
      if let n = list.first(where: { $0 > maxWeight }) { throw fail("\(name): een gewicht is ten hoogste \(maxWeight) (een telling), niet \(n)") }
      guard list.contains(where: { $0 > 0 }) else { throw fail("\(name): alle gewichten zijn 0; er valt niets te trekken") }
    }
    func promille(_ name: String, _ v: Int64) throws {
      guard (0...1000).contains(v) else { throw fail("\(name): een aantal per duizend van 0 tot en met 1000, niet \(v)") }
    }
    let c = samenstelling
    try weights("samenstelling", [c.alleenstaand, c.paarZonderKinderenGehuwd, c.paarZonderKinderenSamenwonend, c.paarMetKinderenGehuwd, c.paarMetKinderenSamenwonend, c.eenouder, c.metMedebewoners])
    try promille("samenstelling.geregistreerd_partnerschap_promille", c.geregistreerdPartnerschapPromille)
    try weights("kinderen.paar_gehuwd", kinderen.paarGehuwd)
    try weights("kinderen.paar_samenwonend", kinderen.paarSamenwonend)
    try weights("kinderen.eenouder", kinderen.eenouder)
    for (name, bands) in leeftijd.sorted(by: { $0.key < $1.key }) { try weights("leeftijd.\(name)", bands.map { $0.count == 3 ? $0[2] : -1 }) }
    try weights("inkomen.klassen", inkomen.klassen.map { $0.count == 3 ? $0[2] : -1 } + [inkomen.zonderInkomen])
    func euros(_ name: String, _ ranges: [[Int64]], upTo limit: Int64) throws {
      if let r = ranges.first(where: { $0.count >= 2 && ($0[0] < 0 || $0[1] > limit) }) {
        throw fail("\(name): bedragen van 0 tot en met \(limit) euro, niet [\(r[0]), \(r[1])]")
      }
    }
    try euros("inkomen.klassen", inkomen.klassen, upTo: 1_000_000_000)
    try euros("vermogen", vermogen, upTo: 100_000_000_000)
    try euros("wonen.huur_sociaal", [wonen.huurSociaal], upTo: 100_000)
    try euros("wonen.huur_vrij", [wonen.huurVrij], upTo: 100_000)
    for (name, bands) in leeftijd.sorted(by: { $0.key < $1.key }) where bands.contains(where: { $0.count == 3 && $0[1] > 130 }) {
      throw fail("leeftijd.\(name): leeftijden tot ten hoogste 130 jaar")
    }
    try weights("vermogen", vermogen.map { $0.count == 3 ? $0[2] : -1 })
    for (name, range) in [("wonen.huur_sociaal", wonen.huurSociaal), ("wonen.huur_vrij", wonen.huurVrij)] where range[0] < 0 || range[1] < range[0] {
      throw fail("\(name): [van, tot] met 0 ≤ van ≤ tot, niet [\(range[0]), \(range[1])]")
    }
    try promille("wonen.huur_promille", wonen.huurPromille)
    try promille("wonen.sociaal_promille", wonen.sociaalPromille)
    try promille("relatie.pensioenpartner_promille", relatie.pensioenpartnerPromille)
    try promille("relatie.partner_vorig_jaar_promille", relatie.partnerVorigJaarPromille)
    try promille("relatie.samenlevingscontract_promille", relatie.samenlevingscontractPromille)
    try promille("relatie.eigen_woning_samen_promille", relatie.eigenWoningSamenPromille)
    try promille("verzekerde_jaren.volledig_promille", verzekerdeJaren.volledigPromille)
    let anders = verzekerdeJaren.anders
    guard anders.count == 2, anders[0] >= 0, anders[0] <= anders[1], anders[1] <= 50 else {
      throw fail("verzekerde_jaren.anders: [van, tot] jaren met 0 ≤ van ≤ tot ≤ 50")
    }
    if let p = partnertoeslag {
      try promille("partnertoeslag.jonge_partner_promille", p.jongePartnerPromille)
      try promille("partnertoeslag.samen_voor_2015_promille", p.samenVoor2015Promille)
      try weights("partnertoeslag.leeftijdsverschil", p.leeftijdsverschil.map { $0.count == 3 ? $0[2] : -1 })
    }
    if let m = medebewoners {
      try promille("medebewoners.studerend_promille", m.studerendPromille)
      try promille("medebewoners.commerciele_huurder_promille", m.commercieleHuurderPromille)
      guard (18...130).contains(m.studieTot) else { throw fail("medebewoners.studie_tot: een leeftijd van 18 tot en met 130") }
    }
  }
}

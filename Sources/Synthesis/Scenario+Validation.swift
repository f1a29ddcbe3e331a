import ExactArithmetic

/// The checks a scenario passes before anything is drawn: shapes of bands and ranges, weights that are
/// counts, shares per mille within 0…1000, dates within the calendar the laws can mean. Each failure
/// names the YAML path and what was expected.
extension Scenario {
  func validate(path: String) throws {
    func fail(_ s: String) -> ScenarioError { ScenarioError(description: "\(path): \(s)") }
    guard huishoudens > 0 else { throw fail("'huishoudens' moet positief zijn") }
    for (name, bands) in leeftijd {
      for b in bands where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[2] < 0 {
        throw fail("leeftijd.\(name): iedere band is [van, tot, gewicht] met van < tot")
      }
    }
    for k in inkomen.klassen where !(3...4).contains(k.count) || k[1] <= k[0] {
      throw fail("inkomen.klassen: iedere klasse is [van, tot, aantal] of [van, tot, aantal, gemiddelde]")
    }
    guard inkomen.klassen.count <= 100 else { throw fail("inkomen.klassen: ten hoogste 100 klassen, niet \(inkomen.klassen.count)") }
    for k in inkomen.klassen where k.count == 4 { try Self.checkClassMean(k, "inkomen.klassen", fail) }
    guard vermogen != nil || vermogenNaarWoning != nil else { throw fail("'vermogen' of 'vermogen_naar_woning' ontbreekt: waar komt het vermogen van de huishoudens vandaan?") }
    for (name, classes) in wealthClasses {
      for v in classes where v.count != 3 || v[1] <= v[0] { throw fail("\(name): iedere klasse is [van, tot, gewicht]") }
    }
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
    try indexering?.validate(at: "indexering", fail)
    try kalibratieAow?.validate(fail)
    try wonen.huurNaarInkomen?.validate(fail)
    try inkomen.tweeverdieners?.validate(fail)
    try eigenWoning?.validate(fail)
    if inkomen.tweeverdieners != nil, inkomensbron == nil {
      throw fail("inkomen.tweeverdieners: vergelijkt het loon van partners en vraagt daarom inkomensbron (wie loon heeft)")
    }
    for (code, v) in (nietGebruik ?? [:]).sorted(by: { $0.key < $1.key }) where !(0...1000).contains(v) {
      throw fail("niet_gebruik.\(code): een aantal per duizend van 0 tot en met 1000, niet \(v)")
    }
    for (code, split) in (nietGebruikNaarAanvulling ?? [:]).sorted(by: { $0.key < $1.key }) {
      try split.validate(code: code, flat: nietGebruik, fail)
    }
    try validateAssistanceRegeling(fail)
    try validateWeights(fail)
    try validateCalibration(fail)
    // After the age bands are known to be sound: the children's ages are raked on them.
    try validateChildAges(fail)
  }

  /// A calibration target the age bands cannot reach is refused, never silently missed.
  func validateCalibration(_ fail: (String) -> ScenarioError) throws {
    guard let k = kalibratieAow else { return }
    let result = AgeCalibrationResult(self)
    for (name, target, reached) in [
      ("zonder_partner", k.zonderPartner, result.expected.withoutPartner), ("met_partner", k.metPartner, result.expected.withPartner),
    ] {
      let t = Rational(Int(target))
      guard ((reached - t).magnitude).dividedBy(t)! <= Rational(5) / 1000 else {
        let shown = reached.rounded(to: .one, mode: .rekenkundig).description
        throw fail("kalibratie_aow.\(name): \(target) personen van \(k.leeftijd) jaar of ouder is met de leeftijdsbanden en de samenstelling niet te halen (het dichtstbij: \(shown))")
      }
    }
  }

  /// Weights are counts: none negative, and every table has at least one positive weight to draw from;
  /// ranges run upward; a share per mille lies in 0…1000.
  /// The bound on one table's weights, each and together: far beyond any published count, and keeping
  /// every draw inside 64-bit arithmetic (the generator works in cents and sums weights).
  static let maxWeight: Int64 = 1_000_000_000_000_000

  /// One table's weights are counts: at least one, none negative, not all zero, and within ``maxWeight``.
  static func checkWeights(_ name: String, _ list: [Int64], _ fail: (String) -> ScenarioError) throws {
    guard !list.isEmpty else { throw fail("\(name): ten minste één gewicht") }
    if let n = list.first(where: { $0 < 0 }) { throw fail("\(name): een gewicht is een aantal van 0 of meer, niet \(n)") }
    if let n = list.first(where: { $0 > maxWeight }) { throw fail("\(name): een gewicht is ten hoogste \(maxWeight) (een telling), niet \(n)") }
    guard list.contains(where: { $0 > 0 }) else { throw fail("\(name): alle gewichten zijn 0; er valt niets te trekken") }
    guard list.reduce(Int128(0), { $0 + Int128($1) }) <= Int128(maxWeight) else {
      throw fail("\(name): de gewichten samen zijn ten hoogste \(maxWeight) (tellingen)")
    }
  }

  /// A class mean must lie in the middle half of its class `[van + breedte/4, van + 3·breedte/4]`, where
  /// the two-halves draw of ``IncomeDistribution`` can reach it.
  static func checkClassMean(_ k64: [Int64], _ name: String, _ fail: (String) -> ScenarioError) throws {
    let k = k64.map { Int128($0) }
    guard !(4 * k[3] >= 3 * k[0] + k[1] && 4 * k[3] <= k[0] + 3 * k[1]) else { return }
    let (low, high) = middleHalf(k64[0], k64[1])
    throw fail(
      low > high
        ? "\(name): de klasse [\(k[0]), \(k[1])) is te smal voor een gemiddelde; geef een klasse van ten minste 2 euro breed of laat het gemiddelde weg"
        : "\(name): het gemiddelde \(k[3]) van de klasse [\(k[0]), \(k[1])) moet in het middelste deel liggen, van \(low) tot en met \(high)")
  }

  /// The middle half of the class `[van, tot)` in whole euros: the means the two-halves draw can reach.
  static func middleHalf(_ van: Int64, _ tot: Int64) -> (low: Int128, high: Int128) {
    ((3 * Int128(van) + Int128(tot) + 3) / 4, (Int128(van) + 3 * Int128(tot)) / 4)
  }

  func validateWeights(_ fail: (String) -> ScenarioError) throws {
    func weights(_ name: String, _ list: [Int64]) throws { try Self.checkWeights(name, list, fail) }
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
    try weights("inkomen.klassen", inkomen.klassen.map { $0.count >= 3 ? $0[2] : -1 } + [inkomen.zonderInkomen])
    try inkomen.validateAssistance(fail)
    try inkomen.validateAssistanceByAge(aowAge: kalibratieAow?.leeftijd, fail)
    try inkomen.validateAssistanceByHousehold(fail)
    try inkomen.naarLeeftijd?.validate(fail)
    try inkomen.naarLeefvorm?.validate(fail)
    if inkomen.naarLeefvorm != nil && inkomensbron == nil {
      throw fail("inkomen.naar_leefvorm: vergelijkt het loon per huishouden met het gepubliceerde primair inkomen, en vraagt daarom de sectie inkomensbron (wat van het inkomen loon is)")
    }
    func euros(_ name: String, _ ranges: [[Int64]], upTo limit: Int64) throws {
      if let r = ranges.first(where: { $0.count >= 2 && ($0[0] < 0 || $0[1] > limit) }) {
        throw fail("\(name): bedragen van 0 tot en met \(limit) euro, niet [\(r[0]), \(r[1])]")
      }
    }
    try euros("inkomen.klassen", inkomen.klassen, upTo: 1_000_000_000)
    for (name, classes) in wealthClasses { try euros(name, classes, upTo: 100_000_000_000) }
    // After the counts and amounts are known to be in range: every band's mean must be reachable.
    try validateDrawnClassMeans(fail)
    try inkomen.naarLeeftijd?.validateReachable(classes: inkomen.drawnClasses, fail)
    try wonen.huurSociaal.validate("wonen.huur_sociaal", fail)
    try wonen.huurVrij.validate("wonen.huur_vrij", fail)
    for (name, bands) in leeftijd.sorted(by: { $0.key < $1.key }) where bands.contains(where: { $0.count == 3 && $0[1] > 130 }) {
      throw fail("leeftijd.\(name): leeftijden tot ten hoogste 130 jaar")
    }
    for (name, classes) in wealthClasses { try weights(name, classes.map { $0.count == 3 ? $0[2] : -1 }) }
    try vermogenNaarWoning?.validateMedians(fail)
    try promille("wonen.huur_promille", wonen.huurPromille)
    try promille("wonen.sociaal_promille", wonen.sociaalPromille)
    try validateTenureByType(fail)
    try wonen.huurstijging?.validate(fail)
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
    try studenten?.validate(fail)
  }
}

extension Scenario {
  /// Every list of vermogen classes with its YAML path.
  var wealthClasses: [(String, [[Int64]])] {
    (vermogen.map { [("vermogen", $0)] } ?? [])
      + (vermogenNaarWoning.map { [("vermogen_naar_woning.huurders", $0.huurders), ("vermogen_naar_woning.eigenaren", $0.eigenaren)] } ?? [])
      + (vermogenBijstand.map { [("vermogen_bijstand", $0)] } ?? [])
  }

  /// Vermogen follows tenure: renters and owners draw their rendementsgrondslag from classes of their own.
  ///
  /// Without it every household draws from `vermogen`, so a quarter of the renters have more than the
  /// huurtoeslag's vermogensgrens; CBS publishes that the median renter has a fourteenth of the median
  /// owner's financial wealth.
  public struct WealthByTenure: Sendable, Codable {
    /// `[van, tot, gewicht]` in euros per household, for households that rent and that own.
    public var huurders: [[Int64]]
    public var eigenaren: [[Int64]]
    /// Published medians by age of the aanvrager within each tenure (optional): the generator rakes the
    /// classes per age band to them (``WealthByAge``); without it vermogen does not follow age.
    public var mediaanNaarLeeftijd: MediansByAge?

    enum CodingKeys: String, CodingKey {
      case huurders, eigenaren
      case mediaanNaarLeeftijd = "mediaan_naar_leeftijd"
    }
  }

  /// Per tenure, bands `[van, tot, mediaan]`: households whose aanvrager is `van` up to (not including)
  /// `tot` years old on the peildatum have half their vermogen below `mediaan` euros.
  public struct MediansByAge: Sendable, Codable {
    public var huurders: [[Int64]]?
    public var eigenaren: [[Int64]]?

    /// `.filled`: a tenure written without bands (`huurders:`) would decode as absent and silently drop its medians.
    static let shape = YAMLShape.mapping(["huurders": .filled, "eigenaren": .filled])
  }
}

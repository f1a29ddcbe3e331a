import ExactArithmetic

/// The bijstand inside the published personal income, taken out before anything is drawn.
///
/// CBS's personal income (83931NED) counts the 'uitkering sociale voorzieningen', so a person who lives
/// on the bijstand appears in its classes with the bijstand as income. Drawn as it is, that amount
/// becomes the person's own loon or uitkering and the rules only add a small supplement on top: too many
/// households with a supplement, too few with the full norm. `inkomen.bijstand_in_inkomen` names, per
/// income class, how many persons in it had (mainly) bijstand; the generator takes them out of the class
/// (keeping the rest of the class's total when a mean is given) and draws them without personal income,
/// so that the Participatiewet computes their bijstand. `inkomen.jonger_dan_18` takes the persons under 18
/// out the same way, without drawing them (the generator gives income from 18 on): without it the adults
/// drew the lowest class's share of all ages.
extension Scenario.Income {
  /// The classes the generator draws from: ``klassen`` minus the persons of ``bijstandInInkomen`` (drawn
  /// without income instead) and of ``jongerDan18`` (not drawn at all: the generator gives income from 18).
  ///
  /// A row `[van, tot, personen]` removes persons at the class's own mean (the class mean stays); a row
  /// `[van, tot, personen, gemiddelde]` removes persons with that mean income, so the rest of the class
  /// keeps the class total minus theirs: `(aantal · klassegemiddelde − personen · gemiddelde) / (aantal −
  /// personen)`, rounded down to whole euros.
  public var drawnClasses: [[Int64]] { Self.removing(jongerDan18, from: Self.removing(bijstandInInkomen, from: klassen)) }

  /// `classes` with the persons of `rows` taken out (see ``drawnClasses``).
  static func removing(_ rows: [[Int64]]?, from classes: [[Int64]]) -> [[Int64]] {
    guard let rows, !rows.isEmpty else { return classes }
    return classes.enumerated().map { index, k in
      // Only the first class with the row's bounds (validation refuses a row whose bounds occur twice).
      guard k.count >= 3, classes.firstIndex(where: { $0.count >= 2 && $0[0] == k[0] && $0[1] == k[1] }) == index,
        let row = rows.first(where: { $0.count >= 3 && $0[0] == k[0] && $0[1] == k[1] })
      else { return k }
      let remaining = k[2] - row[2]
      guard row.count == 4, remaining > 0 else { return [k[0], k[1], remaining] + k.dropFirst(3) }
      let total = Int128(k[2]) * Int128(IncomeDistribution.mean(k)) - Int128(row[2]) * Int128(row[3])
      return [k[0], k[1], remaining, Int64(clamping: total / Int128(remaining))]
    }
  }

  /// The weight of adults drawn without personal income: ``zonderInkomen`` plus the persons taken out.
  public var drawnZonderInkomen: Int64 {
    zonderInkomen + (bijstandInInkomen ?? []).reduce(Int64(0)) { $0 + ($1.count >= 3 ? $1[2] : 0) }
  }

  /// The persons taken out, in all.
  public var bijstandPersons: Int64 { drawnZonderInkomen - zonderInkomen }

  /// The weights of 'no income' beside the drawn classes, by age. The persons taken out had the
  /// bijstand below the AOW age (the source counts them there), so with the AOW recipients known
  /// (`kalibratie_aow`) only adults below `age` draw them: their weight is scaled up by the share of
  /// adults below that age, `personen × totaal / (totaal − AOW-gerechtigden)`, so the expected number
  /// stays the same. Without `kalibratie_aow` (or when the scaled weight would not fit) every age draws
  /// the same weight.
  func zeroWeights(aow: Scenario.AgeCalibration?) -> (belowAge: Int64, fromAge: Int64, age: Int64?) {
    let total = Int128(drawnClasses.reduce(Int64(0)) { $0 + $1[2] }) + Int128(drawnZonderInkomen)
    guard bijstandPersons > 0, let aow else { return (drawnZonderInkomen, drawnZonderInkomen, nil) }
    let below = total - Int128(aow.zonderPartner) - Int128(aow.metPartner)
    guard below > 0 else { return (drawnZonderInkomen, drawnZonderInkomen, nil) }
    let scaled = Int128(zonderInkomen) + Int128(bijstandPersons) * total / below
    guard scaled < total else { return (drawnZonderInkomen, drawnZonderInkomen, nil) }
    return (Int64(scaled), zonderInkomen, aow.leeftijd)
  }

  /// One line for summaries and reports: who is drawn without income because their income was the
  /// bijstand; nil when the scenario takes no one out.
  public func assistanceNote(aow: Scenario.AgeCalibration?) -> String? {
    guard let rows = bijstandInInkomen?.filter({ $0.count >= 3 && $0[2] > 0 }), !rows.isEmpty else { return nil }
    let euros = { (v: Int64) in DutchFormat.groupThousands(String(v)) }
    let classes = rows.map { "\(euros($0[2])) uit de klasse € \(euros($0[0]))–\(euros($0[1]))" }.joined(separator: ", ")
    let ages = publishedAgeShares.map { ", \($0)" } ?? zeroWeights(aow: aow).age.map { " onder de \($0) jaar" } ?? ""
    let places = publishedHouseholdShares.map { ", \($0)" } ?? ""
    return "\(euros(bijstandPersons)) personen met bijstand als persoonlijk inkomen (\(classes)) zonder inkomen getrokken\(ages)\(places); hun bijstand rekenen de regels"
  }

  /// The proportions of `bijstand_naar_leeftijd` as people read them ("naar leeftijd verdeeld als de
  /// ontvangers (bijstand_naar_leeftijd: 18–26 jaar 10 %, …)"), or nil without the section.
  var publishedAgeShares: String? {
    guard let rows = bijstandNaarLeeftijd, !rows.isEmpty else { return nil }
    let all = rows.reduce(0) { $0 + Int($1.count == 3 ? $1[2] : 0) }
    guard all > 0 else { return nil }
    let parts = rows.filter { $0.count == 3 }.map { row in
      "\(DutchFormat.ages(row[0], row[1])) \(DutchFormat.number((Rational(Int(row[2])) * 100 / all).rounded(to: .one, mode: .rekenkundig))) %"
    }
    return "naar leeftijd verdeeld als de ontvangers (bijstand_naar_leeftijd: " + parts.joined(separator: ", ") + ")"
  }

  /// The proportions of `bijstand_naar_leefvorm` as people read them ("naar leefvorm verdeeld als de
  /// ontvangers (bijstand_naar_leefvorm: alleenstaand 43 %, …; een paar samen)"), or nil without it.
  var publishedHouseholdShares: String? {
    guard let byHousehold = bijstandNaarLeefvorm else { return nil }
    let all = byHousehold.weights.reduce(0) { $0 + Int($1) }
    guard all > 0 else { return nil }
    let parts = zip(AssistanceUnit.allCases, byHousehold.weights).map { unit, weight in
      "\(unit.key) \(DutchFormat.number((Rational(Int(weight)) * 100 / all).rounded(to: .one, mode: .rekenkundig))) %"
    }
    return "naar leefvorm verdeeld als de ontvangers (bijstand_naar_leefvorm: " + parts.joined(separator: ", ") + "; een paar samen)"
  }

  /// Checks every row before ``drawnClasses`` is used: the shape, a class it names exactly, fewer persons
  /// than the class holds, and (for a row with a mean) a mean inside the class and a rest whose mean the
  /// class can still carry.
  func validateAssistance(_ fail: (String) -> ScenarioError) throws {
    try validateTakenOut(bijstandInInkomen, name: "inkomen.bijstand_in_inkomen", fail)
    try validateTakenOut(jongerDan18, name: "inkomen.jonger_dan_18", fail)
    // Both lists together may not empty a class: counts only (in 128 bits), since the classes' amounts
    // are checked after this (a mean of two huge bounds would overflow).
    for k in klassen where k.count >= 3 {
      let rows = (bijstandInInkomen ?? []) + (jongerDan18 ?? [])
      let out = rows.filter { $0.count >= 3 && $0[0] == k[0] && $0[1] == k[1] }.reduce(Int128(0)) { $0 + Int128($1[2]) }
      if out > 0 && Int128(k[2]) - out <= 0 {
        throw fail("inkomen.jonger_dan_18: samen met inkomen.bijstand_in_inkomen haalt het alle personen uit de klasse [\(k[0]), \(k[1])); er moet er ten minste één overblijven")
      }
    }
  }

  /// Checks the rows of one list that takes persons out of the classes (see ``validateAssistance(_:)``).
  func validateTakenOut(_ rows: [[Int64]]?, name: String, _ fail: (String) -> ScenarioError) throws {
    guard let rows else { return }
    guard rows.count <= klassen.count else { throw fail("\(name): ten hoogste één rij per inkomensklasse (\(klassen.count)), niet \(rows.count)") }
    var seen = Set<[Int64]>()
    for row in rows {
      guard (3...4).contains(row.count), row[1] > row[0], row[2] >= 0 else {
        throw fail("\(name): iedere rij is [van, tot, personen] of [van, tot, personen, gemiddelde] met van < tot en personen ≥ 0")
      }
      let bounds = Array(row.prefix(2))
      guard seen.insert(bounds).inserted else { throw fail("\(name): de klasse [\(row[0]), \(row[1])) staat er twee keer in") }
      guard let k = klassen.first(where: { $0.count >= 3 && $0[0] == row[0] && $0[1] == row[1] }) else {
        let known = klassen.filter { $0.count >= 2 }.map { "[\($0[0]), \($0[1]))" }.joined(separator: ", ")
        throw fail("\(name): [\(row[0]), \(row[1])) is geen klasse van inkomen.klassen; de klassen zijn \(known)")
      }
      guard klassen.filter({ $0.count >= 2 && $0[0] == row[0] && $0[1] == row[1] }).count == 1 else {
        throw fail("\(name): de klasse [\(row[0]), \(row[1])) staat meer dan eens in inkomen.klassen; noem iedere klasse één keer")
      }
      guard row[2] < k[2] else {
        throw fail("\(name): de klasse [\(row[0]), \(row[1])) telt \(k[2]) personen; er kunnen er niet \(row[2]) uit (minder dan het aantal in de klasse)")
      }
      if row.count == 4 {
        guard (row[0]..<row[1]).contains(row[3]) else {
          throw fail("\(name): het gemiddelde \(row[3]) ligt niet in de klasse [\(row[0]), \(row[1]))")
        }
      }
    }
  }
}

extension Scenario {
  /// After taking persons out with a mean of their own, the rest of each class must keep a mean the
  /// class can carry (its middle half, see ``checkClassMean(_:_:_:)``); the message names the row, how
  /// many persons stay and what their mean would be.
  /// The bijstand is taken out first, then those under 18, so a message names the list whose rows
  /// broke the class.
  func validateDrawnClassMeans(_ fail: (String) -> ScenarioError) throws {
    let afterAssistance = Scenario.Income.removing(inkomen.bijstandInInkomen, from: inkomen.klassen)
    let stages = [
      ("inkomen.bijstand_in_inkomen", inkomen.bijstandInInkomen ?? [], inkomen.klassen, afterAssistance),
      ("inkomen.jonger_dan_18", inkomen.jongerDan18 ?? [], afterAssistance, Scenario.Income.removing(inkomen.jongerDan18, from: afterAssistance)),
    ]
    for (name, rows, before, after) in stages {
      for row in rows where row.count == 4 {
        guard let k = after.first(where: { $0.count == 4 && $0[0] == row[0] && $0[1] == row[1] }) else { continue }
        let (low, high) = Self.middleHalf(k[0], k[1])
        guard !(low...high).contains(Int128(k[3])) else { continue }
        let original = before.first { $0.count >= 3 && $0[0] == row[0] && $0[1] == row[1] } ?? k
        throw fail(
          "\(name): na [\(row.map(String.init).joined(separator: ", "))] blijven in de klasse [\(k[0]), \(k[1])) \(k[2]) personen over met een gemiddelde van \(k[3]) euro; dat moet van \(low) tot en met \(high) zijn (het middelste deel van de klasse): neem minder personen of een gemiddelde dichter bij dat van de klasse (\(IncomeDistribution.mean(original)))")
      }
    }
  }
}

extension Scenario.Income {
  /// Decodes the section; `bijstand_in_inkomen:` without a value is refused rather than read as absent
  /// (and silently no one taken out).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    klassen = try c.decode([[Int64]].self, forKey: .klassen)
    zonderInkomen = try c.decode(Int64.self, forKey: .zonderInkomen)
    naarLeeftijd = try c.decodeIfPresent(Scenario.IncomeByAge.self, forKey: .naarLeeftijd)
    tweeverdieners = try c.decodeIfPresent(Scenario.TwoEarners.self, forKey: .tweeverdieners)
    if c.contains(.bijstandInInkomen), try c.decodeNil(forKey: .bijstandInInkomen) {
      // The expected type only names the kind in the message ("een lijst").
      throw DecodingError.valueNotFound(
        [Any].self, .init(codingPath: c.codingPath + [CodingKeys.bijstandInInkomen], debugDescription: "leeg"))
    }
    bijstandInInkomen = try c.decodeIfPresent([[Int64]].self, forKey: .bijstandInInkomen)
    if c.contains(.jongerDan18), try c.decodeNil(forKey: .jongerDan18) {
      throw DecodingError.valueNotFound(
        [Any].self, .init(codingPath: c.codingPath + [CodingKeys.jongerDan18], debugDescription: "leeg"))
    }
    jongerDan18 = try c.decodeIfPresent([[Int64]].self, forKey: .jongerDan18)
    if c.contains(.bijstandNaarLeeftijd), try c.decodeNil(forKey: .bijstandNaarLeeftijd) {
      throw DecodingError.valueNotFound(
        [Any].self, .init(codingPath: c.codingPath + [CodingKeys.bijstandNaarLeeftijd], debugDescription: "leeg"))
    }
    bijstandNaarLeeftijd = try c.decodeIfPresent([[Int64]].self, forKey: .bijstandNaarLeeftijd)
    bijstandNaarLeefvorm = try c.decodeIfPresent(Scenario.AssistanceByHousehold.self, forKey: .bijstandNaarLeefvorm)
    naarLeefvorm = try c.decodeIfPresent(Scenario.IncomeByHousehold.self, forKey: .naarLeefvorm)
    bijstandRegeling = try c.decodeIfPresent(String.self, forKey: .bijstandRegeling)
  }
}

import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// With `inkomen.bijstand_naar_leefvorm`: adults without personal income per age band (by their own
  /// age) and per leefvorm (the units of ``AssistanceUnit``, a couple's two partners in its aanvrager's
  /// band), the share the scenario asks for against the share drawn. The chances are the generator's
  /// raking, done again on this population's own units: a unit is on the bijstand with its chance, and
  /// everyone else has no income with `zonder_inkomen` over the whole. Empty without the section.
  static func assistanceByHousehold(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard s.inkomen.bijstandNaarLeefvorm != nil, case .int64(let income)? = p.personalIncome,
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    let aowAge = s.kalibratieAow?.leeftijd
    let bands = (s.inkomen.bijstandNaarLeeftijd ?? [[18, aowAge ?? 131, 1]]).map { $0[0]..<$0[1] }
    let counts = Generator.assistanceUnits(p, bands: bands, date: date)
    let whole = s.inkomen.drawnClasses.reduce(Int64(0)) { $0 + $1[2] } + s.inkomen.drawnZonderInkomen
    guard let spread = AssistanceSpread(s.inkomen, aowAge: aowAge, units: counts.units, adults: counts.adults, total: whole) else { return [] }
    let none = Rational(Int(s.inkomen.zonderInkomen)) / Int(whole)
    let units = AssistanceUnit.allCases
    // Persons expected on the bijstand per cell, and the persons and those without income drawn.
    var byBand = [(adults: Int, zero: Int)](repeating: (0, 0), count: bands.count)
    var byUnit = [(persons: Int, zero: Int)](repeating: (0, 0), count: units.count)
    let grant: [UInt8]
    if case .uint8(let g)? = p.personColumns["studiefinanciering"] { grant = g } else { grant = [] }
    for h in 0..<p.householdCount {
      guard let type = HouseholdType(rawValue: p.householdType[h]) else { continue }
      let head = Int(p.personStart[h])
      let headAge = Int64(CivilDate(dayNumber: Int(birth[head])).age(on: date).years)
      for row in head..<Int(p.personStart[h + 1]) {
        let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
        guard age >= 18 else { continue }
        if let b = bands.firstIndex(where: { $0.contains(age) }) {
          byBand[b].adults += 1
          if income[row] == 0 { byBand[b].zero += 1 }
        }
        let role = p.role[row]
        if role == 0, type == .alleenstaand, row < grant.count, grant[row] == 1 { continue }
        let unit: AssistanceUnit = role == 0 || role == 1 ? .head(of: type) : .overig
        guard bands.contains(where: { $0.contains(role == 1 ? headAge : age) }) else { continue }
        byUnit[unit.rawValue].persons += 1
        if income[row] == 0 { byUnit[unit.rawValue].zero += 1 }
      }
    }
    let onAssistance = { (a: Int, l: Int) in spread.chance[a][l] * (counts.units[a][l] * units[l].persons) }
    let source =
      "scenario 'inkomen.zonder_inkomen', 'inkomen.bijstand_in_inkomen', 'inkomen.bijstand_naar_leeftijd' en 'inkomen.bijstand_naar_leefvorm' (CBS, bijstandsontvangers naar leeftijd, september 2025, en naar leefvorm, eerste kwartaal 2021)"
    let ages: [PopulationValidation.Margin] = bands.indices.compactMap { a in
      guard byBand[a].adults > 0 else { return nil }
      let assisted = units.indices.reduce(Rational(0)) { $0 + onAssistance(a, $1) }
      let target = (assisted + none * (Rational(byBand[a].adults) - assisted)) / byBand[a].adults
      return PopulationValidation.Margin(
        name: "volwassenen van \(DutchFormat.ages(bands[a].lowerBound, bands[a].upperBound)) zonder inkomen (ook wie van de bijstand leeft)",
        source: source, target: target, drawn: Rational(byBand[a].zero) / byBand[a].adults)
    }
    let places: [PopulationValidation.Margin] = units.indices.compactMap { l in
      guard byUnit[l].persons > 0 else { return nil }
      let assisted = bands.indices.reduce(Rational(0)) { $0 + onAssistance($1, l) }
      let target = (assisted + none * (Rational(byUnit[l].persons) - assisted)) / byUnit[l].persons
      return PopulationValidation.Margin(
        name: "volwassenen zonder inkomen, leefvorm \(Self.livingArrangement(units[l])) (ook wie van de bijstand leeft)",
        source: source, target: target, drawn: Rational(byUnit[l].zero) / byUnit[l].persons)
    }
    return ages + places
  }

  /// How a report names a leefvorm.
  static func livingArrangement(_ unit: AssistanceUnit) -> String {
    switch unit {
    case .alleenstaand: "alleenstaand"
    case .alleenstaandeOuder: "alleenstaande ouder"
    case .paarMetKinderen: "paar met kinderen (beide partners)"
    case .paarZonderKinderen: "paar zonder kinderen (beide partners)"
    case .overig: "overig (inwonend kind, medebewoner)"
    }
  }
}

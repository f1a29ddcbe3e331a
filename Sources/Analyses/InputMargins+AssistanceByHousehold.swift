import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// With `inkomen.bijstand_naar_leefvorm`: adults without personal income per age band (by their own
  /// age) and per leefvorm (the units of ``AssistanceUnit``; a couple's two partners by its aanvrager's
  /// band), the share the scenario asks for against the share drawn. The chances are the generator's
  /// raking, done again on this population's own units: each person is on the bijstand with the chance
  /// of their unit, and everyone else has no income with `zonder_inkomen` over the whole without the
  /// bijstand persons. Empty without the section.
  static func assistanceByHousehold(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard s.inkomen.bijstandNaarLeefvorm != nil, case .int64(let income)? = p.personalIncome,
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    let aowAge = s.kalibratieAow?.leeftijd
    let bands = (s.inkomen.bijstandNaarLeeftijd ?? [[18, aowAge ?? 131, 1]]).map { $0[0]..<$0[1] }
    let counts = Generator.assistanceUnits(p, bands: bands, date: date)
    let whole = s.inkomen.drawnClasses.reduce(Int64(0)) { $0 + $1[2] } + s.inkomen.drawnZonderInkomen
    guard let spread = AssistanceSpread(s.inkomen, aowAge: aowAge, units: counts.units, adults: counts.adults, total: whole) else { return [] }
    // Everyone not on the bijstand has no income with zonder_inkomen over the whole without the bijstand
    // persons, as the generator draws it.
    let none = Rational(Int(s.inkomen.zonderInkomen)) / Int(whole - s.inkomen.bijstandPersons)
    let units = AssistanceUnit.allCases
    // Per age band (own age) and per leefvorm: the adults, those drawn without income, and the persons
    // expected on the bijstand (each person the chance of their unit, a couple's in its aanvrager's band).
    var byBand = [(adults: Int, zero: Int, assisted: Rational)](repeating: (0, 0, Rational(0)), count: bands.count)
    var byUnit = [(persons: Int, zero: Int, assisted: Rational)](repeating: (0, 0, Rational(0)), count: units.count)
    let grant: [UInt8]
    if case .uint8(let g)? = p.personColumns["studiefinanciering"] { grant = g } else { grant = [] }
    let band = { (age: Int64) in bands.firstIndex { $0.contains(age) } }
    for h in 0..<p.householdCount {
      guard let type = HouseholdType(rawValue: p.householdType[h]) else { continue }
      let head = Int(p.personStart[h])
      let headAge = Int64(CivilDate(dayNumber: Int(birth[head])).age(on: date).years)
      for row in head..<Int(p.personStart[h + 1]) {
        let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
        guard age >= 18 else { continue }
        let role = p.role[row]
        let unit = AssistanceUnit.of(role: role, type: type, grant: row < grant.count && grant[row] == 1)
        let unitBand = band(role == 1 ? headAge : age)
        let chance = unit.flatMap { u in unitBand.map { spread.chance[$0][u.rawValue] } } ?? Rational(0)
        if let b = band(age) {
          byBand[b].adults += 1
          byBand[b].assisted = byBand[b].assisted + chance
          if income[row] == 0 { byBand[b].zero += 1 }
        }
        guard let unit, unitBand != nil else { continue }
        byUnit[unit.rawValue].persons += 1
        byUnit[unit.rawValue].assisted = byUnit[unit.rawValue].assisted + chance
        if income[row] == 0 { byUnit[unit.rawValue].zero += 1 }
      }
    }
    let expected = { (assisted: Rational, persons: Int) in (assisted + none * (Rational(persons) - assisted)) / persons }
    let source =
      "scenario 'inkomen.zonder_inkomen', 'inkomen.bijstand_in_inkomen', 'inkomen.bijstand_naar_leeftijd' en 'inkomen.bijstand_naar_leefvorm' (CBS, bijstandsontvangers naar leeftijd, september 2025, en naar leefvorm, eerste kwartaal 2021)"
    let ages: [PopulationValidation.Margin] = bands.indices.compactMap { a in
      guard byBand[a].adults > 0 else { return nil }
      return PopulationValidation.Margin(
        name: "volwassenen van \(DutchFormat.ages(bands[a].lowerBound, bands[a].upperBound)) zonder inkomen (ook wie van de bijstand leeft)",
        source: source, target: expected(byBand[a].assisted, byBand[a].adults), drawn: Rational(byBand[a].zero) / byBand[a].adults)
    }
    let places: [PopulationValidation.Margin] = units.indices.compactMap { l in
      guard byUnit[l].persons > 0 else { return nil }
      return PopulationValidation.Margin(
        name: "volwassenen zonder inkomen, leefvorm \(Self.livingArrangement(units[l])) (ook wie van de bijstand leeft)",
        source: source, target: expected(byUnit[l].assisted, byUnit[l].persons), drawn: Rational(byUnit[l].zero) / byUnit[l].persons)
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

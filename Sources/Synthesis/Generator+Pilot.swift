import ExactArithmetic
import Foundation
import Population

/// The pilot samples the generator calibrates on before it draws a population: who lives on the
/// bijstand by age and leefvorm, income by place in the household, the partner coupling
/// (``Generator/calibratedCoupling()``), the tenure profile (``TenureProfile``) and, last, vermogen by
/// age within each tenure (``Generator/calibratedWealthByAge()``).
extension Generator {
  /// The pilot sample the tenure profile is calibrated on: `pilotChunks` chunks of `pilotSize`
  /// households, each on its own random stream counting down from `pilotStream` (streams no population
  /// chunk uses), drawn in parallel and joined in order, so the profile is the same on every run. Four
  /// chunks keep the pilot's noise in a small type's renters' share (eenouders, 7 %) near 0,3
  /// percentage points; one chunk left it at about 1 point once renting follows income steeply.
  static let pilotSize = 65_536
  static let pilotChunks = 4
  static let pilotStream = UInt64.max

  /// The pilot sample of `chunks` chunks, drawn by this generator (without a tenure profile).
  func pilotSample(chunks: Int = pilotChunks) -> PopulationData {
    let results = ChunkResults(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { k in
      results.store(generateChunk(stream: Self.pilotStream - UInt64(k), households: Self.pilotSize), at: k)
    }
    return PopulationData.concatenate((0..<chunks).map { results.take($0) })
  }

  /// The weights that spread the bijstand persons over ages (`inkomen.bijstand_naar_leeftijd`), from the
  /// adults (18 and over, every role) of one pilot chunk; `nil` without the section. Ages do not depend
  /// on incomes, so the uncalibrated generator's pilot counts them as the population will have them.
  func assistanceByAge() -> AssistanceByAge? {
    guard let rows = scenario.inkomen.bijstandNaarLeeftijd, scenario.inkomen.bijstandPersons > 0 else { return nil }
    let pilot = pilotSample(chunks: 1)
    guard case .int32(let birth)? = pilot.personColumns["geboortedatum"] else { return nil }
    // Ages as birth-day ranges (``birthRanges``): a band [van, tot) is born from the first day of age
    // tot − 1 to the last day of age van; an adult on or before the last day of age 18.
    let last = Int64(birthRanges.count - 1)
    let days = rows.map { birthRanges[Int(min($0[1] - 1, last))].lowerBound...birthRanges[Int(min($0[0], last))].upperBound }
    let adultUntil = birthRanges[18].upperBound
    var perBand = [Int](repeating: 0, count: rows.count)
    var all = 0
    for day in birth.lazy.map(Int64.init) where day <= adultUntil {
      all += 1
      if let b = days.firstIndex(where: { $0.contains(day) }) { perBand[b] += 1 }
    }
    return AssistanceByAge(scenario.inkomen, adults: (perBand, all), total: sampler.incomeTotal)
  }

  /// The raked chances that spread the bijstand persons over ages and leefvormen
  /// (`inkomen.bijstand_naar_leefvorm`), from the units of one pilot chunk: per household its aanvrager's
  /// unit (a couple once, in its aanvrager's age band; an aanvrager living alone with studiefinanciering
  /// left out), and every other adult who is not the partner as `overig`. `nil` without the section.
  func assistanceSpreadByHousehold() -> AssistanceSpread? {
    guard scenario.inkomen.bijstandNaarLeefvorm != nil, scenario.inkomen.bijstandPersons > 0 else { return nil }
    let aowAge = scenario.kalibratieAow?.leeftijd
    let bands = scenario.inkomen.assistanceAgeRows(aowAge: aowAge).map { $0[0]..<$0[1] }
    let counts = Self.assistanceUnits(pilotSample(chunks: 1), bands: bands, date: date)
    return AssistanceSpread(scenario.inkomen, aowAge: aowAge, units: counts.units, adults: counts.adults, total: Int64(sampler.incomeTotal))
  }

  /// Per age band and ``AssistanceUnit``, the units of `p` that may be drawn on the bijstand, and all
  /// adults; also what the input margins count a drawn population by.
  public static func assistanceUnits(_ p: PopulationData, bands: [Range<Int64>], date: CivilDate) -> (units: [[Int]], adults: Int) {
    var units = [[Int]](repeating: [Int](repeating: 0, count: AssistanceUnit.allCases.count), count: bands.count)
    var adults = 0
    guard case .int32(let birth)? = p.personColumns["geboortedatum"] else { return (units, 0) }
    let grant: [UInt8]
    if case .uint8(let g)? = p.personColumns["studiefinanciering"] { grant = g } else { grant = [] }
    for h in 0..<p.householdCount {
      guard let type = HouseholdType(rawValue: p.householdType[h]) else { continue }
      for row in Int(p.personStart[h])..<Int(p.personStart[h + 1]) {
        let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
        guard age >= 18 else { continue }
        adults += 1
        // A couple is one unit, counted at its aanvrager.
        guard p.role[row] != 1, let unit = AssistanceUnit.of(role: p.role[row], type: type, grant: row < grant.count && grant[row] == 1) else { continue }
        if let b = bands.firstIndex(where: { $0.contains(age) }) { units[b][unit.rawValue] += 1 }
      }
    }
    return (units, adults)
  }

  /// Household income for the tenure profile, in cents: the aanvrager's and the partner's drawn
  /// personal income, or with `scale` every member's, standardised.
  public static func householdIncomes(_ p: PopulationData, scale: EquivalenceScale? = nil) -> [Int64] {
    guard case .int64(let income)? = p.personalIncome else { return [] }
    guard let scale else { return p.householdSums { p.role[$0] <= 1 ? income[$0] : 0 } }
    return scale.standardised(p.householdSums { income[$0] }, in: p)
  }
}

extension PopulationData {
  /// Per household, the sum of `value` over its members' rows.
  func householdSums(_ value: (Int) -> Int64) -> [Int64] {
    (0..<householdCount).map { h in (Int(personStart[h])..<Int(personStart[h + 1])).reduce(Int64(0)) { $0 + value($1) } }
  }
}

extension EquivalenceScale {
  /// Per household of `p`, `amounts[h]` standardised by its adults and minors (the members with role 2,
  /// children under 18, as the generator gives them).
  public func standardised(_ amounts: [Int64], in p: PopulationData) -> [Int64] {
    (0..<p.householdCount).map { h in
      let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
      let minors = members.filter { p.role[$0] == 2 }.count
      return standardised(amounts[h], adults: members.count - minors, minors: minors)
    }
  }
}

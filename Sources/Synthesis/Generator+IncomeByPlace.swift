import ExactArithmetic
import Foundation
import Population

extension Generator {
  /// The classes by place in the household (`inkomen.naar_leefvorm`), calibrated on the pilot sample of
  /// this generator (drawn by age alone); nil without the section. Who has income, at which age and in
  /// which household does not depend on the place weights (the bijstand and `zonder_inkomen` are drawn
  /// before the amount), so the pilot's counts are the population's and the expected loon per household
  /// is linear in the places' means (see ``PlaceCalibration``). The part of an income that is loon
  /// depends on its level (the werkgeversheffing stops at a maximum), so the generator calibrates twice:
  /// on one chunk drawn by age, then on the full pilot drawn with those weights (``calibratedIncomeByPlace()``).
  func incomeByPlace(chunks: Int = pilotChunks) -> IncomeByPlace? {
    guard let section = scenario.inkomen.naarLeefvorm else { return nil }
    let pilot = pilotSample(chunks: chunks)
    let bands = scenario.inkomen.naarLeeftijd?.banden.map { $0[0]..<$0[1] } ?? []
    let classes = scenario.inkomen.drawnClasses
    var calibration = PlaceCalibration(
      bandMeans: scenario.inkomen.placeBandMeans, targets: section.weights,
      reach: IncomeRaking.reachable(counts: classes.map { UInt64($0[2]) }, means: classes.map(IncomeDistribution.mean)),
      index: indexing.baseYear == nil ? 1_000_000_000_000_000_000 : indexFixedPoint, classMean: scenario.inkomen.classMeanEuros)
    guard case .int32(let birth)? = pilot.personColumns["geboortedatum"], case .int64(let income)? = pilot.personalIncome else {
      return IncomeByPlace(scenario.inkomen, calibration: calibration, weights: calibration.weights())
    }
    // The scenario check requires `inkomensbron`, so the pilot has loon.
    let loon: [Int64]? = if case .int64(let column)? = pilot.personColumns["loon"] { column } else { nil }
    func age(_ row: Int) -> Int64 { Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years) }
    for h in 0..<pilot.householdCount {
      let members = Int(pilot.personStart[h])..<Int(pilot.personStart[h + 1])
      guard let place = pilot.incomePlace(h) else {
        // With housemates everyone draws by age alone.
        for row in members where income[row] > 0 { calibration.unplaced[bands.firstIndex { $0.contains(age(row)) } ?? bands.count] += 1 }
        continue
      }
      let k = place.rawValue
      let described = section.describes(place, aanvragerAge: age(members.lowerBound))
      if described { calibration.households[k] += 1 }
      for row in members {
        let a = age(row)
        // Aanvrager and partner draw by the household's place, an adult child by its own.
        var own: IncomePlace? = nil
        if pilot.role[row] <= 1 { own = place } else if pilot.role[row] == 3 { own = place.adultChildren }
        if let own, income[row] > 0 && a < section.totLeeftijd {
          let band = bands.firstIndex { $0.contains(a) } ?? bands.count
          calibration.persons[band][own.rawValue] += 1
          if described {
            calibration.described[band][own.rawValue] += 1
            calibration.loon[band][own.rawValue] += Int128(loon?[row] ?? 0)
            calibration.drawn[band][own.rawValue] += Int128(income[row])
          }
        } else {
          if income[row] > 0 { calibration.unplaced[bands.firstIndex { $0.contains(a) } ?? bands.count] += 1 }
          // Everyone else keeps drawing by age: their loon as the pilot drew it (in euros · 1000).
          if described { calibration.others[k] += Int128(loon?[row] ?? 0) * 10 }
        }
      }
    }
    return IncomeByPlace(scenario.inkomen, calibration: calibration, weights: calibration.weights())
  }

  /// The classes by place, calibrated on one pilot chunk drawn by age, then again on the full pilot drawn
  /// with the first weights, so the loon share of each place is measured at about its own income level
  /// (with the pilot drawn by age alone, couples with young children came out 2–3 % above their ratio).
  func calibratedIncomeByPlace() -> IncomeByPlace? {
    guard let first = incomeByPlace(chunks: 1) else { return nil }
    var second = self
    second.sampler.incomeByPlace = first
    return second.incomeByPlace()
  }
}

extension PopulationData {
  /// The place in the household of household `h`'s aanvrager and partner (``IncomePlace``): its type,
  /// with a family split by whether a member has role 3 (a child of 18 or over); nil with housemates.
  public func incomePlace(_ h: Int) -> IncomePlace? {
    guard let type = HouseholdType(rawValue: householdType[h]) else { return nil }
    return IncomePlace(type, adultChild: (Int(personStart[h])..<Int(personStart[h + 1])).contains { role[$0] == 3 })
  }
}

extension Scenario.IncomeByHousehold {
  /// Whether the published means describe a household of `place` whose aanvrager is `aanvragerAge`:
  /// single persons and couples without children with an aanvrager below ``totLeeftijd`` (CBS: 'onder
  /// de AOW-leeftijd'), every family.
  public func describes(_ place: IncomePlace, aanvragerAge: Int64) -> Bool {
    switch place {
    case .alleenstaand, .paarZonderKinderen: aanvragerAge < totLeeftijd
    default: true
    }
  }
}

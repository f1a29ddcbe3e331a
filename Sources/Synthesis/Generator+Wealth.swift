import ExactArithmetic
import Population

extension Generator {
  /// The vermogen classes raked by age of the aanvrager within each tenure (``WealthByAge``), from one
  /// pilot chunk drawn with the tenure profile: per tenure, the households per age band with a median
  /// and the rest. Households whose aanvrager is drawn on the bijstand draw from `vermogen_bijstand`
  /// instead when the scenario has it, so they are not counted. `nil` without medians.
  func calibratedWealthByAge() -> WealthByAge? {
    guard let byTenure = scenario.vermogenNaarWoning, let medians = byTenure.mediaanNaarLeeftijd else { return nil }
    let pilot = pilotSample(chunks: 1)
    guard case .uint8(let renting)? = pilot.householdColumns["woning.huurder"], case .int32(let birth)? = pilot.personColumns["geboortedatum"]
    else { return nil }
    let renterBands = (medians.huurders ?? []).map { $0[0]..<$0[1] }
    let ownerBands = (medians.eigenaren ?? []).map { $0[0]..<$0[1] }
    var renters = [Int](repeating: 0, count: renterBands.count + 1)
    var owners = [Int](repeating: 0, count: ownerBands.count + 1)
    let ownWealthOnAssistance = sampler.wealthOnAssistance != nil
    for h in 0..<pilot.householdCount {
      if ownWealthOnAssistance && pilot.assistanceUse(h) == .user { continue }
      let age = Int64(CivilDate(dayNumber: Int(birth[Int(pilot.personStart[h])])).age(on: date).years)
      if renting[h] == 1 {
        renters[renterBands.firstIndex { $0.contains(age) } ?? renterBands.count] += 1
      } else {
        owners[ownerBands.firstIndex { $0.contains(age) } ?? ownerBands.count] += 1
      }
    }
    return WealthByAge(byTenure, renterCounts: renters, ownerCounts: owners)
  }
}

import ExactArithmetic
import Population

extension Generator {
  /// The vermogen classes raked by age of the aanvrager within each tenure (``WealthByAge``), from one
  /// pilot chunk drawn with the tenure profile: per tenure, the households per age band with a median
  /// and the rest. Households whose aanvrager is drawn on the bijstand draw from `vermogen_bijstand`
  /// instead when the scenario has it; they still count in the published median, so each band's
  /// drawn households are raked to make up for them (``WealthMedianRaking/Outside``). `nil` without
  /// medians.
  func calibratedWealthByAge() -> WealthByAge? {
    guard let byTenure = scenario.vermogenNaarWoning, let medians = byTenure.mediaanNaarLeeftijd else { return nil }
    let pilot = pilotSample(chunks: 1)
    guard case .uint8(let renting)? = pilot.householdColumns["woning.huurder"], case .int32(let birth)? = pilot.personColumns["geboortedatum"]
    else { return nil }
    let rows = (renters: medians.huurders ?? [], owners: medians.eigenaren ?? [])
    var renters = WealthByAge.Counts(drawn: [Int](repeating: 0, count: rows.renters.count + 1), outside: Array(repeating: .init(), count: rows.renters.count))
    var owners = WealthByAge.Counts(drawn: [Int](repeating: 0, count: rows.owners.count + 1), outside: Array(repeating: .init(), count: rows.owners.count))
    let onAssistance = scenario.vermogenBijstand
    for h in 0..<pilot.householdCount {
      let age = Int64(CivilDate(dayNumber: Int(birth[Int(pilot.personStart[h])])).age(on: date).years)
      let bands = renting[h] == 1 ? rows.renters : rows.owners
      let band = bands.firstIndex { $0[0] <= age && age < $0[1] }
      if let classes = onAssistance, pilot.assistanceUse(h) == .user {
        guard let band else { continue }
        let below = Self.expectedBelow(classes, bands[band][2])
        if renting[h] == 1 {
          renters.outside[band].households += WealthMedianRaking.one
          renters.outside[band].below += below
        } else {
          owners.outside[band].households += WealthMedianRaking.one
          owners.outside[band].below += below
        }
        continue
      }
      if renting[h] == 1 { renters.drawn[band ?? rows.renters.count] += 1 } else { owners.drawn[band ?? rows.owners.count] += 1 }
    }
    return WealthByAge(byTenure, renterCounts: renters, ownerCounts: owners)
  }

  /// The chance that a whole-euro draw from `classes` (`[van, tot, gewicht]`, uniform inside) lies
  /// below `amount`, in the fixed point of ``WealthMedianRaking/one``.
  static func expectedBelow(_ classes: [[Int64]], _ amount: Int64) -> Int128 {
    let total = classes.reduce(Int128(0)) { $0 + Int128($1[2]) }
    guard total > 0 else { return 0 }
    let weighted = classes.reduce(Int128(0)) { sum, c in
      let width = Int128(c[1] - c[0])
      let inside = min(max(Int128(amount) - Int128(c[0]), 0), width)
      return sum + Int128(c[2]) * ((WealthMedianRaking.one * inside) / width)
    }
    return weighted / total
  }

  /// Why the scenario cannot be drawn as it asks (``WealthByAge/problems``), one line each with its YAML
  /// path; empty when it can. The commands refuse a run with a problem (exit 2) before writing anything.
  public var calibrationProblems: [String] { sampler.wealthByAge?.problems ?? [] }

  /// Throws the ``calibrationProblems`` as one ``ScenarioError``: a scenario the generator cannot draw as
  /// it asks is refused before anything is drawn.
  public func requireCalibrated() throws {
    guard calibrationProblems.isEmpty else { throw ScenarioError(description: calibrationProblems.joined(separator: "\n")) }
  }
}

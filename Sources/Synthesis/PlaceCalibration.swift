/// The weights of ``IncomeByPlace`` that give the published ratios of primary income per household
/// between leefvormen (`inkomen.naar_leefvorm`), from a pilot's counts.
///
/// With weights `w` per place (``IncomePlace``), a band `b` gives place `q` the mean
/// `m_q = T_b · w_q · S_b / W_b(w)`, where `S_b` are the band's persons with income that draw by place and
/// `W_b = Σ n_q · w_q`, kept inside what the income classes reach (``reach``). The expected loon of the
/// households of place `p` that the targets describe is then `E_p = (Σ_q Σ_b N_qb · m_qb · L_qb / I_qb +
/// O_p) / H_p` over the places `q` of its members (the aanvrager and partner, and in a family with a
/// child of 18 or over that child): `N` the persons with income of those households, `L / I` the part of
/// their drawn income that is loon in the pilot (not an uitkering, without the werkgeversheffing), `O`
/// the loon of their other members (anyone from the section's age on), `H` the households.
///
/// The weights are found by a fixed point in integers (weights per 10⁹), so every machine finds the same,
/// with the single person's weight held at one: a household place `p` with its own weight gets
/// `w_p ← w_p · (R_p / R₀) / (E_p / E₀)`. The parents of an adult child take the weight of the same family
/// with young children (``IncomePlace/calibratedAs``: CBS publishes only the family's total), and the
/// adult children's weight makes up the rest of their family's published mean, `w ← w · (E*_p · H_p −
/// parents − O_p) / children`: without it the children, drawn by their age band, earned as much as anyone
/// of their age, and their families a fifth more than CBS finds.
struct PlaceCalibration {
  /// The fixed point of the weights: one is 10⁹.
  static let one: Int128 = 1_000_000_000
  /// The band means `T_b` (euros), the last for ages outside every band.
  let bandMeans: [Int64]
  /// The published means per place (only their ratios count).
  let targets: [Int64]
  /// The means the income classes can be raked to (euros), lowest and highest exclusive.
  let reach: ClosedRange<Int64>
  /// The factor (per 10¹⁸) that brings the band means, in the income table's year, to the year of the
  /// pilot's loon (``Indexing``), so `L · m` and `O` are in the same euros.
  let index: Int128
  /// Per band and place: the persons with income below the section's age (`n`).
  var persons: [[Int128]]
  /// Per band and place, over the persons with income of the described households: how many (`N`), their
  /// loon (`L`) and their drawn income (`I`), in the pilot's cents.
  var described: [[Int128]]
  var loon: [[Int128]]
  var drawn: [[Int128]]
  /// Per place: the loon of the other members of the described households (`O`, euros · 1000).
  var others: [Int128]
  /// Per place: the described households (`H`).
  var households: [Int128]
  /// Per band: the persons with income who draw by their age band alone (housemates, anyone from the
  /// section's age on, anyone else without a place), who keep the band's mean.
  var unplaced: [Int128]
  /// The mean of the income classes (euros): all persons with income together draw it
  /// (``meanScale``); nil leaves the band means as they are.
  let classMean: Int64?

  init(bandMeans: [Int64], targets: [Int64], reach: ClosedRange<Int64>, index: Int128, classMean: Int64? = nil) {
    self.bandMeans = bandMeans
    self.classMean = classMean
    self.targets = targets
    self.reach = reach
    self.index = index
    let zero = Array(repeating: Array(repeating: Int128(0), count: IncomePlace.allCases.count), count: bandMeans.count)
    persons = zero
    described = zero
    loon = zero
    drawn = zero
    households = Array(repeating: 0, count: targets.count)
    others = households
    unplaced = Array(repeating: 0, count: bandMeans.count)
  }

  /// The mean per band and place (euros) under `weights`, strictly inside ``reach``; a band without
  /// persons weighs places equally.
  func means(_ weights: [Int128]) -> [[Int128]] {
    let (low, high) = (Int128(reach.lowerBound) + 1, Int128(reach.upperBound) - 1)
    return unboundedMeans(weights).map { row in row.map { min(max($0, low), max(low, high)) } }
  }

  /// The factor, as a fraction, that brings every band's mean to what makes all persons with income
  /// together draw the classes' mean: `classMean · Σ P_b / Σ P_b · T_b` over the bands' persons with
  /// income `P_b` (placed and not), 1 without persons or without ``classMean``. The bands give the ratio
  /// of their mean to the national mean of their source; applied to the classes' mean with this pilot's
  /// ages they need not add up to what the classes hold (the national scenario: 0,997 with the bands and
  /// classes of adults, 0,97 when the classes still held those under 18).
  var meanScale: (numerator: Int128, denominator: Int128) {
    let perBand = zip(persons, unplaced).map { $0.reduce(0, +) + $1 }
    let all = perBand.reduce(0, +)
    let weighted = zip(perBand, bandMeans).reduce(Int128(0)) { $0 + $1.0 * Int128($1.1) }
    guard let classMean, classMean > 0, all > 0, weighted > 0 else { return (1, 1) }
    return (Int128(classMean) * all, weighted)
  }

  /// The band means (euros) after ``meanScale``: the means every band's unplaced persons are raked to.
  var scaledBandMeans: [Int64] {
    let (numerator, denominator) = meanScale
    return bandMeans.map { Int64(Int128($0) * numerator / denominator) }
  }

  /// The mean per band and place (euros) under `weights` before it is kept inside ``reach``.
  func unboundedMeans(_ weights: [Int128]) -> [[Int128]] {
    zip(scaledBandMeans, persons).map { mean, row in
      let n = row.contains { $0 > 0 } ? row : row.map { _ in Int128(1) }
      let total = n.reduce(0, +)
      let weighted = zip(n, weights).reduce(Int128(0)) { $0 + $1.0 * $1.1 }
      return weights.map { (weight: Int128) -> Int128 in Int128(mean) * weight * total / weighted }
    }
  }

  /// The cells (band, place) with persons whose mean under `weights` stopped at the edge of what the
  /// income classes reach: there the place's persons earn less (or more) than the weight asks.
  func clamped(_ weights: [Int128]) -> [(band: Int, place: IncomePlace)] {
    let (low, high) = (Int128(reach.lowerBound) + 1, Int128(reach.upperBound) - 1)
    return unboundedMeans(weights).enumerated().flatMap { b, row in
      IncomePlace.allCases.filter { persons[b][$0.rawValue] > 0 && (row[$0.rawValue] < low || row[$0.rawValue] > high) }.map { (b, $0) }
    }
  }

  /// Whether `weight` stopped at a bound of ``weights()`` (1/16 or 16 times the first).
  static func isBound(_ weight: Int128) -> Bool { weight <= one / 16 || weight >= 16 * one }

  /// Per place, the expected loon of its persons with income in the described households (euros of the
  /// pilot's year · 1000). Every product stays below 2¹¹⁰ for counts below 10⁷, means below 10¹⁰ euros and
  /// an index below 10³.
  func expectedParts(_ weights: [Int128]) -> [Int128] {
    let m = means(weights)
    return IncomePlace.allCases.map { place in
      let q = place.rawValue
      let sum = (0..<bandMeans.count).reduce(Int128(0)) { sum, b in
        guard drawn[b][q] > 0 else { return sum }
        // The loon share per million first, so no product holds two sums of cents.
        let share = loon[b][q] * 1_000_000 / drawn[b][q]
        let part: Int128 = described[b][q] * m[b][q] * share / 1000
        return sum + part
      }
      return sum * (index / Self.one) / Self.one
    }
  }

  /// The expected loon per described household of each household place (``IncomePlace/households``,
  /// euros of the pilot's year · 1000), 0 without households.
  func expectedLoon(_ weights: [Int128]) -> [Int128] {
    let parts = expectedParts(weights)
    return IncomePlace.households.map { place in
      let p = place.rawValue
      guard households[p] > 0 else { return 0 }
      var total: Int128 = parts[p] + others[p]
      if let children = place.adultChildren { total += parts[children.rawValue] }
      return total / households[p]
    }
  }

  /// The weights (per 10⁹, per ``IncomePlace``) after 60 rounds of the fixed point. A place without
  /// described households or loon keeps its weight; every weight stays within 1/16 to 16 times the first.
  func weights() -> [Int128] {
    var w = Array(repeating: Self.one, count: IncomePlace.allCases.count)
    func bounded(_ x: Int128) -> Int128 { min(max(x, Self.one / 16), 16 * Self.one) }
    for _ in 0..<60 {
      let e = expectedLoon(w)
      guard e[0] > 0 else { return w }
      for place in IncomePlace.households.dropFirst() where e[place.rawValue] > 0 {
        let p = place.rawValue
        if let children = place.adultChildren {
          // The children make up what the parents (and anyone from the age on) leave of E*_p · H_p.
          let parts = expectedParts(w)
          let c = children.rawValue
          let perHousehold: Int128 = Int128(targets[p]) * e[0] / Int128(targets[0])
          let wanted: Int128 = perHousehold * households[p] - parts[p] - others[p]
          if parts[c] > 0 { w[c] = bounded(w[c] * max(wanted, Int128(0)) / parts[c]) }
        } else if place.calibratedAs == place {
          // wₚ · (Rₚ / R₀) · (E₀ / Eₚ)
          let ratio: Int128 = Int128(targets[0]) * e[p]
          w[p] = bounded(w[p] * Int128(targets[p]) * e[0] / ratio)
        }
      }
      for place in IncomePlace.allCases where place.calibratedAs != place { w[place.rawValue] = w[place.calibratedAs.rawValue] }
    }
    return w
  }
}

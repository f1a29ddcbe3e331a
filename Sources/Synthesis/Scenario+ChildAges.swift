import ExactArithmetic
import Foundation

/// The ages of the children living at home, calibrated to the published number per age band.
///
/// Without `kinderen.leeftijd` the generator draws a child's age uniformly from 0 to the youngest
/// parent's age minus 18, at most 24 (the assumption of earlier scenarios). With it, a child's age comes
/// from the scenario's bands `[van, tot, aantal]` (children living at home per age band), restricted to
/// the ages the youngest parent — the aanvrager, or in a couple the younger of aanvrager and partner —
/// can have had the child at (`kinderen.ouder_bij_geboorte: [van, tot]`, in whole years at the peildatum,
/// tot exclusive), so no parent was a child at the birth (give or take the birthdays within the year).
/// Young parents cannot have adult children, so drawing from the published numbers as they stand would
/// put too few children in the older bands: the band weights are raked (iterative proportional fitting
/// on this one margin) until the expected share of every band among all children equals its published
/// share. The expectation is exact and follows the generator's
/// own draws: the aanvrager's age from the type's bands after `kalibratie_aow`, uniform inside a band; in
/// a couple the partner's age the aanvrager's plus −6 to +6 years, each equally likely, at least 19; the
/// number of children per household from `kinderen`; a child's age uniform inside its band.
public struct ChildAgeCalibration: Sendable {
  /// The bands `[van, tot, gewicht]` after raking, with integer weights.
  public let bands: [[Int64]]
  /// Per band: the published share and the expected share after raking.
  public let target: [Rational]
  public let expected: [Rational]
  /// The youngest parent's age at the child's birth: `lower ..< upper` years.
  public let parentAge: Range<Int64>

  /// Rakes the scenario's child-age bands; nil when the scenario has no `kinderen.leeftijd`.
  public init?(_ s: Scenario) {
    guard let published = s.kinderen.leeftijd, let window = s.kinderen.ouderBijGeboorte, window.count == 2 else { return nil }
    parentAge = window[0]..<window[1]
    let total = Rational(Int(published.reduce(0) { $0 + $1[2] }))
    let targets = published.map { Rational(Int($0[2])).dividedBy(total) ?? .zero }
    target = targets
    let heads = Self.heads(s)
    var weights = Self.normalised(published.map { $0[2] })
    var shares = Self.expectedShares(published, weights: weights, heads: heads, parentAge: parentAge)
    // Until every band is within 1/100.000 of its share, or the fit stops improving (a share the ages
    // cannot reach: validation then names it): at most 100 steps.
    var history: [Rational] = []
    for _ in 0..<100 {
      let worst = zip(shares, targets).map { ($0 - $1).magnitude }.max() ?? .zero
      if worst <= Rational(1) / 100_000 { break }
      if history.count >= 10, worst * 10 > history[history.count - 10] * 9 { break }
      history.append(worst)
      // One raking step: every weight times its band's published share over its expected share, then
      // all scaled to sum to 10^9 and rounded (a band with a published share keeps at least 1).
      let scaled = weights.indices.map { b -> Rational in
        guard !targets[b].isZero else { return .zero }
        let factor = shares[b].isZero ? Rational(1000) : targets[b].dividedBy(shares[b])!
        return Rational(Int(weights[b])) * factor
      }
      let sum = scaled.reduce(Rational.zero, +)
      weights = scaled.map { w in
        guard !w.isZero, !sum.isZero else { return 0 }
        return max(1, Int64((w * 1_000_000_000).dividedBy(sum)!.rounded(to: .one, mode: .rekenkundig).intValue ?? 1))
      }
      shares = Self.expectedShares(published, weights: weights, heads: heads, parentAge: parentAge)
    }
    bands = zip(published, weights).map { [$0[0], $0[1], $1] }
    expected = shares
  }

  /// Weights scaled to sum to about 10^9, each positive weight at least 1.
  static func normalised(_ w: [Int64]) -> [Int64] {
    let sum = w.reduce(Int128(0)) { $0 + Int128($1) }
    guard sum > 0 else { return w }
    return w.map { $0 == 0 ? 0 : max(1, Int64((Int128($0) * 1_000_000_000 + sum / 2) / sum)) }
  }

  /// Per age of the youngest parent: the expected number of children in the country whose youngest
  /// parent has that age, over the household types with children (couples and single parents), from the
  /// composition, the number of children per household, the aanvrager's age bands after the AOW
  /// calibration and, in a couple, the partner's age (``Generator/partnerAgeOffsets``).
  static func heads(_ s: Scenario) -> [(age: Int64, children: Rational)] {
    func children(_ counts: [Int64], households: Int64) -> Rational {
      let n = counts.reduce(0, +)
      guard n > 0 else { return .zero }
      let perHousehold = Rational(Int(counts[0] + 2 * counts[1] + 3 * counts[2])).dividedBy(Rational(Int(n)))!
      return perHousehold * Rational(Int(households))
    }
    let c = s.samenstelling
    let ages = AgeCalibrationResult(s).bands
    let types: [(children: Rational, bands: [[Int64]], couple: Bool)] = [
      (children(s.kinderen.paarGehuwd, households: c.paarMetKinderenGehuwd) + children(s.kinderen.paarSamenwonend, households: c.paarMetKinderenSamenwonend),
       ages[.paarMetKinderen] ?? [], true),
      (children(s.kinderen.eenouder, households: c.eenouder), ages[.eenouder] ?? [], false),
    ]
    let offsets = Generator.partnerAgeOffsets
    var perAge: [Int64: Rational] = [:]
    for type in types {
      let totalWeight = type.bands.reduce(Int64(0)) { $0 + $1[2] }
      guard totalWeight > 0, !type.children.isZero else { continue }
      for band in type.bands where band[2] > 0 {
        // Every age in the aanvrager's band is equally likely.
        let share = type.children * Rational(Int(band[2])) / Int(totalWeight) / Int(band[1] - band[0])
        for age in band[0]..<band[1] {
          guard type.couple else {
            perAge[age] = (perAge[age] ?? .zero) + share
            continue
          }
          // Every partner offset is equally likely; the child fits the younger of the two.
          let perOffset = share / offsets.count
          for d in offsets {
            let youngest = Generator.youngestParentAge(head: age, partner: Generator.partnerAge(head: age, offset: d))
            perAge[youngest] = (perAge[youngest] ?? .zero) + perOffset
          }
        }
      }
    }
    return perAge.keys.sorted().map { ($0, perAge[$0]!) }
  }

  /// The expected share of every band among all children, for `weights` on `bands`.
  static func expectedShares(_ bands: [[Int64]], weights: [Int64], heads: [(age: Int64, children: Rational)], parentAge: Range<Int64>) -> [Rational] {
    var sums = [Rational](repeating: .zero, count: bands.count)
    for head in heads {
      let p = probabilities(bands, weights: weights, youngestParentAge: head.age, parentAge: parentAge)
      for b in bands.indices where !p[b].isZero { sums[b] = sums[b] + head.children * p[b] }
    }
    let all = sums.reduce(Rational.zero, +)
    return sums.map { all.isZero ? .zero : $0.dividedBy(all)! }
  }

  /// The chance of every band for a child whose youngest parent is `youngestParentAge` old.
  static func probabilities(_ bands: [[Int64]], weights: [Int64], youngestParentAge: Int64, parentAge: Range<Int64>) -> [Rational] {
    let ages = feasibleAges(bands, weights: weights, youngestParentAge: youngestParentAge, parentAge: parentAge)
    var mass = bands.indices.map { b -> Rational in
      let overlap = max(0, min(bands[b][1], ages.upperBound) - max(bands[b][0], ages.lowerBound))
      return Rational(Int(weights[b])) * Rational(Int(overlap)) / Int(bands[b][1] - bands[b][0])
    }
    let total = mass.reduce(Rational.zero, +)
    guard !total.isZero else {
      // No band reaches the window: the child is a newborn (see ``feasibleAges``).
      mass = bands.map { $0[0] == 0 ? Rational.one : .zero }
      return mass
    }
    return mass.map { $0.dividedBy(total)! }
  }

  /// The ages a child whose youngest parent is `youngestParentAge` old can have: born when that parent was within
  /// `parentAge`; when no band with weight reaches that window (a parent far older than any band),
  /// every age up to the parent's age minus the lower bound; a parent younger than that has a newborn.
  static func feasibleAges(_ bands: [[Int64]], weights: [Int64], youngestParentAge: Int64, parentAge: Range<Int64>) -> Range<Int64> {
    let newest = youngestParentAge - parentAge.lowerBound
    guard newest >= 0 else { return 0..<1 }
    let window = max(0, youngestParentAge - parentAge.upperBound + 1)..<(newest + 1)
    let reached = bands.indices.contains { weights[$0] > 0 && bands[$0][0] < window.upperBound && bands[$0][1] > window.lowerBound }
    return reached ? window : 0..<(newest + 1)
  }
}

/// Draws a child's age for its youngest parent's age, from the raked bands (``ChildAgeCalibration``).
struct ChildAgeSampler: Sendable {
  /// Per age 0…130 of the youngest parent: the youngest age the child can have and the choice among the ages from there.
  let byParentAge: [(first: Int64, choice: WeightedChoice)]

  init(_ c: ChildAgeCalibration) {
    let weights = c.bands.map { $0[2] }
    // Every age in a band weighs weight / width: multiplied by the widths' least common multiple, so
    // the integer weights are exact (rounded instead when that multiple grows past 2^20).
    var scale: Int64 = 1
    for b in c.bands {
      let w = b[1] - b[0]
      let next = scale / Self.gcd(scale, w) * w
      scale = next <= 1 << 20 ? next : scale
    }
    byParentAge = (Int64(0)...130).map { youngest in
      let ages = ChildAgeCalibration.feasibleAges(c.bands, weights: weights, youngestParentAge: youngest, parentAge: c.parentAge)
      var perAge: [UInt64] = []
      for age in ages {
        guard let b = c.bands.firstIndex(where: { $0[0] <= age && age < $0[1] }) else { perAge.append(0); continue }
        let width = c.bands[b][1] - c.bands[b][0]
        perAge.append(UInt64((Int128(weights[b]) * Int128(scale) + Int128(width / 2)) / Int128(width)))
      }
      // No band with weight in reach: a newborn (as the calibration's expectation assumes).
      guard perAge.contains(where: { $0 > 0 }) else { return (0, WeightedChoice([1])) }
      return (ages.lowerBound, WeightedChoice(perAge))
    }
  }

  static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }

  /// A child's age for a youngest parent of `youngestParentAge`.
  func sample(youngestParentAge: Int64, _ r: inout RandomSource) -> Int64 {
    let entry = byParentAge[Int(min(max(youngestParentAge, 0), 130))]
    return entry.first + Int64(entry.choice.pick(&r))
  }
}

extension Scenario {
  /// `kinderen.leeftijd` and `kinderen.ouder_bij_geboorte` come together: bands that follow each other
  /// from age 0, each with a positive count, and a window of ages at birth the bands can be reached from.
  func validateChildAges(_ fail: (String) -> ScenarioError) throws {
    switch (kinderen.leeftijd, kinderen.ouderBijGeboorte) {
    case (nil, nil): return
    case (nil, _): throw fail("kinderen.ouder_bij_geboorte zonder kinderen.leeftijd: geef ook de kinderen per leeftijdsband")
    case (_, nil): throw fail("kinderen.leeftijd zonder kinderen.ouder_bij_geboorte: geef ook [van, tot], de leeftijd van de jongste ouder bij de geboorte")
    case (let bands?, let window?):
      guard window.count == 2, (12...80).contains(window[0]), window[0] < window[1], window[1] <= 81 else {
        throw fail("kinderen.ouder_bij_geboorte: [van, tot] in jaren (tot exclusief), van ten minste 12, tot ten hoogste 81 en van < tot, niet \(window)")
      }
      guard (1...20).contains(bands.count) else { throw fail("kinderen.leeftijd: 1 tot en met 20 banden, niet \(bands.count)") }
      var next: Int64 = 0
      for (i, b) in bands.enumerated() {
        guard b.count == 3 else { throw fail("kinderen.leeftijd[\(i)]: iedere band is [van, tot, aantal]") }
        guard b[0] == next else { throw fail("kinderen.leeftijd[\(i)]: de banden sluiten op elkaar aan vanaf 0; verwacht van = \(next), niet \(b[0])") }
        guard b[0] < b[1], b[1] <= 100 else { throw fail("kinderen.leeftijd[\(i)]: van < tot, tot ten hoogste 100, niet [\(b[0]), \(b[1])]") }
        guard (1...100_000_000).contains(b[2]) else { throw fail("kinderen.leeftijd[\(i)]: een aantal kinderen van 1 tot en met 100.000.000, niet \(b[2])") }
        next = b[1]
      }
      guard let calibration = ChildAgeCalibration(self) else { return }
      // Name a band that stays short of its share (the others are then over theirs).
      let misses = zip(calibration.expected, calibration.target).enumerated().filter { ($0.1.0 - $0.1.1).magnitude > Rational(1) / 1000 }
      guard let (b, (reached, wanted)) = misses.first(where: { $0.1.0 < $0.1.1 }) ?? misses.first else { return }
      func percent(_ r: Rational) -> String { (r * 100).dutchDecimal(fractionDigits: 1) + " %" }
      throw fail("kinderen.leeftijd[\(b)]: het aandeel kinderen van \(bands[b][0]) tot \(bands[b][1]) jaar is met de leeftijden van de jongste ouders en kinderen.ouder_bij_geboorte niet te halen (gevraagd \(percent(wanted)), het dichtstbij \(percent(reached)))")
    }
  }
}

/// Raking one tenure's vermogen classes over the age groups of its households, so that every age band
/// with a published median has half its households below that median, and all groups together keep the
/// tenure's published class shares.
///
/// The classes are first cut at every median that falls inside one (a cut class keeps its weight in
/// proportion to the widths of its pieces, as a uniform draw inside it would). A cell is a group (each
/// band with a median, then the rest of the ages) times a piece. The cells start independent (every
/// group draws the tenure's classes) and iterative proportional fitting alternates three margins: each
/// band's cells below its median and above it to half the band's households each, the rest's row to
/// its households, and each piece's column to the tenure's share of it. The medians move vermogen
/// between ages inside the tenure: the rest gives what the banded ages take.
///
/// Everything is in integers (a fixed point of 2⁴⁰ per household), so every machine finds the same
/// weights. The margins can only be met when they are consistent: a band cannot have half its
/// households above a median when the whole tenure has fewer there. Then the fitting stops after
/// ``maxRounds`` with ``converged`` false, and the input margins of `toets validate` show the miss.
struct WealthMedianRaking {
  /// The fixed point of the cells: one household is 2⁴⁰.
  static let one: Int128 = 1 << 40
  /// The fitting stops when every band's share below its median and the rest's households are within
  /// 1/100.000 of their targets (far below the noise of a pilot sample).
  static let tolerance: Int128 = 100_000
  static let maxRounds = 500

  /// The classes cut at the medians: `[van, tot)` in euros.
  let pieces: [(Int64, Int64)]
  /// Per group (the bands in the order given, then the rest), the weight of each piece (at most 2⁵⁶).
  let weights: [[Int64]]
  /// The rounds fitted, and whether the margins were met within ``tolerance``.
  let rounds: Int
  let converged: Bool

  /// Rakes `classes` (`[van, tot, gewicht]`) to `medians` (one per band, euros) for groups of
  /// `households` (one count per band, then the rest; from a pilot). A group without households keeps
  /// the tenure's own classes.
  init(classes: [[Int64]], medians: [Int64], households: [Int]) {
    let cuts = Self.cut(classes, at: medians)
    pieces = cuts.map { ($0.low, $0.high) }
    let groups = households.count
    let total = Int128(households.reduce(0, +))
    // The column targets: every piece's share of the tenure's households, in the fixed point.
    let columns = cuts.map { (total * Self.one * $0.share) >> Self.shareBits }
    var cells = (0..<groups).map { g in columns.map { total > 0 ? $0 * Int128(households[g]) / total : 0 } }
    var round = 0
    var met = total == 0
    while !met && round < Self.maxRounds {
      round += 1
      for g in 0..<groups where households[g] > 0 {
        let target = Int128(households[g]) * Self.one
        if g < medians.count {
          let below = cuts.indices.filter { cuts[$0].high <= medians[g] }
          let above = cuts.indices.filter { cuts[$0].high > medians[g] }
          Self.scale(&cells[g], below, to: target / 2)
          Self.scale(&cells[g], above, to: target - target / 2)
        } else {
          Self.scale(&cells[g], Array(cuts.indices), to: target)
        }
      }
      for k in cuts.indices {
        let sum = (0..<groups).reduce(Int128(0)) { $0 + cells[$1][k] }
        guard sum > 0 else { continue }
        for g in 0..<groups { cells[g][k] = cells[g][k] * columns[k] / sum }
      }
      met = (0..<groups).allSatisfy { g in
        guard households[g] > 0 else { return true }
        let target = Int128(households[g]) * Self.one
        let part = g < medians.count ? cuts.indices.filter { cuts[$0].high <= medians[g] }.reduce(Int128(0)) { $0 + cells[g][$1] } : cells[g].reduce(0, +)
        let goal = g < medians.count ? target / 2 : target
        let gap = part > goal ? part - goal : goal - part
        return gap * Self.tolerance <= target
      }
    }
    rounds = round
    converged = met
    weights = (0..<groups).map { g in
      households[g] > 0 ? cells[g].map { Int64(clamping: $0 >> 16) } : cuts.map { Int64(clamping: $0.share) }
    }
  }

  /// Multiplies the cells at `indices` so that they sum to `target` (left alone when they sum to 0).
  static func scale(_ row: inout [Int128], _ indices: [Int], to target: Int128) {
    let sum = indices.reduce(Int128(0)) { $0 + row[$1] }
    guard sum > 0 else { return }
    for k in indices { row[k] = row[k] * target / sum }
  }

  /// The bits of a piece's share of its tenure (``cut(_:at:)``).
  static let shareBits = 32

  /// The classes cut at every median strictly inside one, each piece with its share of all the classes'
  /// weight in a fixed point of 2³² (a cut class shares its weight in proportion to the widths).
  static func cut(_ classes: [[Int64]], at medians: [Int64]) -> [(low: Int64, high: Int64, share: Int128)] {
    let total = classes.reduce(Int128(0)) { $0 + Int128($1[2]) }
    var out: [(low: Int64, high: Int64, share: Int128)] = []
    for c in classes {
      let inside = Set(medians.filter { $0 > c[0] && $0 < c[1] }).sorted()
      let bounds = [c[0]] + inside + [c[1]]
      let width = Int128(c[1] - c[0])
      for (lo, hi) in zip(bounds, bounds.dropFirst()) {
        // weight ≤ 10¹⁵ (validated), times a width ≤ 10¹¹ euros, times 2³²: below 2¹²⁷.
        out.append((lo, hi, total > 0 ? ((Int128(c[2]) * Int128(hi - lo)) << shareBits) / width / total : 0))
      }
    }
    return out
  }
}

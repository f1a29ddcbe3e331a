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
  /// The fitting stops when every band's households below and above its median, and the rest's
  /// households, are within 1/100.000 of the group's households of their goals (far below the noise
  /// of a pilot sample).
  static let tolerance: Int128 = 100_000
  static let maxRounds = 500

  /// The classes cut at the medians: `[van, tot)` in euros.
  let pieces: [(Int64, Int64)]
  /// Per group (the bands in the order given, then the rest), the weight of each piece (at most 2⁴⁰;
  /// a group without households: the tenure's shares, at most 2³²).
  let weights: [[Int64]]
  /// The rounds fitted, and whether the margins were met within ``tolerance``.
  let rounds: Int
  let converged: Bool
  /// Per band, the share of all its households (those drawn here and ``Outside`` ones) below its median
  /// under the returned weights, per million.
  let belowPerMillion: [Int128]

  /// Households of a band that draw their vermogen elsewhere (those on the bijstand draw from
  /// `vermogen_bijstand`) but count in the published median: how many, and how many of them are
  /// expected below the band's median, in the fixed point (``one`` per household).
  struct Outside {
    var households: Int128 = 0
    var below: Int128 = 0
  }

  /// Rakes `classes` (`[van, tot, gewicht]`) to `medians` (one per band, euros) for groups of
  /// `households` drawn here (one count per band, then the rest; from a pilot), with `outside` per band
  /// (none when empty). A group without households keeps the tenure's own classes.
  init(classes: [[Int64]], medians: [Int64], households: [Int], outside: [Outside] = []) {
    let cuts = Self.cut(classes, at: medians)
    pieces = cuts.map { ($0.low, $0.high) }
    let groups = households.count
    let total = Int128(households.reduce(0, +))
    // The column targets: every piece's share of the tenure's households, in the fixed point.
    let columns = cuts.map { (total * Self.one * $0.share) >> Self.shareBits }
    var cells = (0..<groups).map { g in columns.map { total > 0 ? $0 * Int128(households[g]) / total : 0 } }
    let below = medians.map { m in cuts.indices.filter { cuts[$0].high <= m } }
    let above = medians.map { m in cuts.indices.filter { cuts[$0].high > m } }
    // Per band, what its drawn households must hold below the median so that half of all of them do; a
    // target outside 0…all cannot be met (left at the nearest bound; the fitting then does not converge).
    let goals: [(below: Int128, all: Int128)] = medians.indices.map { g in
      let drawn = Int128(households[g]) * Self.one
      let o = g < outside.count ? outside[g] : Outside()
      let wanted = (drawn + o.households) / 2 - o.below
      return (min(max(wanted, 0), drawn), drawn)
    }
    var round = 0
    var met = total == 0
    while !met && round < Self.maxRounds {
      round += 1
      for g in 0..<groups where households[g] > 0 {
        if g < medians.count {
          Self.scale(&cells[g], below[g], to: goals[g].below)
          Self.scale(&cells[g], above[g], to: goals[g].all - goals[g].below)
        } else {
          Self.scale(&cells[g], Array(cuts.indices), to: Int128(households[g]) * Self.one)
        }
      }
      for k in cuts.indices {
        let sum = (0..<groups).reduce(Int128(0)) { $0 + cells[$1][k] }
        guard sum > 0 else { continue }
        for g in 0..<groups { cells[g][k] = cells[g][k] * columns[k] / sum }
      }
      // Met when every band's part below and above its median, and the rest's row, are within the
      // tolerance of their goals (the columns are exact after the step above).
      func near(_ part: Int128, _ goal: Int128, of all: Int128) -> Bool { (part > goal ? part - goal : goal - part) * Self.tolerance <= all }
      func sum(_ g: Int, _ indices: [Int]) -> Int128 { indices.reduce(Int128(0)) { $0 + cells[g][$1] } }
      met = (0..<groups).allSatisfy { g in
        guard households[g] > 0 else { return true }
        let all = Int128(households[g]) * Self.one
        guard g < medians.count else { return near(cells[g].reduce(0, +), all, of: all) }
        return near(sum(g, below[g]), goals[g].below, of: all) && near(sum(g, above[g]), all - goals[g].below, of: all)
      }
    }
    rounds = round
    converged = met
    weights = (0..<groups).map { g in
      households[g] > 0 ? cells[g].map { Int64(clamping: $0 >> 16) } : cuts.map { Int64(clamping: $0.share) }
    }
    belowPerMillion = medians.indices.map { g in
      let o = g < outside.count ? outside[g] : Outside()
      let drawn = cells[g].reduce(Int128(0), +)
      let all = drawn + o.households
      guard all > 0 else { return 0 }
      return (below[g].reduce(Int128(0)) { $0 + cells[g][$1] } + o.below) * 1_000_000 / all
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

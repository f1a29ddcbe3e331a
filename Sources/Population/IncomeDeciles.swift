/// Household-income deciles: the upper bounds of the first nine tenths, in whole euros, and the decile
/// each household falls in. One definition for the simulation summary and the analyses.
public struct IncomeDeciles: Sendable {
  /// Upper bounds (inclusive, in whole euros) of deciles 1–9; empty for an empty population.
  public let bounds: [Int64]
  /// Per household: its decile, 0…9.
  public let decileOfHousehold: [UInt8]

  /// Deciles of `incomeCents` (one value per household), from a histogram of whole euros:
  /// deterministic and linear in the number of households.
  public init(incomeCents: [Int64]) {
    let euros = incomeCents.map { $0 / 100 }
    let bounds = Self.bounds(euros)
    self.bounds = bounds
    decileOfHousehold = euros.map { UInt8(Self.decile($0, bounds)) }
  }

  public func decile(_ h: Int) -> Int { Int(decileOfHousehold[h]) }

  /// The labels people read: `1e 10%-groep` … `10e 10%-groep`.
  public static let labels = (1...10).map { "\($0)e 10%-groep" }

  static func bounds(_ income: [Int64]) -> [Int64] {
    guard !income.isEmpty else { return [] }
    let cap: Int64 = 2_000_000
    var histogram = [Int32](repeating: 0, count: Int(cap) + 2)
    for v in income { histogram[Int(max(0, min(cap + 1, v)))] += 1 }
    var bounds: [Int64] = []
    var cumulative = 0
    var next = 1
    for (value, count) in histogram.enumerated() {
      cumulative += Int(count)
      while next < 10 && cumulative * 10 >= income.count * next {
        bounds.append(Int64(value))
        next += 1
      }
    }
    return bounds
  }

  static func decile(_ v: Int64, _ bounds: [Int64]) -> Int {
    var d = 0
    while d < bounds.count && v > bounds[d] { d += 1 }
    return d
  }
}

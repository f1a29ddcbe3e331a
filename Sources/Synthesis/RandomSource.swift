/// SplitMix64: a small, fast, well-mixed pseudo-random generator with 64 bits of state.
///
/// Every chunk of households gets its own generator seeded from the scenario seed and the chunk's
/// index, so the population does not depend on how many threads generate it. All sampling is integer
/// arithmetic: no floating point, identical on every machine.
public struct RandomSource: Sendable {
  var state: UInt64

  public init(seed: UInt64, stream: UInt64) {
    state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0x632B_E59B_D9B4_E019)
    _ = next()
  }

  @inline(__always)
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0 ..< bound` (Lemire's multiply-shift with rejection, no modulo bias).
  @inline(__always)
  public mutating func below(_ bound: UInt64) -> UInt64 {
    precondition(bound > 0)
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
    }
    return m.high
  }

  /// A uniform integer in `range`.
  @inline(__always)
  public mutating func integer(in range: ClosedRange<Int64>) -> Int64 {
    range.lowerBound + Int64(below(UInt64(range.upperBound - range.lowerBound + 1)))
  }

  /// True with probability `numerator / denominator`.
  @inline(__always)
  public mutating func chance(_ numerator: UInt64, in denominator: UInt64) -> Bool {
    below(denominator) < numerator
  }
}

/// A categorical distribution with integer weights (counts from a table, or per-mille shares).
public struct WeightedChoice: Sendable {
  let cumulative: [UInt64]

  public init(_ weights: [UInt64]) {
    var total: UInt64 = 0
    cumulative = weights.map {
      total += $0
      return total
    }
    precondition(total > 0, "a distribution needs a positive weight")
  }

  /// The index of the chosen category.
  @inline(__always)
  public func pick(_ random: inout RandomSource) -> Int {
    let r = random.below(cumulative[cumulative.count - 1])
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}

import ExactArithmetic
import Population

/// Which regulations meet in which households: every combination of payments a household receives,
/// how often it occurs, and what it pays together.
public struct Samenloop: Sendable {
  public struct Combination: Sendable {
    /// Output ids received together, sorted; empty for households that receive none.
    public let outputs: [String]
    public var households = 0
    public var total: Int128 = 0
  }

  public let combinations: [Combination]
  /// Households per number of payments received (0, 1, 2, …).
  public let countsByNumber: [Int]
  public let undecided: Int

  public init(outcomes: Outcomes) {
    var byKey: [Int: Combination] = [:]
    let payments = outcomes.payments
    var counts = [Int](repeating: 0, count: payments.count + 1)
    var undecided = 0
    for h in 0..<outcomes.householdCount {
      guard let total = outcomes.total(h) else { undecided += 1; continue }
      var key = 0
      var n = 0
      for (bit, o) in payments.enumerated() where outcomes.yearly[o][h] != 0 {
        key |= 1 << bit
        n += 1
      }
      counts[n] += 1
      var c = byKey[key] ?? Combination(outputs: payments.enumerated().filter { key & (1 << $0.offset) != 0 }.map { outcomes.ids[$0.element] })
      c.households += 1
      c.total += Int128(total)
      byKey[key] = c
    }
    combinations = byKey.values.sorted { ($0.households, $1.outputs.joined()) > ($1.households, $0.outputs.joined()) }
    countsByNumber = counts
    self.undecided = undecided
  }
}

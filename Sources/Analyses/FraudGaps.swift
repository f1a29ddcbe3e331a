import ExactArithmetic
import Population
import RuleIR

/// What misreporting a declared fact would gain, per fact and per law, on a synthetic population.
///
/// Design-level only: the analysis asks which rules make a false statement pay and how much is at
/// stake, never who would make it. It uses no personal characteristics beyond the facts the rules
/// read, and none of origin or nationality.
public struct FraudGaps: Sendable {
  public struct Result: Sendable {
    public let misreport: Misreport
    /// Households to whom the misreport applies (they have the fact to misreport).
    public var applicable = 0
    /// Households for whom it pays at least € 1 a year.
    public var paying = 0
    /// Total yearly gain over households for whom it pays, cents.
    public var gain: Int128 = 0
    /// Per output: the yearly gain, cents (positive = more paid out).
    public var gainByOutput: [String: Int128] = [:]
    public var undecided = 0
    /// The household with the largest gain (an example to explain), and that gain.
    public var example: (household: Int, gain: Int64)?
  }

  /// The facts the household document declares, with their herkomst: the surface of the rules.
  public struct Fact: Sendable {
    public let field: String
    public let origin: String
    public let declared: Bool
  }

  public let results: [Result]
  public let facts: [Fact]

  public init(context: AnalysisContext, baseline: Outcomes, misreports: [Misreport] = Misreport.catalogue) {
    let program = context.engine.program
    facts = program.facts.values.sorted { $0.field < $1.field }.map { Fact(field: $0.field, origin: $0.origin, declared: $0.isDeclared) }
    var results: [Result] = []
    for m in misreports {
      let (population, origin, applies) = m.apply(to: context.population, program: program, baseline: baseline)
      let after = context.outcomes(population)
      results.append(Self.compare(m, baseline: baseline, after: after, origin: origin, applies: applies))
    }
    self.results = results.sorted { $0.gain > $1.gain }
  }

  static func compare(_ m: Misreport, baseline: Outcomes, after: Outcomes, origin: [Int32]?, applies: [Bool]) -> Result {
    var r = Result(misreport: m)
    let n = baseline.householdCount
    // Per original household: its outcomes after the misreport (summed over the households it became).
    var afterTotal = [Int64](repeating: 0, count: n)
    var afterOpen = [Bool](repeating: false, count: n)
    var afterByOutput = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: baseline.ids.count)
    // Each baseline payment with its index in `after` (the same rules, so normally the same order).
    let pairs: [(o: Int, a: Int)] = baseline.payments.compactMap { o in after.index(of: baseline.ids[o]).map { (o, $0) } }
    for i in 0..<after.householdCount {
      let h = origin.map { Int($0[i]) } ?? i
      if let t = after.total(i) { afterTotal[h] += t } else { afterOpen[h] = true }
      for (o, a) in pairs { afterByOutput[o][h] += after.yearly[a][i] }
    }
    var gainByOutput = [Int128](repeating: 0, count: baseline.ids.count)
    for h in 0..<n where applies[h] {
      r.applicable += 1
      guard let before = baseline.total(h), !afterOpen[h] else { r.undecided += 1; continue }
      let gain = afterTotal[h] - before
      guard gain >= 100 else { continue }
      r.paying += 1
      r.gain += Int128(gain)
      for (o, _) in pairs { gainByOutput[o] += Int128(afterByOutput[o][h] - baseline.yearly[o][h]) }
      if gain > (r.example?.gain ?? 0) { r.example = (h, gain) }
    }
    for (o, _) in pairs where r.paying > 0 { r.gainByOutput[baseline.ids[o]] = gainByOutput[o] }
    return r
  }
}

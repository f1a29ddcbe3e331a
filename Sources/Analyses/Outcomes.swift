import ExactArithmetic
import Population
import RuleIR
import RuleKernel

/// The outcomes of every regulation for every household of one population, per year, in cents.
///
/// Monthly outputs count twelve times, so outputs of different periods add up. Outputs that are a
/// norm rather than a payment (``Outcomes/normOutputs``) are kept but not added to a household's total.
public struct Outcomes: Sendable {
  /// `bijstand.maandnorm` is the norm that would apply, not a payment: the Participatiewet's
  /// middelentoets is not encoded, so adding it would invent a payment.
  public static let normOutputs: Set<String> = ["bijstand.maandnorm"]

  public let ids: [String]
  /// Per output: the period factor to a year (12 for `per maand`, 1 otherwise).
  public let factors: [Int64]
  /// `yearly[o][h]`: output `o` of household `h` per year, in cents (0 when undecided).
  public let yearly: [[Int64]]
  /// `undecided[o][h]`: the rules could not decide, or the yearly amount would overflow.
  public let undecided: [[Bool]]
  public let householdCount: Int

  /// Runs the kernel (with the reference evaluator for rows it cannot prove exact) over `population`.
  public static func compute(program: Program, population: PopulationData, date: CivilDate, threads: Int) -> Outcomes {
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: threads)
    let declarations = program.outputs(on: date)
    var ids: [String] = []
    var factors: [Int64] = []
    var yearly: [[Int64]] = []
    var undecided: [[Bool]] = []
    for (o, id) in results.outputIDs.enumerated().sorted(by: { $0.element < $1.element }) {
      let type = declarations.first { $0.id == id }.flatMap { program.symbols[$0.symbol]?.type }
      let factor: Int64 = { if case .money(.perMaand) = type { return 12 } else { return 1 } }()
      var values = [Int64](repeating: 0, count: results.householdCount)
      var open = [Bool](repeating: false, count: results.householdCount)
      for h in 0..<results.householdCount {
        let (v, overflow) = results.cents[o][h].multipliedReportingOverflow(by: factor)
        if results.status[o][h] != 0 || overflow { open[h] = true } else { values[h] = v }
      }
      ids.append(id)
      factors.append(factor)
      yearly.append(values)
      undecided.append(open)
    }
    return Outcomes(ids: ids, factors: factors, yearly: yearly, undecided: undecided, householdCount: population.householdCount)
  }

  public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

  /// Whether output `o` is a payment that adds to the household's total.
  public func isPayment(_ o: Int) -> Bool { !Self.normOutputs.contains(ids[o]) }

  /// The household's payments per year together, in cents; `nil` when one of them is undecided.
  public func total(_ h: Int) -> Int64? {
    var sum: Int64 = 0
    for o in ids.indices where isPayment(o) {
      if undecided[o][h] { return nil }
      sum += yearly[o][h]
    }
    return sum
  }

  /// The household's payments among `ids` per year together; `nil` when one of them is undecided.
  public func total(_ h: Int, among ids: Set<String>) -> Int64? {
    var sum: Int64 = 0
    for o in self.ids.indices where isPayment(o) && ids.contains(self.ids[o]) {
      if undecided[o][h] { return nil }
      sum += yearly[o][h]
    }
    return sum
  }

  /// Whether any payment output is undecided for household `h`.
  public func isUndecided(_ h: Int) -> Bool { ids.indices.contains { isPayment($0) && undecided[$0][h] } }
}

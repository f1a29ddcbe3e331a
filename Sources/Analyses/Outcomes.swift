import ExactArithmetic
import Population
import RuleIR
import RuleKernel

/// The outcomes of every regulation for every household of one population, per year, in cents.
///
/// Monthly outputs count twelve times, so outputs of different periods add up. Only payments add to a
/// household's total; norms (`Uitvoer … , een norm.`) and levies (`…, een heffing.`) are kept beside them.
public struct Outcomes: Sendable {
  /// The outputs' declarations, sorted by id: what each row of `yearly` is, and its article.
  public let outputs: [OutputDeclaration]
  public let ids: [String]
  /// Per output: the period factor to a year (12 for `per maand`, 1 otherwise).
  public let factors: [Int64]
  /// Per output: a payment, a norm or a levy.
  public let kinds: [OutputKind]
  /// Indices of the outputs that are payments, in `ids` order (computed once; totals run per household).
  public let payments: [Int]
  /// `yearly[o][h]`: output `o` of household `h` per year, in cents (0 when undecided).
  public let yearly: [[Int64]]
  /// `undecided[o][h]`: the rules could not decide, or the yearly amount would overflow.
  public let undecided: [[Bool]]
  public let householdCount: Int

  /// Runs the kernel (with the reference evaluator for rows it cannot prove exact) over `population`.
  public static func compute(program: Program, population given: PopulationData, date: CivilDate, threads: Int) -> Outcomes {
    // A population that leaves the toetsingsinkomen to the rules, under a law that cannot derive it,
    // gives the drawn income instead (see ``PopulationData/givingToetsingsinkomen(where:on:)``).
    let population = given.givingToetsingsinkomen(where: program, on: date)
    let kernel = KernelCompiler.compile(program: program, date: date, population: population)
    let results = KernelRunner.run(kernel: kernel, program: program, population: population, date: date, threads: threads)
    var outputs: [OutputDeclaration] = []
    var ids: [String] = []
    var factors: [Int64] = []
    var kinds: [OutputKind] = []
    var yearly: [[Int64]] = []
    var undecided: [[Bool]] = []
    for (o, declaration) in results.outputs.enumerated().sorted(by: { $0.element.id < $1.element.id }) {
      let type = program.symbols[declaration.symbol]?.type
      let factor: Int64 = { if case .money(.perMaand) = type { return 12 } else { return 1 } }()
      var values = [Int64](repeating: 0, count: results.householdCount)
      var open = [Bool](repeating: false, count: results.householdCount)
      for h in 0..<results.householdCount {
        let (v, overflow) = results.cents[o][h].multipliedReportingOverflow(by: factor)
        if !results.isDecided(o, h) || overflow { open[h] = true } else { values[h] = v }
      }
      outputs.append(declaration)
      ids.append(declaration.id)
      factors.append(factor)
      kinds.append(declaration.kind)
      yearly.append(values)
      undecided.append(open)
    }
    return Outcomes(
      outputs: outputs, ids: ids, factors: factors, kinds: kinds, payments: kinds.indices.filter { kinds[$0] == .payment }, yearly: yearly, undecided: undecided,
      householdCount: population.householdCount)
  }

  public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

  /// Whether output `o` is a payment that adds to the household's total.
  public func isPayment(_ o: Int) -> Bool { kinds[o] == .payment }

  /// The payment outputs among `ids`, as indices (for ``total(_:of:)``).
  public func payments(among ids: Set<String>) -> [Int] { payments.filter { ids.contains(self.ids[$0]) } }

  /// The household's payments per year together, in cents; `nil` when one of them is undecided.
  public func total(_ h: Int) -> Int64? { total(h, of: payments) }

  /// The household's outputs `indices` per year together; `nil` when one of them is undecided.
  public func total(_ h: Int, of indices: [Int]) -> Int64? {
    var sum: Int64 = 0
    for o in indices {
      if undecided[o][h] { return nil }
      sum += yearly[o][h]
    }
    return sum
  }
}

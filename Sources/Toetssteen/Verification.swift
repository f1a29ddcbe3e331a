import ExactArithmetic
import Foundation
import Population
import ReferenceEvaluator
import RuleIR
import RuleKernel
import Synthesis

/// The outcome of checking kernel results against the exact reference evaluator.
public struct Verification: Sendable {
  public struct Mismatch: Sendable {
    public let household: Int
    public let output: String
    public let kernel: String
    public let reference: String
  }

  public let checked: Int
  /// Outputs compared: those the kernel computed itself.
  public let comparisons: Int
  /// Outputs of the checked households that the kernel left to the reference evaluator (it could not
  /// prove them exact): their amounts are the reference's own, so they are not compared.
  public let fromReference: Int
  public let mismatches: [Mismatch]
  public var passed: Bool { mismatches.isEmpty }
}

extension Engine {
  /// Re-computes `count` households of a simulation, chosen by the seed, with the reference evaluator
  /// and compares every output the kernel computed itself: decided or not, and the exact amount. Rows
  /// the kernel left to the reference evaluator are counted apart (``Verification/fromReference``).
  /// `progress` hears the number of households checked so far.
  public func verify(
    _ simulation: Simulation, count: Int, threads: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> Verification {
    let n = simulation.population.householdCount
    // A part of a population samples from a stream of its own, so the parts do not all check the same offsets.
    let chosen = Self.sample(count: min(count, n), of: n, seed: simulation.seed, stream: 0x7665_7269_6679 &+ UInt64(simulation.firstHousehold))
    let results = simulation.results
    let collector = MismatchCollector()
    let skipped = ProgressCounter()
    let counter = ProgressCounter()
    let workers = max(1, min(threads, chosen.count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var i = w
      while i < chosen.count {
        let h = chosen[i]
        let evaluator = Evaluator(program: program, household: simulation.population.household(h, program: program))
        for (o, output) in results.outputs.enumerated() {
          if results.referenceRows[o].contains(h) {
            _ = skipped.add(1)
            continue
          }
          let kernel = results.isDecided(o, h) ? SimulationSummary.euros(Int128(results.cents[o][h])) : "onbepaald"
          let reference: String
          switch evaluator.value(of: output.symbol, on: simulation.date) {
          case .success(.number(let r)): reference = r.exactString
          case .success(let v): reference = v.machineString
          case .failure: reference = "onbepaald"
          }
          collector.compare(h, output.id, kernel, reference)
        }
        i += workers
        progress?(counter.add(1), chosen.count)
      }
    }
    let fromReference = skipped.add(0)
    return Verification(
      checked: chosen.count, comparisons: chosen.count * results.outputIDs.count - fromReference, fromReference: fromReference,
      mismatches: collector.sorted)
  }

  /// `count` distinct household indices below `n`, chosen by the seed (all of them when count ≥ n).
  static func sample(count: Int, of n: Int, seed: UInt64, stream: UInt64) -> [Int] {
    if count >= n { return Array(0..<n) }
    var random = RandomSource(seed: seed, stream: stream)
    var chosen: Set<Int> = []
    while chosen.count < count { chosen.insert(Int(random.below(UInt64(n)))) }
    return chosen.sorted()
  }
}

final class MismatchCollector: @unchecked Sendable {
  private var list: [Verification.Mismatch] = []
  private let lock = NSLock()

  func compare(_ h: Int, _ id: String, _ kernel: String, _ reference: String) {
    let same = kernel == reference || Rational(decimal: kernel).map { $0 == Rational(decimal: reference) } ?? false
    guard !same else { return }
    lock.lock()
    list.append(.init(household: h, output: id, kernel: kernel, reference: reference))
    lock.unlock()
  }

  var sorted: [Verification.Mismatch] {
    lock.lock()
    defer { lock.unlock() }
    return list.sorted { ($0.household, $0.output) < ($1.household, $1.output) }
  }
}

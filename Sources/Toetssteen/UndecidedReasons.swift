import Dispatch
import ExactArithmetic
import HouseholdModel
import Population
import ReferenceEvaluator
import RuleIR
import RuleKernel

/// Why the rules left households of a simulation undecided: the reference evaluator's reason (with
/// its article) for an even sample of the undecided households, grouped by reason, most frequent
/// first. A team reads from it which missing fact or unformalised article holds a figure back.
public struct UndecidedReasons: Sendable {
  /// One reason and how many of the sampled households it stopped.
  public struct Reason: Sendable, Equatable {
    public let text: String
    public let households: Int
  }

  /// How many undecided households were asked (all of them when there are at most `sampleLimit`).
  public let sampled: Int
  public let reasons: [Reason]

  /// At most this many undecided households per output are evaluated again: enough for shares in
  /// whole percents, cheap beside the simulation (the reference evaluator takes milliseconds each).
  public static let sampleLimit = 100

  /// The households to ask: all of them, or `limit` spread evenly over the list (deterministic, so
  /// the same population gives the same reasons on any thread count).
  static func sample(_ undecided: [Int], limit: Int = sampleLimit) -> [Int] {
    guard undecided.count > limit else { return undecided }
    return (0..<limit).map { undecided[$0 * undecided.count / limit] }
  }

  /// Counts the reference evaluator's reasons for the sampled households, one per household (nil when
  /// it decides after all, which would be a kernel defect).
  init(reasons sample: [String?]) {
    var counts: [String: Int] = [:]
    for reason in sample {
      counts[reason ?? "de referentie-evaluator beslist dit huishouden wel (een fout in de kernel; meld het)", default: 0] += 1
    }
    sampled = sample.count
    reasons = counts.map { Reason(text: $0.key, households: $0.value) }
      .sorted { ($0.households, $1.text) > ($1.households, $0.text) }
  }
}

/// The reference evaluator's reasons for (output, household) pairs of one simulation, on `threads`
/// threads. Each household gets one evaluator, so the outputs of a household share its memo; each pair
/// is written by the one thread that owns its household, so the result is the same on any thread count.
enum ReasonEvaluation {
  /// Why an amount the reference evaluator decides has no place in the kernel's results: more cents than
  /// 64 bits hold (the kernel never wraps: the row stays undecided), or not a whole number of cents.
  static func unstorable(_ euros: Rational) -> String {
    let cents = euros * 100
    guard cents.isInteger else {
      return "de referentie-evaluator geeft een bedrag dat geen heel aantal centen is; de uitkomst is niet afgerond (een fout in de regels of de kernel; meld het)"
    }
    // Without the amount itself, so that the households of one cause count as one reason.
    return "het bedrag is groter dan de uitkomsten van de kernel in centen kunnen bevatten (64 bits: ten hoogste € 92.233.720.368.547.758,07); toets evaluate rekent het exact"
  }

  static func reasons(_ simulation: Simulation, pairs: [(symbol: SymbolID, household: Int)], threads: Int) -> [String?] {
    var byHousehold: [Int: [Int]] = [:]
    for (i, pair) in pairs.enumerated() { byHousehold[pair.household, default: []].append(i) }
    let groups = byHousehold
    let households = groups.keys.sorted()
    let workers = max(1, min(threads, households.count))
    var out = [String?](repeating: nil, count: pairs.count)
    out.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let buffer = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for k in stride(from: worker, to: households.count, by: workers) {
          let h = households[k]
          let evaluator = Evaluator(program: simulation.program, household: simulation.population.household(h, program: simulation.program))
          for i in groups[h] ?? [] {
            switch evaluator.value(of: pairs[i].symbol, on: simulation.date) {
            case .failure(let undecided): buffer[i] = undecided.description
            case .success(.number(let r)) where (r * 100).intValue == nil: buffer[i] = Self.unstorable(r)
            default: break
            }
          }
        }
      }
    }
    return out
  }
}

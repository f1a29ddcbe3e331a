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

  /// Counts the reasons of the sampled households; `reason` gives the reference evaluator's reason
  /// for one household (nil when it decides after all, which would be a kernel defect).
  init(sample: [Int], reason: (Int) -> String?) {
    var counts: [String: Int] = [:]
    for h in sample {
      counts[reason(h) ?? "de referentie-evaluator beslist dit huishouden wel (een fout in de kernel; meld het)", default: 0] += 1
    }
    sampled = sample.count
    reasons = counts.map { Reason(text: $0.key, households: $0.value) }
      .sorted { ($0.households, $1.text) > ($1.households, $0.text) }
  }
}

/// Reference evaluators for the households of one simulation, made once per household, so that the
/// reasons of several outputs of the same household share their memo.
final class ReasonEvaluators {
  private let simulation: Simulation
  private var evaluators: [Int: Evaluator] = [:]

  init(_ simulation: Simulation) { self.simulation = simulation }

  /// Why the rules do not decide `symbol` for household `h`, or nil if they do.
  func reason(_ symbol: SymbolID, household h: Int) -> String? {
    let evaluator = evaluators[h] ?? {
      let e = Evaluator(program: simulation.program, household: simulation.population.household(h, program: simulation.program))
      evaluators[h] = e
      return e
    }()
    if case .failure(let undecided) = evaluator.value(of: symbol, on: simulation.date) { return undecided.description }
    return nil
  }
}

import ExactArithmetic
import LegalSource
import Population
import ReferenceEvaluator
import RuleIR

/// Where the rules do not decide, found in the population: cases no rule covers (hiaten), rules that
/// both apply with different outcomes (inconsistenties), and cases under an article the model leaves
/// to people (niet geformaliseerd), each with the articles involved.
///
/// This is a search over the synthetic households, not a proof: a gap no household reaches is not
/// found. The kernel marks undecided households; the reference evaluator names the reason for a
/// sample of them.
public struct RuleGaps: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case hiaat = "hiaat (geen regel beslist)"
    case inconsistentie = "inconsistentie (regels spreken elkaar tegen)"
    case nietGeformaliseerd = "niet geformaliseerd (een mens beslist)"
    case anders = "ontbrekend gegeven of andere reden"
  }

  public struct Finding: Sendable {
    public let output: String
    public let kind: Kind
    public let reason: String
    public let citations: [Citation]
    /// Households undecided for this output with this reason, estimated from the sample.
    public var households: Int
    public var sampled: Int
  }

  public let findings: [Finding]

  public init(program: Program, population: PopulationData, date: CivilDate, outcomes: Outcomes, samplePerOutput: Int = 40) {
    var findings: [String: Finding] = [:]
    for (o, output) in outcomes.outputs.enumerated() {
      let rows = (0..<outcomes.householdCount).filter { outcomes.undecided[o][$0] }
      guard !rows.isEmpty else { continue }
      let (id, symbol) = (output.id, output.symbol)
      let stride = max(1, rows.count / samplePerOutput)
      var sample: [String: (Finding, Int)] = [:]
      var taken = 0
      for i in Swift.stride(from: 0, to: rows.count, by: stride) where taken < samplePerOutput {
        taken += 1
        let evaluator = Evaluator(program: program, household: population.household(rows[i], program: program))
        guard case .failure(let u) = evaluator.value(of: symbol, on: date) else { continue }
        let (kind, citations) = Self.classify(u)
        let key = "\(id)|\(kind)|\(u.description)"
        let f = sample[key]?.0 ?? Finding(output: id, kind: kind, reason: u.description, citations: citations, households: 0, sampled: 0)
        sample[key] = (f, (sample[key]?.1 ?? 0) + 1)
      }
      for (key, (f, n)) in sample {
        var g = f
        g.sampled = n
        g.households = (rows.count * n + taken / 2) / max(1, taken)
        findings[key] = g
      }
    }
    // Ties broken by output and reason, so the order does not depend on the dictionary's hashing.
    self.findings = findings.values.sorted {
      ($0.households, $1.output, $1.reason) > ($1.households, $0.output, $0.reason)
    }
  }

  static func classify(_ u: Undecided) -> (Kind, [Citation]) {
    switch u {
    case .noRule(_, _, let considered): return (.hiaat, considered)
    case .conflict(_, _, let rules): return (.inconsistentie, rules)
    case .notFormalised(_, _, let c), .documentForm(_, _, let c): return (.nietGeformaliseerd, [c])
    case .missingFact(_, _, let c), .absentPerson(_, let c): return (.anders, [c])
    case .divisionByZero(let c), .numberTooLarge(let c): return (.anders, [c])
    default: return (.anders, [])
    }
  }
}

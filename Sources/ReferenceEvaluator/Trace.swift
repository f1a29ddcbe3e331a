import ExactArithmetic
import LegalSource
import RuleIR

/// One step of an explanation: how one value was decided, by which rule of which article, from which
/// inputs, and which exceptions did or did not apply.
public struct TraceStep: Sendable {
  /// How a rule of the definition fared in this evaluation.
  public enum RuleOutcome: String, Sendable {
    case applied = "toegepast"
    case notApplicable = "niet van toepassing"
    case overridden = "opzij gezet door een uitzondering"
    case notReached = "niet beoordeeld"
  }

  public struct RuleNote: Sendable {
    public let citation: Citation
    public let outcome: RuleOutcome
    public let isException: Bool
    public let text: String
  }

  /// A parameter or fact read by the rule, with its value and source.
  public struct Input: Sendable {
    public let name: String
    public let value: String
    public let source: String
  }

  public let symbol: SymbolID
  public let type: RuleType
  /// The person the value belongs to (document id), for person attributes.
  public let person: String?
  public let date: CivilDate
  public let result: Result<Value, Undecided>
  /// The rule that decided the value (nil when undecided or decided by the closed-world default).
  public let rule: Citation?
  public let ruleText: String?
  /// The rule's expression with the values of its names filled in.
  public let formula: String?
  public let inputs: [Input]
  public let rules: [RuleNote]
  /// Articles of other laws the deciding rule deviates from.
  public let deviations: [Citation]
  /// Indices of the steps this one used.
  public var uses: [Int]

  /// The value in Dutch notation, or the reason it is undecided.
  public var valueText: String {
    switch result {
    case .success(let v): return v.formatted(as: type)
    case .failure(let u): return "onbepaald: \(u)"
    }
  }
}

/// The explanation of one evaluation: every value decided, in the order decided.
public struct Trace: Sendable {
  public var steps: [TraceStep] = []
  public init() {}

  /// The steps reachable from `root`, depth first, each once.
  public func reachable(from root: Int) -> [Int] {
    var seen: Set<Int> = []
    var order: [Int] = []
    func visit(_ i: Int) {
      guard seen.insert(i).inserted else { return }
      order.append(i)
      for u in steps[i].uses { visit(u) }
    }
    visit(root)
    return order
  }
}

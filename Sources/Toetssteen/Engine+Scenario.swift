import LegalSource
import RuleIR
import Synthesis

extension Engine {
  /// The problems of a scenario that only the rules can see: a `niet_gebruik` entry must name the
  /// prefix of a payment output (`zorgtoeslag` for `zorgtoeslag.jaarbedrag`), so a misspelling does not
  /// silently leave spending equal to entitlement. Each problem names the key and, where one is close,
  /// the prefix that was probably meant.
  public func scenarioProblems(_ scenario: Scenario, path: String) -> [String] {
    var payments = Set<String>()
    for versions in program.laws.values {
      for version in versions {
        for output in version.outputs where output.kind == .payment { payments.insert(NonTakeUp.regeling(ofOutput: output.id)) }
      }
    }
    return (scenario.nietGebruik ?? [:]).keys.sorted().compactMap { code in
      guard !payments.contains(code) else { return nil }
      let hint = Spelling.suggestion(for: code, among: payments).map { "; bedoelt u '\($0)'?" } ?? ""
      return "\(path): niet_gebruik.\(code): geen regeling met een betaling\(hint) (betalingen van: \(payments.sorted().joined(separator: ", ")))"
    }
  }
}

import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// The renters' mean standardised net income over the owners', from the output the scenario names
  /// (`wonen.huur_naar_inkomen.besteedbaar`), against the published ratio; households the rules left
  /// undecided for that output are left out. `nil` without the check or without the output.
  public static func disposableRatio(_ p: PopulationData, outcomes: Outcomes, scenario s: Scenario) -> PopulationValidation.Margin? {
    guard let byIncome = s.wonen.huurNaarInkomen, let check = byIncome.besteedbaar, let scale = byIncome.scale,
      let o = outcomes.index(of: check.uitvoer), case .uint8(let renters)? = p.householdColumns["woning.huurder"]
    else { return nil }
    let net = scale.standardised(outcomes.yearly[o], in: p)
    guard let drawn = renterRatio(net, renters: renters, counted: { !outcomes.undecided[o][$0] }) else { return nil }
    return PopulationValidation.Margin(
      name: "gemiddeld gestandaardiseerd netto-inkomen huurders / eigenaren (als aandeel)",
      source: "scenario 'wonen.huur_naar_inkomen.besteedbaar' (CBS 2021, gestandaardiseerd besteedbaar inkomen), model: \(check.uitvoer)",
      target: check.target, drawn: drawn)
  }

  /// The renters' mean of `incomes` over the owners', over the households `counted` admits; `nil`
  /// when either group is empty or the owners' mean is not positive.
  static func renterRatio(_ incomes: [Int64], renters: [UInt8], counted: (Int) -> Bool) -> Rational? {
    var (rent, rentCount, own, ownCount): (Int128, Int, Int128, Int) = (0, 0, 0, 0)
    for h in incomes.indices where counted(h) {
      if renters[h] == 1 { rent += Int128(incomes[h]); rentCount += 1 } else { own += Int128(incomes[h]); ownCount += 1 }
    }
    guard rentCount > 0, ownCount > 0, own > 0 else { return nil }
    return Rational(numeratorDigits: String(rent * Int128(ownCount)), denominatorDigits: String(own * Int128(rentCount)))
  }
}

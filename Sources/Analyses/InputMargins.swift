import ExactArithmetic
import Population
import Synthesis

/// The input side of the validation: for each margin the scenario takes from a published table, the
/// share it asks for and the share the generator drew. A deviation here is a generator fault or
/// sampling noise, not a finding about the rules.
enum InputMargins {
  static func compute(_ p: PopulationData, scenario s: Scenario) -> [PopulationValidation.Margin] {
    let n = max(1, p.householdCount)
    func share(_ count: Int) -> Rational { Rational(count) / n }
    let c = s.samenstelling
    let total = AnalysisContext.nationalHouseholds(of: s)
    let targets: [(HouseholdType, Int64)] = [
      (.alleenstaand, c.alleenstaand), (.paarZonderKinderen, c.paarZonderKinderenGehuwd + c.paarZonderKinderenSamenwonend),
      (.paarMetKinderen, c.paarMetKinderenGehuwd + c.paarMetKinderenSamenwonend), (.eenouder, c.eenouder),
      (.metMedebewoners, c.metMedebewoners),
    ]
    var counts = [Int](repeating: 0, count: HouseholdType.allCases.count)
    for t in p.householdType { counts[Int(t)] += 1 }
    var margins = targets.map { type, weight in
      PopulationValidation.Margin(
        name: "huishoudens: \(type.label)", source: "scenario 'samenstelling' (CBS 37975, 37620, 71487ned)",
        target: Rational(Int(weight)) / Int(max(1, total)), drawn: share(counts[Int(type.rawValue)]))
    }
    if case .uint8(let renters)? = p.householdColumns["woning.huurder"] {
      margins.append(
        PopulationValidation.Margin(
          name: "huishoudens die huren", source: "scenario 'wonen.huur_promille' (CBS 82900NED)",
          target: Rational(Int(s.wonen.huurPromille)) / 1000, drawn: share(renters.reduce(0) { $0 + Int($1) })))
    }
    // Adults (aanvragers and partners) without personal income: the scenario's 'zonder_inkomen' weight.
    if case .int64(let income)? = p.personColumns["toetsingsinkomen"] {
      var adults = 0
      var none = 0
      for (row, role) in p.role.enumerated() where role <= 1 {
        adults += 1
        if income[row] == 0 { none += 1 }
      }
      let weights = s.inkomen.klassen.reduce(Int64(0)) { $0 + $1[2] } + s.inkomen.zonderInkomen
      margins.append(
        PopulationValidation.Margin(
          name: "aanvragers en partners zonder inkomen", source: "scenario 'inkomen.zonder_inkomen' naast CBS 83931NED",
          target: Rational(Int(s.inkomen.zonderInkomen)) / Int(max(1, weights)), drawn: Rational(none) / max(1, adults)))
    }
    return margins
  }
}

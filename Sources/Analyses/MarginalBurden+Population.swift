import Population
import Synthesis

extension MarginalBurden {
  /// The marginal burden of € 1.000 more gross wage for every aanvrager who works (has `loon`), as CPB
  /// and SZW present it: the wage and the toetsingsinkomen both rise, the income tax and every
  /// regulation respond. A population without income components falls back to every aanvrager and the
  /// toetsingsinkomen alone (the withdrawal of payments, without tax).
  public static func forWorkingAanvragers(context: AnalysisContext, baseline: Outcomes, step: Int64 = 100_000) -> MarginalBurden {
    let population = context.population
    let wages = population.personColumns["loon"]
    let aanvrager = (0..<population.householdCount).map { h in
      (Int(population.personStart[h])..<Int(population.personStart[h + 1])).first { population.role[$0] == 0 }
    }
    var raised = population
    var considered: [Int]? = nil
    if let wages {
      raised = raised.editingPersons("loon") { _, role, v in role == 0 && v > 0 ? v + step : v }
      // A given toetsingsinkomen rises with the wage; a derived one follows the wage by the rules.
      if population.personColumns["toetsingsinkomen"] != nil {
        raised = raised.editingPersons("toetsingsinkomen") { row, role, v in role == 0 && wages[row] > 0 ? v + step : v }
      }
      considered = (0..<population.householdCount).filter { aanvrager[$0].map { wages[$0] > 0 } ?? false }
    } else {
      raised = raised.editingPersons("toetsingsinkomen") { _, role, v in role == 0 ? v + step : v }
    }
    return MarginalBurden(
      base: baseline, raised: context.outcomes(raised), step: step, considered: considered,
      group: { h in (context.decile(h), Int(population.householdType[h])) },
      decileLabels: IncomeDeciles.labels, typeLabels: HouseholdType.allCases.map(\.label))
  }
}

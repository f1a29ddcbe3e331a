import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Persons with personal income per class of `inkomen.klassen` (in the classes' year: the drawn amount
  /// brought back through the scenario's indexing), as a share of all persons with income, against the
  /// classes' own shares without the persons drawn on the bijstand and those under 18
  /// (``Scenario/Income/drawnClasses``).
  /// Empty without a personal income in the population.
  static func incomeClasses(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard case .int64(let income)? = p.personalIncome else { return [] }
    let classes = s.inkomen.drawnClasses
    let indexing = Indexing(s.indexering, year: Int64(date.year))
    let fixedPoint = indexing.fixedPoint
    // A class's lower bound in the population's cents: the generator indexes cents by this same rounding,
    // so with a factor of 1 or more (every rise in the scenario up to now) a drawn amount is in a class
    // exactly when its indexed cents are at or above the bound's; with a factor below 1 two amounts a cent
    // apart can meet, and an amount on a bound may count one class up. Each class by its own bounds, so
    // their order does not matter.
    let bounds = classes.map { (indexing.apply($0[0] * 100, fixedPoint: fixedPoint), indexing.apply($0[1] * 100, fixedPoint: fixedPoint)) }
    var counts = [Int](repeating: 0, count: classes.count)
    var persons = 0
    for amount in income where amount > 0 {
      persons += 1
      if let k = bounds.firstIndex(where: { amount >= $0.0 && amount < $0.1 }) { counts[k] += 1 }
    }
    guard persons > 0 else { return [] }
    let year = indexing.baseYear.map { " (euro van \($0))" } ?? ""
    let total = Int(classes.reduce(Int64(0)) { $0 + $1[2] })
    var without: [String] = []
    if s.inkomen.bijstandPersons > 0 { without.append("wie van de bijstand leeft ('inkomen.bijstand_in_inkomen')") }
    if !(s.inkomen.jongerDan18 ?? []).isEmpty { without.append("wie jonger dan 18 is ('inkomen.jonger_dan_18')") }
    let source = "scenario 'inkomen.klassen' (CBS 83931NED)" + (without.isEmpty ? "" : ", zonder " + without.joined(separator: " en "))
    return classes.enumerated().map { k, c in
      let range = k == classes.count - 1 ? "\(DutchFormat.euro(Rational(Int(c[0])))) of meer" : "\(DutchFormat.euro(Rational(Int(c[0])))) tot \(DutchFormat.euro(Rational(Int(c[1]))))"
      return PopulationValidation.Margin(
        name: "personen met inkomen van \(range)\(year)", source: source,
        target: Rational(Int(c[2])) / max(1, total), drawn: Rational(counts[k]) / persons)
    }
  }
}

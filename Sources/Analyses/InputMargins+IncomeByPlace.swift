import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Mean loon per household of each place in the household (scenario `inkomen.naar_leefvorm`), as a
  /// share of the single person's, against the published ratio of primary income the generator's
  /// income classes are calibrated to (for a family with a child of 18 or over through the child's
  /// income, see ``PlaceCalibration``). The households are those the section's means describe
  /// (``Scenario/IncomeByHousehold/describes(_:aanvragerAge:)``). Empty without the section or without
  /// loon in the population.
  static func incomeByPlace(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let section = s.inkomen.naarLeefvorm, case .int64(let loon)? = p.personColumns["loon"],
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    var sums = [Int128](repeating: 0, count: IncomePlace.households.count)
    var households = [Int](repeating: 0, count: IncomePlace.households.count)
    for h in 0..<p.householdCount {
      let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
      let age = Int64(CivilDate(dayNumber: Int(birth[members.lowerBound])).age(on: date).years)
      guard let place = p.incomePlace(h), section.describes(place, aanvragerAge: age) else { continue }
      households[place.rawValue] += 1
      sums[place.rawValue] += members.reduce(Int128(0)) { $0 + Int128(loon[$1]) }
    }
    func mean(_ k: Int) -> Rational? {
      guard households[k] > 0 else { return nil }
      return Rational(numeratorDigits: String(sums[k]), denominatorDigits: String(households[k]))
    }
    guard let single = mean(0), single > .zero else { return [] }
    let weights = section.weights
    let source = "scenario 'inkomen.naar_leefvorm' (CBS 83932NED 2020, gemiddeld primair inkomen per huishouden; in het model het loon van alle leden)"
    return IncomePlace.households.dropFirst().compactMap { place in
      guard let m = mean(place.rawValue), let drawn = m.dividedBy(single) else { return nil }
      let how =
        place.adultChildren == nil
        ? "de inkomensklassen zijn erop gekalibreerd"
        : "gekalibreerd via het inkomen van de meerderjarige kinderen; de ouders hebben het gewicht van het gezin met jonge kinderen"
      return PopulationValidation.Margin(
        name: "primair inkomen per huishouden, \(place.label)\(place == .paarZonderKinderen ? " (aanvrager onder \(section.totLeeftijd) jaar)" : ""), t.o.v. een alleenstaande onder \(section.totLeeftijd) jaar",
        source: "\(source); \(how)",
        target: Rational(Int(weights[place.rawValue])) / Int(weights[0]), drawn: drawn)
    }
  }
}

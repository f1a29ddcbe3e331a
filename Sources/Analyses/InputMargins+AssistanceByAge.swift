import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Adults without personal income per band of `inkomen.bijstand_naar_leeftijd`: the share the scenario
  /// asks for (`zonder_inkomen` over the whole, plus the band's part of the bijstand persons over the
  /// band's adults, both as this population has them) against the share drawn. Empty without the section.
  static func assistanceByAge(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let rows = s.inkomen.bijstandNaarLeeftijd, s.inkomen.bijstandPersons > 0,
      case .int64(let income)? = p.personalIncome, case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    var adults = [Int](repeating: 0, count: rows.count)
    var zero = [Int](repeating: 0, count: rows.count)
    var all = 0
    for row in 0..<p.personCount {
      let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
      guard age >= 18 else { continue }
      all += 1
      guard let b = rows.firstIndex(where: { $0[0] <= age && age < $0[1] }) else { continue }
      adults[b] += 1
      if income[row] == 0 { zero[b] += 1 }
    }
    let whole = s.inkomen.drawnClasses.reduce(Int64(0)) { $0 + $1[2] } + s.inkomen.drawnZonderInkomen
    // The generator's own weights, computed on this population's adults instead of the pilot's.
    guard let spread = AssistanceByAge(s.inkomen, adults: (adults, all), total: UInt64(whole)) else { return [] }
    return rows.indices.compactMap { b in
      guard adults[b] > 0 else { return nil }
      return PopulationValidation.Margin(
        name: "volwassenen van \(DutchFormat.ages(rows[b][0], rows[b][1])) zonder inkomen (ook wie van de bijstand leeft)",
        source: "scenario 'inkomen.zonder_inkomen', 'inkomen.bijstand_in_inkomen' en 'inkomen.bijstand_naar_leeftijd' (CBS, bijstandsontvangers naar leeftijd, september 2025)",
        target: Rational(Int(spread.bands[b].weight)) / Int(whole), drawn: Rational(zero[b]) / adults[b])
    }
  }
}

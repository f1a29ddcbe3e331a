import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Owners' homes (scenario `eigen_woning`): per age band of the aanvrager the share of owner
  /// households with an eigenwoningschuld, and the owners' mean WOZ value against the mean of the
  /// scenario's classes. Empty without the section or without its columns.
  static func ownerHomes(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let e = s.eigenWoning, case .uint8(let renters)? = p.householdColumns["woning.huurder"],
      case .int64(let woz)? = p.householdColumns["woning.woz_waarde"], case .int64(let interest)? = p.householdColumns["woning.eigenwoningrente"],
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    let source = "scenario 'eigen_woning' (CBS 85162NED, eigenwoningbezitters naar leeftijd van de hoofdkostwinner)"
    var owners = [Int](repeating: 0, count: e.schuldNaarLeeftijd.count)
    var withDebt = owners
    var wozSum = 0
    var ownerCount = 0
    for h in 0..<p.householdCount where renters[h] == 0 {
      let age = Int64(CivilDate(dayNumber: Int(birth[Int(p.personStart[h])])).age(on: date).years)
      let band = e.schuldNaarLeeftijd.firstIndex { age < $0[1] } ?? (e.schuldNaarLeeftijd.count - 1)
      owners[band] += 1
      if interest[h] > 0 { withDebt[band] += 1 }
      wozSum += Int(woz[h] / 100)
      ownerCount += 1
    }
    guard ownerCount > 0 else { return [] }
    var margins: [PopulationValidation.Margin] = []
    // With a rate of 0 a debt has no interest, and the share with debt cannot be read from the population.
    if e.renteBasispunten > 0 {
      for (i, row) in e.schuldNaarLeeftijd.enumerated() where owners[i] > 0 {
        let total = row.dropFirst(2).reduce(Int64(0), +)
        let ages = i == e.schuldNaarLeeftijd.count - 1 ? "\(row[0]) jaar en ouder" : "\(row[0])–\(row[1] - 1) jaar"
        margins.append(
          PopulationValidation.Margin(
            name: "eigenaren met een eigenwoningschuld, aanvrager \(ages)", source: source,
            target: Rational(Int(total - row[2])) / Int(max(1, total)), drawn: Rational(withDebt[i]) / owners[i]))
      }
    }
    let classes = e.wozWaarde.map { $0.map { Int($0) } }
    let weight = classes.reduce(0) { $0 + $1[2] }
    // The mean of a class with a uniform euro in [van, tot): (van + tot − 1) / 2.
    let scenarioMean = classes.reduce(Rational.zero) { $0 + Rational($1[2] * ($1[0] + $1[1] - 1)) / 2 } / max(1, weight)
    if let drawnShare = (Rational(wozSum) / ownerCount).dividedBy(scenarioMean) {
      margins.append(
        PopulationValidation.Margin(
          name: "gemiddelde WOZ-waarde van de eigen woningen (t.o.v. het scenario)", source: "scenario 'eigen_woning.woz_waarde'",
          target: Rational(1), drawn: drawnShare))
    }
    return margins
  }
}

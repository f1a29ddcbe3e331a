import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Owners' homes (scenario `eigen_woning`): per age band of the aanvrager the share of owner
  /// households with an eigenwoningschuld, the owners' mean WOZ value against the mean of the
  /// scenario's classes, and, when the scenario names `ijkpunten`, the national totals of debt and
  /// interest (scaled from the sample) against the published ones. Empty without the section or its columns.
  static func ownerHomes(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let e = s.eigenWoning, case .uint8(let renters)? = p.householdColumns["woning.huurder"],
      case .int64(let woz)? = p.householdColumns["woning.woz_waarde"], case .int64(let interest)? = p.householdColumns["woning.eigenwoningrente"],
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    let source = "scenario 'eigen_woning.schuld_naar_leeftijd' (een aanname bij de kengetallen van CBS en AFM die het scenario noemt)"
    var owners = [Int](repeating: 0, count: e.schuldNaarLeeftijd.count)
    var withDebt = owners
    var wozSum = 0
    var ownerCount = 0
    var interestCents = Int128(0)
    for h in 0..<p.householdCount where renters[h] == 0 {
      let age = Int64(CivilDate(dayNumber: Int(birth[Int(p.personStart[h])])).age(on: date).years)
      let band = e.schuldNaarLeeftijd.firstIndex { age < $0[1] } ?? (e.schuldNaarLeeftijd.count - 1)
      owners[band] += 1
      if interest[h] > 0 { withDebt[band] += 1 }
      interestCents += Int128(interest[h])
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
    let weight = classes.reduce(0) { $0 + $1[2] }  // at most 10^15 (validated)
    // The mean of a class with a uniform euro in [van, tot): (van + tot − 1) / 2; exact, as a weight of
    // 10^15 times a value of 10^8 does not fit in 64 bits.
    let scenarioMean = classes.reduce(Rational.zero) { $0 + Rational($1[2]) * Rational($1[0] + $1[1] - 1) / 2 } / max(1, weight)
    if let drawnShare = (Rational(wozSum) / ownerCount).dividedBy(scenarioMean) {
      margins.append(
        PopulationValidation.Margin(
          name: "gemiddelde WOZ-waarde van de eigen woningen (t.o.v. het scenario)", source: "scenario 'eigen_woning.woz_waarde'",
          target: Rational(1), drawn: drawnShare))
    }
    if let t = e.ijkpunten, e.renteBasispunten > 0 {
      margins += nationalTotals(t, interestCents: interestCents, basisPoints: e.renteBasispunten, sample: p.householdCount, national: AnalysisContext.nationalHouseholds(of: s))
    }
    return margins
  }

  /// The sample's interest and debt scaled to `national` households, each as a share of its published
  /// total. The population carries the interest, not the debt: the debt is read back from the interest
  /// (interest = debt × rate, rounded down to cents), so it falls short of the drawn debt by less than
  /// 10.000 / rate cents per household (36 cents at 2,74 %), and the two margins move together; the
  /// debt margin shows the calibration of the loan-to-value classes, the interest margin that of the rate.
  static func nationalTotals(_ t: Scenario.OwnerOccupation.Totals, interestCents: Int128, basisPoints: Int64, sample: Int, national: Int64) -> [PopulationValidation.Margin] {
    guard sample > 0, basisPoints > 0, t.schuld > 0, t.rente > 0 else { return [] }
    // Σ interest ≤ 10^8 households × 10^13 cents (a WOZ value of 10^8 euros, ten times its value in debt,
    // 100 % interest): 10^21, times at most 10^16 national households, fits in Int128 (about 1,7 · 10^38).
    let scaledInterest = interestCents * Int128(national) / Int128(sample) / 100
    let scaledDebt = scaledInterest * 10_000 / Int128(basisPoints)
    let source = "scenario 'eigen_woning.ijkpunten': \(t.bron)"
    return [
      PopulationValidation.Margin(
        name: "eigenwoningschuld van alle eigenaren (uit de rente teruggerekend), geschaald naar Nederland (t.o.v. het ijkpunt)", source: source,
        target: Rational(1), drawn: Rational(Int(clamping: scaledDebt)) / Int(t.schuld)),
      PopulationValidation.Margin(
        name: "rente op de eigenwoningschuld per jaar, geschaald naar Nederland (t.o.v. het ijkpunt)", source: source,
        target: Rational(1), drawn: Rational(Int(clamping: scaledInterest)) / Int(t.rente)),
    ]
  }
}

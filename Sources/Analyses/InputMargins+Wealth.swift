import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Vermogen by tenure (scenario `vermogen_naar_woning`): per tenure the drawn mean against the mean of
  /// its classes (the raking by age keeps the class shares, so the means match), and per age band with a
  /// published median (`mediaan_naar_leeftijd`) the share of its households below that median (half).
  /// Households drawn on the bijstand draw from `vermogen_bijstand` when the scenario has it, and are left
  /// out. Empty without the section.
  static func wealth(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let byTenure = s.vermogenNaarWoning, case .uint8(let renters)? = p.householdColumns["woning.huurder"],
      case .int32(let birth)? = p.personColumns["geboortedatum"], case .int64(let vermogen)? = p.personColumns["vermogen"]
    else { return [] }
    let ownWealthOnAssistance = s.vermogenBijstand != nil
    let medians = byTenure.mediaanNaarLeeftijd
    let source = "scenario 'vermogen_naar_woning.mediaan_naar_leeftijd' (CBS, vermogen zonder eigen woning op 1 januari 2020)"
    var margins: [PopulationValidation.Margin] = []
    for (label, renting, classes, bands) in [("huren", UInt8(1), byTenure.huurders, medians?.huurders ?? []), ("een eigen woning hebben", UInt8(0), byTenure.eigenaren, medians?.eigenaren ?? [])] {
      var households = 0
      var sumCents = Int128(0)
      var inBand = [Int](repeating: 0, count: bands.count)
      var belowMedian = inBand
      for h in 0..<p.householdCount where renters[h] == renting {
        if ownWealthOnAssistance && p.assistanceUse(h) == .user { continue }
        let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
        let cents = members.reduce(Int64(0)) { $0 + (p.role[$1] <= 1 ? vermogen[$1] : 0) }
        households += 1
        sumCents += Int128(cents)
        let age = Int64(CivilDate(dayNumber: Int(birth[members.lowerBound])).age(on: date).years)
        if let b = bands.firstIndex(where: { $0[0] <= age && age < $0[1] }) {
          inBand[b] += 1
          if cents < bands[b][2] * 100 { belowMedian[b] += 1 }
        }
      }
      guard households > 0 else { continue }
      let weight = classes.reduce(0) { $0 + Int($1[2]) }
      // The mean of a class of whole euros drawn uniformly in [van, tot): (van + tot − 1) / 2.
      let scenarioMean = classes.reduce(Rational.zero) { $0 + Rational(Int($1[2])) * Rational(Int($1[0] + $1[1] - 1)) / 2 } / max(1, weight)
      let drawnMean = Rational(numeratorDigits: String(sumCents), denominatorDigits: "100")! / households
      if let ratio = drawnMean.dividedBy(scenarioMean) {
        margins.append(
          PopulationValidation.Margin(
            name: "gemiddeld vermogen van huishoudens die \(label) (t.o.v. het scenario)", source: "scenario 'vermogen_naar_woning'",
            target: Rational(1), drawn: ratio))
      }
      for (b, band) in bands.enumerated() where inBand[b] > 0 {
        let ages = band[1] >= 131 ? "vanaf \(band[0]) jaar" : "\(band[0])–\(band[1] - 1) jaar"
        margins.append(
          PopulationValidation.Margin(
            name: "huishoudens die \(label), aanvrager \(ages): onder de mediaan van € \(DutchFormat.groupThousands(String(band[2])))",
            source: source, target: Rational(1) / 2, drawn: Rational(belowMedian[b]) / inBand[b]))
      }
    }
    return margins
  }
}

import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Vermogen by tenure (scenario `vermogen_naar_woning`): per tenure the shares in its lowest and its
  /// highest class (the published margins the classes carry, such as CBS's median and share from
  /// 100.000 euros), counted over the households that draw from those classes (not those drawn on the
  /// bijstand when the scenario gives them `vermogen_bijstand`); and per age band with a published median
  /// (`mediaan_naar_leeftijd`) the share of all its households below that median (half), as CBS counts
  /// them. Empty without the section.
  static func wealth(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let byTenure = s.vermogenNaarWoning, case .uint8(let renters)? = p.householdColumns["woning.huurder"],
      case .int32(let birth)? = p.personColumns["geboortedatum"], case .int64(let vermogen)? = p.personColumns["vermogen"]
    else { return [] }
    let ownWealthOnAssistance = s.vermogenBijstand != nil
    let source = "scenario 'vermogen_naar_woning.mediaan_naar_leeftijd' (CBS, vermogen zonder eigen woning op 1 januari 2020)"
    var margins: [PopulationValidation.Margin] = []
    let tenures = [
      ("huren", UInt8(1), byTenure.huurders, byTenure.mediaanNaarLeeftijd?.huurders ?? []),
      ("een eigen woning hebben", UInt8(0), byTenure.eigenaren, byTenure.mediaanNaarLeeftijd?.eigenaren ?? []),
    ]
    for (label, renting, classes, bands) in tenures {
      let ordered = classes.sorted { $0[0] < $1[0] }
      guard let lowest = ordered.first, let highest = ordered.last, lowest != highest else { continue }
      var drawn = 0
      var (inLowest, inHighest) = (0, 0)
      var inBand = [Int](repeating: 0, count: bands.count)
      var belowMedian = inBand
      for h in 0..<p.householdCount where renters[h] == renting {
        let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
        let cents = members.reduce(Int64(0)) { $0 + (p.role[$1] <= 1 ? vermogen[$1] : 0) }
        let age = Int64(CivilDate(dayNumber: Int(birth[members.lowerBound])).age(on: date).years)
        if let b = bands.firstIndex(where: { $0[0] <= age && age < $0[1] }) {
          inBand[b] += 1
          if cents < bands[b][2] * 100 { belowMedian[b] += 1 }
        }
        if ownWealthOnAssistance && p.assistanceUse(h) == .user { continue }
        drawn += 1
        if cents < lowest[1] * 100 { inLowest += 1 }
        if cents >= highest[0] * 100 { inHighest += 1 }
      }
      guard drawn > 0 else { continue }
      let weight = classes.reduce(0) { $0 + Int($1[2]) }
      let who = "vermogen van huishoudens die \(label)" + (ownWealthOnAssistance ? " (zonder wie van de bijstand leeft)" : "")
      margins.append(
        PopulationValidation.Margin(
          name: "\(who): onder € \(DutchFormat.groupThousands(String(lowest[1]))) (de onderste klasse)", source: "scenario 'vermogen_naar_woning'",
          target: Rational(Int(lowest[2])) / max(1, weight), drawn: Rational(inLowest) / drawn))
      margins.append(
        PopulationValidation.Margin(
          name: "\(who): vanaf € \(DutchFormat.groupThousands(String(highest[0]))) (de bovenste klasse)", source: "scenario 'vermogen_naar_woning'",
          target: Rational(Int(highest[2])) / max(1, weight), drawn: Rational(inHighest) / drawn))
      for (b, band) in bands.enumerated() where inBand[b] > 0 {
        let ages = band[1] >= 131 ? "vanaf \(band[0]) jaar" : "\(band[0])–\(band[1] - 1) jaar"
        margins.append(
          PopulationValidation.Margin(
            name: "vermogen van huishoudens die \(label), aanvrager \(ages): onder de mediaan van € \(DutchFormat.groupThousands(String(band[2])))",
            source: source, target: Rational(1) / 2, drawn: Rational(belowMedian[b]) / inBand[b]))
      }
    }
    return margins
  }
}

import ExactArithmetic
import Population
import Synthesis

/// The input side of the validation: for each margin the scenario takes from a published table, the
/// share it asks for and the share the generator drew. A deviation here is a generator fault or
/// sampling noise, not a finding about the rules.
public enum InputMargins {
  /// The margins of `p` against the scenario it was drawn from, ages on `date`.
  public static func compute(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    let n = max(1, p.householdCount)
    func share(_ count: Int) -> Rational { Rational(count) / n }
    let total = AnalysisContext.nationalHouseholds(of: s)
    let composition = s.compositionShares
    var counts = [Int](repeating: 0, count: HouseholdType.allCases.count)
    for t in p.householdType { counts[Int(t)] += 1 }
    var margins = HouseholdType.allCases.map { type in
      PopulationValidation.Margin(
        name: "huishoudens: \(type.label)", source: "scenario 'samenstelling' (CBS 37975, 37620, 71487ned)",
        target: composition[type] ?? .zero, drawn: share(counts[Int(type.rawValue)]))
    }
    if case .uint8(let renters)? = p.householdColumns["woning.huurder"] {
      margins.append(
        PopulationValidation.Margin(
          name: "huishoudens die huren", source: "scenario 'wonen.huur_promille'",
          target: Rational(Int(s.wonen.huurPromille)) / 1000, drawn: share(renters.reduce(0) { $0 + Int($1) })))
      // The renters' share within each household type the scenario names.
      for (type, target) in s.tenureShares.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        var (households, renting) = (0, 0)
        for h in 0..<p.householdCount where p.householdType[h] == type.rawValue {
          households += 1
          renting += Int(renters[h])
        }
        margins.append(
          PopulationValidation.Margin(
            name: "huishoudens die huren, binnen het type \(type.label)", source: "scenario 'wonen.huur_naar_huishoudtype'",
            target: target, drawn: Rational(renting) / max(1, households)))
      }
    }
    // Renters' mean household income over the owners' (scenario 'wonen.huur_naar_inkomen').
    if let byIncome = s.wonen.huurNaarInkomen, case .uint8(let renters)? = p.householdColumns["woning.huurder"],
      let drawn = renterRatio(Generator.householdIncomes(p, scale: byIncome.scale), renters: renters, counted: { _ in true })
    {
      let measure = byIncome.scale == nil ? "gemiddeld inkomen huurders / eigenaren (als aandeel)" : "gemiddeld gestandaardiseerd bruto-inkomen huurders / eigenaren (als aandeel)"
      let source = byIncome.besteedbaar == nil
        ? "scenario 'wonen.huur_naar_inkomen' (CBS 2021, gestandaardiseerd inkomen)"
        : "scenario 'wonen.huur_naar_inkomen.inkomensverhouding' (afgeleid, zie de volgende rij)"
      margins.append(PopulationValidation.Margin(name: measure, source: source, target: byIncome.target, drawn: drawn))
    }
    // Adults (aanvragers and partners) without personal income: the scenario's 'zonder_inkomen' weight.
    if case .int64(let income)? = p.personalIncome {
      var adults = 0
      var none = 0
      for (row, role) in p.role.enumerated() where role <= 1 {
        adults += 1
        if income[row] == 0 { none += 1 }
      }
      // With 'bijstand_in_inkomen' those persons are drawn without income too (the rules give their bijstand).
      let zero = s.inkomen.drawnZonderInkomen
      let weights = s.inkomen.drawnClasses.reduce(Int64(0)) { $0 + $1[2] } + zero
      let source = s.inkomen.bijstandPersons > 0
        ? "scenario 'inkomen.zonder_inkomen' en 'inkomen.bijstand_in_inkomen' naast CBS 83931NED"
        : "scenario 'inkomen.zonder_inkomen' naast CBS 83931NED"
      margins.append(
        PopulationValidation.Margin(
          name: "aanvragers en partners zonder inkomen (ook wie van de bijstand leeft)", source: source,
          target: Rational(Int(zero)) / Int(max(1, weights)), drawn: Rational(none) / max(1, adults)))
    }
    margins += incomeClasses(p, scenario: s, date: date)
    margins += incomeByAge(p, scenario: s, date: date)
    // With leefvormen the bijstand is drawn per unit, and the margins by age follow that draw.
    margins += s.inkomen.bijstandNaarLeefvorm == nil ? assistanceByAge(p, scenario: s, date: date) : assistanceByHousehold(p, scenario: s, date: date)
    margins += twoEarners(p, scenario: s, date: date)
    margins += incomeByPlace(p, scenario: s, date: date)
    margins += childAges(p, scenario: s, date: date)
    margins += ownerHomes(p, scenario: s, date: date)
    margins += wealth(p, scenario: s, date: date)
    // AOW recipients with and without a partner (scenario 'kalibratie_aow'), per household.
    if let k = s.kalibratieAow, case .int32(let birth)? = p.personColumns["geboortedatum"] {
      var alone = 0
      var together = 0
      for h in 0..<p.householdCount {
        let rows = Int(p.personStart[h])..<Int(p.personStart[h + 1])
        let couple = rows.contains { p.role[$0] == 1 }
        for row in rows where CivilDate(dayNumber: Int(birth[row])).age(on: date).years >= Int(k.leeftijd) {
          if couple && p.role[row] <= 1 { together += 1 } else { alone += 1 }
        }
      }
      let source = "scenario 'kalibratie_aow' (SVB, eind 2023, in Nederland); per huishouden"
      margins.append(
        PopulationValidation.Margin(
          name: "personen van \(k.leeftijd)+ zonder partner (per 100 huishoudens)", source: source, target: Rational(Int(k.zonderPartner)) / Int(max(1, total)),
          drawn: share(alone)))
      margins.append(
        PopulationValidation.Margin(
          name: "personen van \(k.leeftijd)+ met partner (per 100 huishoudens)", source: source, target: Rational(Int(k.metPartner)) / Int(max(1, total)),
          drawn: share(together)))
    }
    return margins
  }

  /// Children living at home per band of `kinderen.leeftijd`, as a share of all children (a child is a
  /// person whose parent lives in the household: `kind_van` is not 'niemand').
  static func childAges(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let bands = s.kinderen.leeftijd, case .uint8(let parent)? = p.personColumns["kind_van"],
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    var counts = [Int](repeating: 0, count: bands.count)
    var children = 0
    for row in parent.indices where parent[row] != 0 && p.role[row] >= 2 {
      children += 1
      let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
      if let b = bands.firstIndex(where: { ($0[0]..<$0[1]).contains(age) }) { counts[b] += 1 }
    }
    let total = Int(bands.reduce(0) { $0 + $1[2] })
    let source = "scenario 'kinderen.leeftijd' (CBS 37620, 1 januari 2024, en afgeleid), aandeel van alle thuiswonende kinderen"
    return bands.enumerated().map { k, band in
      PopulationValidation.Margin(
        name: "thuiswonende kinderen van \(band[0])–\(band[1] - 1) jaar", source: source,
        target: Rational(Int(band[2])) / max(1, total), drawn: Rational(counts[k]) / max(1, children))
    }
  }

  /// Mean personal income of adults with income per band of `inkomen.naar_leeftijd`, brought back to
  /// the table's year, as a share of the classes' national mean.
  static func incomeByAge(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let byAge = s.inkomen.naarLeeftijd, case .int64(let income)? = p.personalIncome,
      case .int32(let birth)? = p.personColumns["geboortedatum"]
    else { return [] }
    let national = Rational(Int(s.inkomen.classMeanEuros))
    let factor = Indexing(s.indexering, year: Int64(date.year)).factor
    var sums = [Int128](repeating: 0, count: byAge.banden.count)
    var counts = [Int](repeating: 0, count: byAge.banden.count)
    for row in income.indices where income[row] > 0 {
      let age = Int64(CivilDate(dayNumber: Int(birth[row])).age(on: date).years)
      guard age >= 18 else { continue }
      if let b = byAge.banden.firstIndex(where: { ($0[0]..<$0[1]).contains(age) }) {
        sums[b] += Int128(income[row])
        counts[b] += 1
      }
    }
    func drawn(_ k: Int) -> Rational {
      guard counts[k] > 0, let mean = Rational(numeratorDigits: String(sums[k]), denominatorDigits: String(Int128(counts[k]) * 100)) else {
        return .zero
      }
      return mean.dividedBy(factor)?.dividedBy(national) ?? .zero
    }
    let source = "scenario 'inkomen.naar_leeftijd' (CBS 83740ENG 2022*, t.o.v. het landelijke gemiddelde); de generator schaalt alle banden samen zo dat alle personen met inkomen het gemiddelde van de klassen hebben (zie de samenvatting)"
    return byAge.banden.enumerated().map { k, band in
      PopulationValidation.Margin(
        name: "gemiddeld persoonlijk inkomen \(band[1] > 130 ? "\(band[0]) jaar en ouder" : "\(band[0])–\(band[1] - 1) jaar") (t.o.v. landelijk)", source: source,
        target: Rational(Int(band[2])) / Int(byAge.landelijk), drawn: drawn(k))
    }
  }
}

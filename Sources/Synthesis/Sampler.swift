import Population

/// The scenario's distributions, prepared for fast integer sampling.
struct Sampler: Sendable {
  let composition: WeightedChoice
  let childrenMarried: WeightedChoice
  let childrenCohabiting: WeightedChoice
  let childrenSingleParent: WeightedChoice
  let age: [HouseholdType: Bands]
  /// Personal income of those with income: the national classes, and per age band the raked ones.
  let incomeNational: IncomeDistribution
  let incomeByAge: [(ages: Range<Int64>, distribution: IncomeDistribution)]
  /// The weight of no income beside the classes (``incomeTotal``), and from an age on a lower one: the
  /// persons taken out of the classes for the bijstand are drawn below the AOW age only.
  let incomeZero: UInt64
  let incomeZeroFromAge: (age: Int64, weight: UInt64)
  /// With `bijstand_naar_leeftijd`: the weight of no income per age band instead (``AssistanceByAge``).
  var incomeZeroByAge: AssistanceByAge?
  /// With `bijstand_naar_leefvorm`: the bijstand persons are drawn per unit (``AssistanceSpread``), and
  /// everyone else has no income with `zonder_inkomen` over the whole without those persons
  /// (``incomeTotalWithoutAssistance``), at every age.
  var assistanceUnits: AssistanceSpread?
  let zonderInkomen: UInt64
  let incomeTotalWithoutAssistance: UInt64
  let incomeTotal: UInt64
  /// Vermogen of renting and of owning households (the same classes unless the scenario separates them).
  let wealth: (renters: Bands, owners: Bands)
  /// With `vermogen_naar_woning.mediaan_naar_leeftijd`: the tenure's classes raked per age band of the
  /// aanvrager, set by the generator from a pilot (``Generator/calibratedWealthByAge()``).
  var wealthByAge: WealthByAge?
  /// Vermogen of a household whose aanvrager lives on the bijstand (`vermogen_bijstand`), if given.
  let wealthOnAssistance: Bands?
  let insuredFullPromille: UInt64
  let insuredOther: ClosedRange<Int64>
  /// With `inkomen.naar_leefvorm`: the classes of aanvrager, partner and adult child at home per age band
  /// and place, set by the generator from two pilots (``Generator/calibratedIncomeByPlace()``).
  var incomeByPlace: IncomeByPlace?
  /// Children's ages per aanvrager age, raked to the scenario's `kinderen.leeftijd` (nil without it).
  let childAges: ChildAgeSampler?

  /// Classes `[van, tot, gewicht]`: pick a class by weight, then a uniform value inside it.
  struct Bands: Sendable {
    let choice: WeightedChoice
    let bounds: [(Int64, Int64)]

    init(_ rows: [[Int64]]) {
      choice = WeightedChoice(rows.map { UInt64($0[2]) })
      bounds = rows.map { ($0[0], $0[1]) }
    }

    func sample(_ r: inout RandomSource) -> Int64 {
      let (lo, hi) = bounds[choice.pick(&r)]
      return r.integer(in: lo...(hi - 1))
    }

    func pick(_ r: inout RandomSource) -> Int64 { sample(&r) }
  }

  init(_ s: Scenario) {
    let c = s.samenstelling
    composition = WeightedChoice([
      c.alleenstaand, c.paarZonderKinderenGehuwd, c.paarZonderKinderenSamenwonend, c.paarMetKinderenGehuwd,
      c.paarMetKinderenSamenwonend, c.eenouder, c.metMedebewoners,
    ].map { UInt64($0) })
    childrenMarried = WeightedChoice(s.kinderen.paarGehuwd.map { UInt64($0) })
    childrenCohabiting = WeightedChoice(s.kinderen.paarSamenwonend.map { UInt64($0) })
    childrenSingleParent = WeightedChoice(s.kinderen.eenouder.map { UInt64($0) })
    // The age bands as written, or raked to the AOW recipients when the scenario says so.
    let ages = AgeCalibrationResult(s).bands
    age = [
      .alleenstaand: Bands(ages[.alleenstaand]!), .paarZonderKinderen: Bands(ages[.paarZonderKinderen]!),
      .paarMetKinderen: Bands(ages[.paarMetKinderen]!), .eenouder: Bands(ages[.eenouder]!),
      .metMedebewoners: Bands(ages[.metMedebewoners]!),
    ]
    // The classes without the persons whose income is the bijstand (they draw no income instead).
    let classes = s.inkomen.drawnClasses
    let national = IncomeDistribution(classes: classes)
    incomeNational = national
    incomeByAge = (s.inkomen.naarLeeftijd.map { byAge in
      byAge.banden.map { band in
        (band[0]..<band[1], IncomeDistribution(classes: classes, target: byAge.target(band: band, classMean: national.expectedEuros)))
      }
    }) ?? []
    let zero = s.inkomen.zeroWeights(aow: s.kalibratieAow)
    incomeZero = UInt64(zero.belowAge)
    incomeZeroFromAge = (zero.age ?? Int64.max, UInt64(zero.fromAge))
    incomeTotal = UInt64(classes.reduce(0) { $0 + $1[2] }) + UInt64(s.inkomen.drawnZonderInkomen)
    zonderInkomen = UInt64(s.inkomen.zonderInkomen)
    incomeTotalWithoutAssistance = incomeTotal - UInt64(s.inkomen.bijstandPersons)
    if let byTenure = s.vermogenNaarWoning {
      wealth = (Bands(byTenure.huurders), Bands(byTenure.eigenaren))
    } else {
      // Scenario validation requires `vermogen` when `vermogen_naar_woning` is absent.
      let all = Bands(s.vermogen ?? [])
      wealth = (all, all)
    }
    wealthOnAssistance = s.vermogenBijstand.map(Bands.init)
    insuredFullPromille = UInt64(s.verzekerdeJaren.volledigPromille)
    insuredOther = s.verzekerdeJaren.anders[0]...s.verzekerdeJaren.anders[1]
    childAges = ChildAgeCalibration(s).map(ChildAgeSampler.init)
  }

  /// A yearly personal income in cents for an adult of `age` (in the table's year) in `place` (the
  /// aanvrager, partner or adult child of such a household; nil: anyone else).
  func income(age: Int64, place: IncomePlace? = nil, _ r: inout RandomSource) -> Int64 {
    if hasNoIncome(age: age, &r) { return 0 }
    return incomeDistribution(age: age, place: place).sample(&r)
  }

  /// Whether an adult has no personal income (the scenario's `zonder_inkomen` weight, with the persons of
  /// `bijstand_in_inkomen`, beside the classes).
  func hasNoIncome(age: Int64, _ r: inout RandomSource) -> Bool {
    if assistanceUnits != nil { return r.below(incomeTotalWithoutAssistance) < zonderInkomen }
    let weight = incomeZeroByAge?.weight(age: age) ?? (age >= incomeZeroFromAge.age ? incomeZeroFromAge.weight : incomeZero)
    return r.below(incomeTotal) < weight
  }

  /// The distribution of those with income at `age`: their age band's and place's (``IncomeByPlace``),
  /// else their age band's, else the national one.
  func incomeDistribution(age: Int64, place: IncomePlace? = nil) -> IncomeDistribution {
    if let byPlace = incomeByPlace?.distribution(age: age, place: place) { return byPlace }
    return incomeByAge.first { $0.ages.contains(age) }?.distribution ?? incomeNational
  }
}

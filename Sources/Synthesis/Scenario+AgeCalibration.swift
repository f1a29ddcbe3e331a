import ExactArithmetic

/// Calibrates the ages of the scenario to the number of AOW recipients (SVB), with and without a
/// partner, by raking the age bands of the aanvrager.
///
/// The household composition fixes how many households of each type there are (CBS); the `leeftijd`
/// bands say how old their aanvrager is, and those are an assumption. This section gives two published
/// margins — persons of the pensioenleeftijd living without a partner, and with one — and scales the
/// weight of the bands at or above that age, one factor for the households without a partner
/// (alleenstaand, eenouder, met medebewoners) and one for couples, until the expected numbers of such
/// persons match. Types keep their totals; the expectation is computed exactly from the generator's
/// own draws (uniform age within a band, a partner's age the aanvrager's ± 6 years, at least 19:
/// ``Generator/partnerAge(head:offset:)``).
extension Scenario {
  public struct AgeCalibration: Sendable, Codable {
    /// The pensioenleeftijd the margins count from.
    public var leeftijd: Int64
    /// Persons of that age or older without a partner, and with one (in the country).
    public var zonderPartner: Int64
    public var metPartner: Int64

    enum CodingKeys: String, CodingKey {
      case leeftijd
      case zonderPartner = "zonder_partner"
      case metPartner = "met_partner"
    }

    static let shape = YAMLShape.mapping(["leeftijd": .value, "zonder_partner": .value, "met_partner": .value])

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard (18...129).contains(leeftijd) else { throw fail("kalibratie_aow.leeftijd: een leeftijd van 18 tot en met 129, niet \(leeftijd)") }
      for (name, v) in [("zonder_partner", zonderPartner), ("met_partner", metPartner)] where !(1...100_000_000).contains(v) {
        throw fail("kalibratie_aow.\(name): een aantal personen van 1 tot en met 100.000.000, niet \(v)")
      }
    }
  }
}

/// The age bands after calibration, and what the calibration reached.
public struct AgeCalibrationResult: Sendable {
  /// Per household type: the bands `[van, tot, gewicht]` the generator draws from.
  public let bands: [HouseholdTypeKey: [[Int64]]]
  /// The factor on the weight of bands from the pensioenleeftijd, without and with a partner.
  public let factors: (withoutPartner: Rational, withPartner: Rational)
  /// The expected number of such persons in the country after calibration (equal to the targets unless
  /// no factor within 1/1000 … 1000 reaches them).
  public let expected: (withoutPartner: Rational, withPartner: Rational)

  public enum HouseholdTypeKey: String, Sendable, CaseIterable {
    case alleenstaand, paarZonderKinderen = "paar_zonder_kinderen", paarMetKinderen = "paar_met_kinderen", eenouder
    case metMedebewoners = "met_medebewoners"

    var isCouple: Bool { self == .paarZonderKinderen || self == .paarMetKinderen }
  }

  /// Calibrates `scenario`'s age bands; without a `kalibratie_aow` section the bands stay as written.
  public init(_ scenario: Scenario) {
    var split: [HouseholdTypeKey: [[Int64]]] = [:]
    for key in HouseholdTypeKey.allCases { split[key] = scenario.leeftijd[key.rawValue] ?? [] }
    guard let c = scenario.kalibratieAow else {
      bands = split
      factors = (.one, .one)
      expected = (.zero, .zero)
      return
    }
    for key in HouseholdTypeKey.allCases { split[key] = Self.split(split[key] ?? [], at: c.leeftijd) }
    let counts = Self.householdCounts(scenario)
    func expectation(_ couples: Bool, _ f: Rational) -> Rational {
      var sum = Rational.zero
      for key in HouseholdTypeKey.allCases where key.isCouple == couples {
        sum = sum + Rational(Int(counts[key] ?? 0)) * Self.perHousehold(split[key] ?? [], couple: couples, age: c.leeftijd, factor: f)
      }
      // Housemates: one or two, aged 18…80 uniformly, none a partner.
      if !couples {
        let old = max(0, 80 - c.leeftijd + 1)
        sum = sum + Rational(Int(counts[.metMedebewoners] ?? 0)) * Rational(3 * Int(old)) / (2 * 63)
      }
      return sum
    }
    let fSingle = Self.solve(target: Rational(Int(c.zonderPartner))) { expectation(false, $0) }
    let fCouple = Self.solve(target: Rational(Int(c.metPartner))) { expectation(true, $0) }
    factors = (fSingle, fCouple)
    expected = (expectation(false, fSingle), expectation(true, fCouple))
    var scaled: [HouseholdTypeKey: [[Int64]]] = [:]
    for key in HouseholdTypeKey.allCases {
      let f = key.isCouple ? fCouple : fSingle
      scaled[key] = Self.integerWeights(split[key] ?? [], factor: f, age: c.leeftijd)
    }
    bands = scaled
  }

  /// Bands cut at `age` so that a band lies wholly below or wholly at or above it; a cut band's weight
  /// is shared by the number of years on each side (exact: the weights are multiplied by the band width).
  static func split(_ bands: [[Int64]], at age: Int64) -> [[Int64]] {
    bands.flatMap { b -> [[Int64]] in
      let (lo, hi, w) = (b[0], b[1], b[2])
      guard lo < age, age < hi else { return [[lo, hi, w * (hi - lo)]] }
      return [[lo, age, w * (age - lo)], [age, hi, w * (hi - age)]]
    }
  }

  /// Households per type in the country (the composition).
  static func householdCounts(_ s: Scenario) -> [HouseholdTypeKey: Int64] {
    let c = s.samenstelling
    return [
      .alleenstaand: c.alleenstaand, .paarZonderKinderen: c.paarZonderKinderenGehuwd + c.paarZonderKinderenSamenwonend,
      .paarMetKinderen: c.paarMetKinderenGehuwd + c.paarMetKinderenSamenwonend, .eenouder: c.eenouder, .metMedebewoners: c.metMedebewoners,
    ]
  }

  /// Expected persons at or above `age` per household, with the bands from `age` weighted by `factor`:
  /// the aanvrager, and for a couple the partner (``Generator/partnerAge(head:offset:)``, every offset
  /// equally likely).
  static func perHousehold(_ bands: [[Int64]], couple: Bool, age: Int64, factor: Rational) -> Rational {
    var weighted = Rational.zero
    var total = Rational.zero
    let offsets = Generator.partnerAgeOffsets.count
    for b in bands {
      let w = Rational(Int(b[2])) * (b[0] >= age ? factor : .one)
      let width = Int(b[1] - b[0])
      var persons = 0
      for head in b[0]..<b[1] {
        if head >= age { persons += offsets }
        if couple { persons += Generator.partnerAgeOffsets.filter { Generator.partnerAge(head: head, offset: $0) >= age }.count }
      }
      weighted = weighted + w * Rational(persons) / (offsets * width)
      total = total + w
    }
    return total.isZero ? .zero : weighted.dividedBy(total)!
  }

  /// The factor in 1/1000 … 1000 whose expectation reaches `target` (the expectation rises with the
  /// factor), by bisection on exact rationals: 40 halvings of the logarithmic range.
  static func solve(target: Rational, _ expectation: (Rational) -> Rational) -> Rational {
    var lo = Rational(1) / 1000
    var hi = Rational(1000)
    if expectation(lo) >= target { return lo }
    if expectation(hi) <= target { return hi }
    for _ in 0..<40 {
      let mid = (lo + hi) / 2
      if expectation(mid) < target { lo = mid } else { hi = mid }
      // Keep the numbers small: round the bounds to 1/2^20.
      lo = lo.rounded(to: Rational(1) / 1_048_576, mode: .naarBeneden)
      hi = hi.rounded(to: Rational(1) / 1_048_576, mode: .naarBoven)
    }
    return (lo + hi) / 2
  }

  /// The bands with integer weights for the sampler: weight × factor (for bands from `age`), scaled by
  /// 2^20 and rounded.
  static func integerWeights(_ bands: [[Int64]], factor: Rational, age: Int64) -> [[Int64]] {
    bands.map { b in
      let w = Rational(Int(b[2])) * (b[0] >= age ? factor : .one) * 1_048_576
      return [b[0], b[1], Int64(w.rounded(to: .one, mode: .rekenkundig).intValue ?? 0)]
    }
  }
}

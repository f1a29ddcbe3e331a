/// Draws the WOZ value of an owner's home and the interest on its eigenwoningschuld (scenario
/// `eigen_woning`), in cents, with integer arithmetic only.
///
/// The value is a class of ``Scenario/OwnerOccupation/wozWaarde`` by weight and a uniform euro inside
/// it. Whether there is a debt, and in which loan-to-value class, follows the aanvrager's age band; the
/// debt is the value times a uniform per-mille ratio inside the class, and the interest the debt times
/// the scenario's rate, both rounded down to whole cents.
struct OwnerHomeSampler: Sendable {
  /// One drawn home: WOZ value and the yearly interest on its debt, both in cents; `debt` is kept for
  /// the validation's loan-to-value margin.
  struct Home: Equatable, Sendable {
    var wozCents: Int64
    var debtCents: Int64
    var interestCents: Int64
  }

  let values: Sampler.Bands
  let ratioClasses: [(Int64, Int64)]
  /// Per age band: its upper bound and the choice between no debt (0) and class k (k ≥ 1).
  let debtByAge: [(upTo: Int64, choice: WeightedChoice)]
  let basisPoints: Int64

  /// `nil` when the scenario has no `eigen_woning` section. Scenario validation has checked the shapes.
  init?(_ s: Scenario.OwnerOccupation?) {
    guard let s else { return nil }
    values = Sampler.Bands(s.wozWaarde)
    ratioClasses = s.schuldKlassen.map { ($0[0], $0[1]) }
    debtByAge = s.schuldNaarLeeftijd.map { row in (row[1], WeightedChoice(row.dropFirst(2).map { UInt64($0) })) }
    basisPoints = s.renteBasispunten
  }

  /// The home of an owner household whose aanvrager is `age` years old.
  func draw(age: Int64, _ r: inout RandomSource) -> Home {
    let woz = values.sample(&r)  // whole euros, at most 100.000.000 (validated)
    let band = debtByAge.first { age < $0.upTo } ?? debtByAge[debtByAge.count - 1]
    let k = band.choice.pick(&r)
    guard k > 0 else { return Home(wozCents: woz * 100, debtCents: 0, interestCents: 0) }
    let (lo, hi) = ratioClasses[k - 1]
    let perMille = r.integer(in: lo...(hi - 1))
    // At most 10^8 euros × 10^4 per mille × 100 cents = 10^14 before dividing: far inside Int64.
    let debtCents = woz * perMille * 100 / 1000
    let interestCents = debtCents * basisPoints / 10_000
    return Home(wozCents: woz * 100, debtCents: debtCents, interestCents: interestCents)
  }
}

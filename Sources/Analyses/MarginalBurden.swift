import ExactArithmetic

/// The effective marginal burden of the encoded regulations: what a household keeps of € 1.000 more
/// gross income of the aanvrager, across all regulations together.
///
/// Only regulations that are encoded count. Income tax, premiums and the Participatiewet's
/// middelentoets are not encoded, so this is the withdrawal of toeslagen and AOW-partnertoeslag
/// alone; a real household's burden is higher by its tax rate.
public struct MarginalBurden: Sendable {
  public struct Band: Sendable {
    public let label: String
    /// Burden in per mille of the extra income: `lower ..< upper`.
    public let lower: Int64
    public let upper: Int64
    public var households = 0
  }

  /// The extra yearly income, in cents.
  public let step: Int64
  public let bands: [Band]
  /// Per output: the total withdrawn across all households, cents per year (positive = less paid).
  public let withdrawnByOutput: [(id: String, cents: Int128)]
  /// Households whose payments fall by more than the extra income (they end up with less).
  public let cliffs: Int
  /// Per output: households for whom this output alone falls by more than the extra income.
  public let cliffsByOutput: [(id: String, households: Int)]
  /// Mean burden over households with any burden, in per mille.
  public let meanPromille: Int64
  public let affected: Int
  public let undecided: Int
  public let households: Int

  /// Compares `base` with `raised`, the same households with € `step/100` more aanvrager income.
  public init(base: Outcomes, raised: Outcomes, step: Int64) {
    self.step = step
    var bands = [
      Band(label: "geen (0 %)", lower: 0, upper: 1),
      Band(label: "0 – 10 %", lower: 1, upper: 100),
      Band(label: "10 – 25 %", lower: 100, upper: 250),
      Band(label: "25 – 50 %", lower: 250, upper: 500),
      Band(label: "50 – 75 %", lower: 500, upper: 750),
      Band(label: "75 – 100 %", lower: 750, upper: 1000),
      Band(label: "meer dan 100 % (armoedeval)", lower: 1000, upper: Int64.max),
    ]
    var withdrawn = [Int128](repeating: 0, count: base.ids.count)
    var cliffsBy = [Int](repeating: 0, count: base.ids.count)
    var cliffs = 0
    var undecided = 0
    var sum: Int128 = 0
    var affected = 0
    for h in 0..<base.householdCount {
      guard let b = base.total(h), let r = raised.total(h) else { undecided += 1; continue }
      let lost = b - r
      for o in base.payments {
        let d = base.yearly[o][h] - raised.yearly[o][h]
        withdrawn[o] += Int128(d)
        if d > step { cliffsBy[o] += 1 }
      }
      // Per mille of the step, rounded down; a gain counts as no burden.
      let promille = max(0, lost) * 1000 / step
      if lost > step { cliffs += 1 }
      if lost > 0 { affected += 1; sum += Int128(promille) }
      let i = bands.firstIndex { promille >= $0.lower && promille < $0.upper } ?? bands.count - 1
      bands[i].households += 1
    }
    self.bands = bands
    withdrawnByOutput = base.payments.map { (base.ids[$0], withdrawn[$0]) }
    cliffsByOutput = base.payments.map { (base.ids[$0], cliffsBy[$0]) }
    self.cliffs = cliffs
    self.undecided = undecided
    self.affected = affected
    meanPromille = affected == 0 ? 0 : Int64(sum / Int128(affected))
    households = base.householdCount
  }
}

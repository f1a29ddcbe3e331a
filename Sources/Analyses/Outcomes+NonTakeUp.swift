import Synthesis

extension Outcomes {
  /// Who leaves a regeling unclaimed under `draw`, household by household: at the flat rate, or, where
  /// the scenario splits the regeling by the amount against a norm (`niet_gebruik_naar_aanvulling`), at
  /// the rate of the household's side of the boundary, by these outcomes. The columns are looked up once;
  /// an amount or norm the rules leave undecided, or that this population lacks, gives the flat rate.
  public func decliner(_ draw: NonTakeUp.Draw) -> @Sendable (Int) -> Bool {
    guard let split = draw.byTopUp else { return { draw.declines($0) } }
    let (amount, norm) = (index(of: split.bedrag), index(of: split.norm))
    let (yearly, undecided) = (yearly, undecided)
    @Sendable func value(_ o: Int?, _ h: Int) -> Int64? { o.flatMap { undecided[$0][h] ? nil : yearly[$0][h] } }
    return { h in draw.declines(h, amount: value(amount, h), norm: value(norm, h)) }
  }
}

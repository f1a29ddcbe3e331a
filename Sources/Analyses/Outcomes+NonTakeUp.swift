import Population
import Synthesis

extension Outcomes {
  /// Who leaves a regeling unclaimed under `draw`, household by household: at the flat rate, or, where
  /// the scenario splits the regeling by the amount against a norm (`niet_gebruik_naar_aanvulling`), at
  /// the rate of the household's side of the boundary, by these outcomes. The columns are looked up once;
  /// an amount or norm the rules leave undecided, or that this population lacks, gives the flat rate.
  /// For the bijstand's regeling (`inkomen.bijstand_regeling`) the `population`'s draw of who lives on
  /// it decides first (``AssistanceUse``); the population must be the one these outcomes are of. In a
  /// variant, `entitledBefore` says which households the baseline already entitled: a household of the
  /// draw's ages that only the variant entitles was not counted among the users or the non-users, and
  /// draws the scenario's rate.
  public func decliner(_ draw: NonTakeUp.Draw, population: PopulationData, entitledBefore: (@Sendable (Int) -> Bool)? = nil) -> @Sendable (Int) -> Bool {
    let use = draw.drawnUsers == nil ? [] : population.assistanceUse
    precondition(use.isEmpty || use.count == householdCount, "decliner: the population has \(use.count) households, the outcomes \(householdCount)")
    @Sendable func mark(_ h: Int) -> AssistanceUse {
      guard !use.isEmpty else { return .unknown }
      let m = AssistanceUse(packed: use[h], members: draw.members)
      if m == .nonUser, let entitledBefore, !entitledBefore(h) { return .unknown }
      return m
    }
    if draw.byTopUp == nil && use.isEmpty { return { draw.declines($0) } }
    let (amount, norm) = (draw.byTopUp.flatMap { index(of: $0.bedrag) }, draw.byTopUp.flatMap { index(of: $0.norm) })
    let (yearly, undecided) = (yearly, undecided)
    @Sendable func value(_ o: Int?, _ h: Int) -> Int64? { o.flatMap { undecided[$0][h] ? nil : yearly[$0][h] } }
    return { h in draw.declines(h, use: mark(h), amount: value(amount, h), norm: value(norm, h)) }
  }
}

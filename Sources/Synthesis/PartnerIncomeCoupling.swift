import ExactArithmetic
import Population

/// Partners' incomes drawn together rather than independently.
///
/// With chance ``perMillion``, drawn per couple before the aanvrager's income, both incomes are drawn at
/// one rank, each in its own distribution (the same quantile of each age band), otherwise
/// independently: a mixture of the comonotone and the independent copula. Among partners who both have
/// income and share an age band its rank correlation is that chance; across bands and with zero incomes
/// (`zonder_inkomen` stays independent) it is less. Each person's own distribution stays what the
/// scenario gives, so every income margin holds; only who lives with whom changes. The model has no sex
/// and no part-time work, so the chance stands in for more than the published dependence: it absorbs
/// whatever makes equal earnings commoner than independent draws give; it cannot make them rarer (a
/// mixture with the comonotone copula only adds equal couples), so a target below the independent share
/// is out of reach (``isOutOfReach``).
///
/// The chance is calibrated to the published share of two-earner couples with about equal earnings
/// (`inkomen.tweeverdieners`): that share is linear in the chance (a couple is comonotone or not, and
/// whether both partners have loon depends on age only), so two pilot samples, one independent and one
/// comonotone, give the chance that meets it, clamped to 0…1 when the target lies outside.
public struct PartnerIncomeCoupling: Sendable, Equatable {
  /// The chance, per million, that a partner is drawn at the aanvrager's rank.
  public let perMillion: UInt64
  /// The share of equal two-earner couples in the independent and the comonotone pilot.
  public let independentShare: Rational
  public let comonotoneShare: Rational
  /// The share the scenario asks for; nil without calibration.
  public let target: Rational?

  /// Whether the target lies outside what the chance can reach: below the independent share (the
  /// partners' loon would have to run against each other) or above the comonotone one.
  public var isOutOfReach: Bool { target.map { $0 < independentShare || $0 > comonotoneShare } ?? false }

  /// A fixed chance, without calibration (the pilots).
  init(perMillion: UInt64) {
    self.perMillion = perMillion
    independentShare = .zero
    comonotoneShare = .zero
    target = nil
  }

  /// The chance at which the expected share meets `target`, from the two pilots' counts.
  init(target: Rational, independent: TwoEarnerShare.Count, comonotone: TwoEarnerShare.Count) {
    independentShare = independent.share
    comonotoneShare = comonotone.share
    self.target = target
    let span = comonotoneShare - independentShare
    guard span > .zero, let raw = (target - independentShare).dividedBy(span) else {
      perMillion = 0
      return
    }
    let chance = Rational.max(.zero, Rational.min(.one, raw))
    perMillion = UInt64((chance * 1_000_000).rounded(to: .one, mode: .rekenkundig).intValue ?? 0)
  }

  /// What the calibrated coupling is, in one line for the summaries of `simulate` and `validate`, with
  /// the reason when the target is out of reach.
  public var note: String {
    let percent = { (r: Rational) in "\((r * 100).dutchDecimal(fractionDigits: 1)) %" }
    let shares = "gekalibreerd op de gelijkwaardige tweeverdieners (los getrokken \(percent(independentShare)), allemaal op dezelfde rang \(percent(comonotoneShare)))"
    // A chance of 0 is said as what it means: every couple's incomes are drawn apart.
    let note =
      perMillion == 0
      ? "de inkomens van partners worden los van elkaar getrokken (geen paar op dezelfde rang), \(shares)"
      : "bij \(percent(Rational(Int(perMillion)) / 1_000_000)) van de paren is het inkomen van de partner op de rang van dat van de aanvrager getrokken (rangcorrelatie), \(shares)"
    guard isOutOfReach, let target else { return note }
    if target < independentShare {
      return note + "; let op: het doel van \(percent(target)) is niet haalbaar, want los getrokken verdienen al meer paren ongeveer evenveel. Het model kent geen hoofd- en bijverdiener (geen deeltijd, geen geslacht): beide partners trekken uit dezelfde verdeling van hun leeftijd en leefvorm, dus lijken hun lonen meer op elkaar dan bij het CBS"
    }
    return note + "; let op: het doel van \(percent(target)) is niet haalbaar, want ook allemaal op dezelfde rang verdienen minder paren ongeveer evenveel"
  }
}

/// Two-earner couples with about equal loon in a population: the measure `inkomen.tweeverdieners`
/// describes, used to calibrate ``PartnerIncomeCoupling`` and shown by `toets validate`.
public enum TwoEarnerShare {
  /// Couples counted and those among them with about equal loon.
  public struct Count: Sendable, Equatable {
    public var couples: Int
    public var equal: Int
    /// `equal / couples`, zero without couples.
    public var share: Rational { couples == 0 ? .zero : Rational(equal) / couples }
  }

  /// Among the households whose aanvrager and partner are both below `pensionAge` on `date` and both
  /// have loon: those whose loon differs by less than `differencePromille` of the higher of the two.
  /// Zero couples without the columns `loon` and `geboortedatum`.
  public static func count(_ p: PopulationData, pensionAge: Int64, differencePromille: Int64, date: CivilDate) -> Count {
    guard case .int64(let loon)? = p.personColumns["loon"], case .int32(let birth)? = p.personColumns["geboortedatum"] else {
      return Count(couples: 0, equal: 0)
    }
    func workingAge(_ row: Int) -> Bool { CivilDate(dayNumber: Int(birth[row])).age(on: date).years < pensionAge }
    var result = Count(couples: 0, equal: 0)
    for h in 0..<p.householdCount {
      let members = Int(p.personStart[h])..<Int(p.personStart[h + 1])
      guard let head = members.first(where: { p.role[$0] == 0 }), let partner = members.first(where: { p.role[$0] == 1 }),
        loon[head] > 0, loon[partner] > 0, workingAge(head), workingAge(partner)
      else { continue }
      result.couples += 1
      let (low, high) = (min(loon[head], loon[partner]), max(loon[head], loon[partner]))
      // A difference below differencePromille of the higher: low > (1 − d) · high, in integers.
      if Int128(low) * 1000 > Int128(1000 - differencePromille) * Int128(high) { result.equal += 1 }
    }
    return result
  }
}

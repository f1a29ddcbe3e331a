import ExactArithmetic
import Foundation
import Population

extension Generator {
  /// The partner's income in cents: at `rank` of the partner's own distribution when the couple is
  /// coupled and the aanvrager has income, otherwise drawn on its own. Having no income stays independent.
  func partnerCents(age: Int64, place: IncomePlace?, atRank rank: UInt64?, _ r: inout RandomSource) -> Int64 {
    guard let rank else { return sampler.income(age: age, place: place, &r) }
    if sampler.hasNoIncome(age: age, &r) { return 0 }
    return sampler.incomeDistribution(age: age, place: place).euros(atQuantile: rank) * 100 + r.integer(in: 0...99)
  }

  /// The coupling that meets `inkomen.tweeverdieners`, from two pilot chunks drawn side by side, one
  /// independent and one comonotone, on the same random stream (the streams part after the first couple
  /// the coupling picks, so the two shares are not paired draw for draw). `nil` without the section or
  /// without `inkomensbron` (no loon to compare). Over seeds the chance varies by about a fifth of itself
  /// (1,4–2,3 % for zaad 1–8 with the Dutch scenario); `toets validate` shows the margin it gives.
  func calibratedCoupling() -> PartnerIncomeCoupling? {
    guard let check = scenario.inkomen.tweeverdieners, let sources = scenario.inkomensbron else { return nil }
    let pilots = ChunkResults(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      var pilot = self
      pilot.couplingValue = PartnerIncomeCoupling(perMillion: k == 0 ? 0 : 1_000_000)
      pilots.store(pilot.pilotSample(chunks: 1), at: k)
    }
    let counts = (0..<2).map {
      TwoEarnerShare.count(pilots.take($0), pensionAge: sources.pensioenVanaf, differencePromille: check.verschilPromille, date: date)
    }
    return PartnerIncomeCoupling(target: Rational(Int(check.gelijkwaardigPromille)) / 1000, independent: counts[0], comonotone: counts[1])
  }
}

extension Sampler {
  /// An income in cents drawn by rank, and the rank (`u / 2⁶⁴`): the same distribution as
  /// ``income(age:_:)``, with a rank a partner can be drawn at. No income gives rank 0.
  func incomeByRank(age: Int64, place: IncomePlace?, _ r: inout RandomSource) -> (cents: Int64, rank: UInt64) {
    if hasNoIncome(age: age, &r) { return (0, 0) }
    let rank = r.next()
    return (incomeDistribution(age: age, place: place).euros(atQuantile: rank) * 100 + r.integer(in: 0...99), rank)
  }
}

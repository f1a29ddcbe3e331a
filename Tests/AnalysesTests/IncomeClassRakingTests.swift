import Analyses
import ExactArithmetic
import Foundation
import Population
@testable import Synthesis
import TestSupport
import Testing

/// The joint raking of the income classes: every group keeps its mean, all groups together keep the
/// published class shares; targets that cannot be met together stop without a trap and say so; a drawn
/// national population holds the classes of CBS 83931NED.
@Suite("Inkomensklassen samen geharkt")
struct IncomeClassRakingTests {
  /// CBS 83931NED 2022*, as in Scenarios/nederland.yaml (x 1 000 persons, mean in euros).
  static let counts: [UInt64] = [1_803_800, 2_849_000, 2_495_300, 2_053_000, 1_632_200, 2_778_100, 473_300, 77_700]
  static let means: [Int64] = [4_100, 15_400, 24_800, 34_900, 44_700, 66_700, 129_300, 338_000]

  /// Per class, the share the groups draw together, and each group's expected mean.
  static func outcome(_ r: IncomeClassRaking, _ groups: [IncomeClassRaking.Group]) -> (shares: [Double], means: [Int64]) {
    let drawn = IncomeClassRaking.drawnShares(r.weights, groups: groups, classes: counts.count)
    let total = Double(drawn.reduce(0, +))
    return (drawn.map { Double($0) / total }, r.weights.map { IncomeRaking.mean(weights: $0, means: means) })
  }

  @Test("drie groepen onder, op en boven het landelijke gemiddelde: ieder haar gemiddelde, samen de klassen")
  func consistentTargets() {
    let national = IncomeRaking.mean(weights: Self.counts, means: Self.means)
    // Persons-weighted, the targets average to the classes' mean: 1·20.000 + 2·x + 1·60.000 = 4·national.
    let middle = (4 * national - 80_000) / 2
    let groups = [
      IncomeClassRaking.Group(persons: 100_000, target: 20_000), .init(persons: 200_000, target: middle), .init(persons: 100_000, target: 60_000),
    ]
    let r = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: groups)
    #expect(r.converged && r.rounds < 30 && r.targetGap < 100, "\(r.rounds) rondes, \(r.targetGap)")
    let (shares, means) = Self.outcome(r, groups)
    let published = Self.counts.map { Double($0) / Double(Self.counts.reduce(0, +)) }
    for k in shares.indices {
      #expect(abs(shares[k] / published[k] - 1) <= 0.001, "klasse \(k): \(shares[k]) tegen \(published[k])")
    }
    for (mean, group) in zip(means, groups) { #expect(abs(mean - group.target!) <= 1, "\(mean) tegen \(group.target!)") }
    // Tilting alone (the factors at one) leaves the outer classes too full: the factors must do work.
    let alone = groups.map { g in IncomeRaking.weights(counts: Self.counts, means: Self.means, target: g.target!) }
    let tilted = IncomeClassRaking.drawnShares(alone, groups: groups, classes: Self.counts.count)
    let all = Double(tilted.reduce(0, +))
    #expect(Double(tilted[0]) / all > published[0] + 0.01 && Double(tilted[7]) / all > published[7])
    #expect(r.factors[0] < IncomeClassRaking.one && r.factors[7] < IncomeClassRaking.one)
  }

  @Test("groepen ver uiteen (0,3 tot 2 keer het gemiddelde) halen de klassen ook, in meer rondes; de teruggegeven gewichten zijn de gecontroleerde")
  func farApart() {
    let national = IncomeRaking.mean(weights: Self.counts, means: Self.means)
    // 1·0,35 + 2·x + 1·1,8 = 4 (times the national mean): x = 0,925.
    let groups = [
      IncomeClassRaking.Group(persons: 100, target: national * 35 / 100), .init(persons: 200, target: national * 925 / 1000), .init(persons: 100, target: national * 18 / 10),
    ]
    let r = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: groups)
    #expect(r.converged && r.rounds > 10 && r.rounds < 100, "\(r.rounds) rondes, \(r.deviationPerMillion) per miljoen, grens \(r.isAtBound)")
    // What converged says holds for the weights returned: every class within a thousandth.
    let (shares, _) = Self.outcome(r, groups)
    let published = Self.counts.map { Double($0) / Double(Self.counts.reduce(0, +)) }
    #expect(zip(shares, published).allSatisfy { abs($0 / $1 - 1) <= 0.001 } && r.deviationPerMillion <= 1_000)
    // With fewer rounds allowed it stops, says so, and returns the nearest round it checked.
    let short = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: groups, rounds: 3)
    #expect(!short.converged && short.rounds == 3 && !short.isAtBound && short.deviationPerMillion > 1_000)
  }

  @Test("één groep op het landelijke gemiddelde en een groep zonder doel: de factoren blijven één")
  func nothingToDo() {
    let national = IncomeRaking.mean(weights: Self.counts, means: Self.means)
    let r = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: [.init(persons: 10, target: national), .init(persons: 5, target: nil)])
    #expect(r.converged && r.rounds == 1)
    #expect(r.factors.allSatisfy { $0 == IncomeClassRaking.one })
  }

  @Test("doelen die samen niet kunnen, geen personen of een lege klasse: geen val, en 'niet gehaald'")
  func impossible() {
    // Every group far above the classes' mean: the shares cannot hold with those means.
    let high = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: [.init(persons: 10, target: 90_000), .init(persons: 10, target: 120_000)])
    // (The targets average far above the classes' mean: the gap says why, whatever the factors do.)
    #expect(!high.converged && high.rounds == 100 && high.targetGap > 1_000_000 && high.deviationPerMillion > 1_000, "\(high.targetGap) \(high.deviationPerMillion)")
    // The worst class as shares of persons, each at most a million per million, apart as the deviation says.
    let worst = high.worstShares
    #expect((0...1_000_000).contains(worst.published) && (0...1_000_000).contains(worst.drawn) && abs(worst.drawn - worst.published) * 1_000_000 >= worst.published * 1_000)
    #expect(high.factors.allSatisfy { $0 >= IncomeClassRaking.one / IncomeClassRaking.bound && $0 <= IncomeClassRaking.one * IncomeClassRaking.bound })
    #expect(high.weights.allSatisfy { $0.contains { $0 > 0 } })
    // No persons: nothing to fit (no rounds, nothing missed), the groups still get weights.
    let empty = IncomeClassRaking(counts: Self.counts, means: Self.means, groups: [.init(persons: 0, target: 30_000)])
    #expect(empty.converged && empty.rounds == 0 && empty.weights.count == 1 && empty.weights[0].contains { $0 > 0 })
    // A class of count 0 keeps weight 0 in every group and takes no part in the fit.
    var counts = Self.counts
    counts[7] = 0
    let national = IncomeRaking.mean(weights: counts, means: Self.means)
    let gap = IncomeClassRaking(counts: counts, means: Self.means, groups: [.init(persons: 3, target: national - 5_000), .init(persons: 3, target: national + 5_000)])
    #expect(gap.converged && gap.weights.allSatisfy { $0[7] == 0 })
  }

  @Test("een getrokken bevolking van het landelijke scenario haalt de inkomensklassen binnen 0,4 procentpunt")
  func drawnClasses() throws {
    let s = PopulationValidationTests.scenario
    let date = CivilDate(iso: "2025-07-01")!
    let p = Generator(scenario: s, program: Repository.engine.program, date: date).generate(count: 60_000, threads: 2)
    let margins = InputMargins.compute(p, scenario: s, date: date).filter { $0.name.hasPrefix("personen met inkomen van ") }
    #expect(margins.count == 8)
    // About 75.000 persons with income: a class of 18 % has a standard error of 0,14 point.
    for m in margins {
      #expect((m.drawn - m.target).magnitude < Rational(4) / 1000, "\(m.name): \(m.drawn.dutchDecimal(fractionDigits: 4)) tegen \(m.target.dutchDecimal(fractionDigits: 4))")
    }
  }
}

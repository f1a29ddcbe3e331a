/// Income follows age: the mean personal income per age band, to which the income classes are raked.
///
/// Without it every adult draws from the national distribution, so pensioners are as rich as people of
/// fifty and students as rich as their parents: too few pensioners and young adults qualify for the
/// toeslagen, too many households with children. With `inkomen.naar_leeftijd` the classes of a person in
/// a band are reweighted (see ``IncomeDistribution``) so the expected income of those with income is the
/// band's mean; the bands give their means as published for one year, and only their ratio to that year's
/// national mean (`landelijk`) is used, applied to the mean of the classes. Ages outside every band draw
/// from the national classes.
extension Scenario {
  public struct IncomeByAge: Sendable, Codable {
    /// The national mean personal income (persons with income) in the year the bands are from, euros.
    public var landelijk: Int64
    /// `[van, tot, gemiddelde]`: ages `van ≤ leeftijd < tot` and their mean personal income, euros.
    public var banden: [[Int64]]

    static let shape = YAMLShape.mapping(["landelijk": .value, "banden": .value])

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard (1...10_000_000).contains(landelijk) else {
        throw fail("inkomen.naar_leeftijd.landelijk: een gemiddeld inkomen van 1 tot en met 10.000.000 euro, niet \(landelijk)")
      }
      guard !banden.isEmpty else { throw fail("inkomen.naar_leeftijd.banden: ten minste één band [van, tot, gemiddelde]") }
      for b in banden where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[1] > 131 || !(1...10_000_000).contains(b[2]) {
        throw fail("inkomen.naar_leeftijd.banden: iedere band is [van, tot, gemiddelde] met 0 ≤ van < tot ≤ 131 en een gemiddelde van 1 tot en met 10.000.000 euro")
      }
      let sorted = banden.sorted { $0[0] < $1[0] }
      for (a, b) in zip(sorted, sorted.dropFirst()) where b[0] < a[1] {
        throw fail("inkomen.naar_leeftijd.banden: de banden [\(a[0]), \(a[1])) en [\(b[0]), \(b[1])) overlappen; iedere leeftijd hoort bij hoogstens één band")
      }
    }

    /// Refuses a band whose mean the classes cannot reach (below the lowest or above the highest class
    /// mean): raking would stop at the edge and the band would silently get another mean.
    func validateReachable(classes: [[Int64]], _ fail: (String) -> ScenarioError) throws {
      let means = classes.map(IncomeDistribution.mean)
      let counts = classes.map { UInt64($0[2]) }
      let reach = IncomeRaking.reachable(counts: counts, means: means)
      let national = IncomeDistribution.nationalMean(classes)
      for band in banden {
        let target = target(band: band, classMean: national)
        guard reach.lowerBound < target && target < reach.upperBound else {
          throw fail(
            "inkomen.naar_leeftijd.banden: de band [\(band[0]), \(band[1])) vraagt een gemiddelde van \(target) euro (\(band[2]) × \(national) / \(landelijk)); met deze klassen ligt een gemiddelde tussen \(reach.lowerBound) en \(reach.upperBound) euro")
        }
      }
    }

    /// The band's mean for the classes: `mean × gemiddelde / landelijk`, in euros.
    func target(band: [Int64], classMean: Int64) -> Int64 {
      Int64(Int128(classMean) * Int128(band[2]) / Int128(landelijk))
    }
  }
}

extension Scenario.Income {
  /// The mean of the drawn classes (persons with income other than bijstand), in euros: what the bands'
  /// ratios are applied to.
  public var classMeanEuros: Int64 { IncomeDistribution.nationalMean(drawnClasses) }

  /// The mean the classes are raked to for a person of `age`, in euros; nil outside every band.
  public func targetMeanEuros(age: Int64) -> Int64? {
    guard let byAge = naarLeeftijd, let band = byAge.banden.first(where: { ($0[0]..<$0[1]).contains(age) }) else { return nil }
    return byAge.target(band: band, classMean: classMeanEuros)
  }
}

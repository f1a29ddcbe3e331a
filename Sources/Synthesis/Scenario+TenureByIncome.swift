import ExactArithmetic
import Population

extension Scenario {
  /// The renters' mean income over the owners' that ``TenureProfile`` calibrates to
  /// (`wonen.huur_naar_inkomen`), the income it is measured on, and the published ratio it is checked
  /// against.
  ///
  /// Without `equivalentiefactoren` the income is the aanvrager's and the partner's gross income
  /// together (earlier scenarios). With them it is the standardised gross household income: every
  /// member's gross income divided by the household's equivalence factor, the measure CBS uses (on
  /// disposable income) to compare households of different size. CBS publishes the ratio on disposable
  /// income; the generator knows only gross income (net income is what the rules compute), so the
  /// scenario states the gross target it derived and, under `besteedbaar`, the published ratio and the
  /// output that gives net income, which `toets validate` shows beside the model's.
  public struct TenureByIncome: Sendable, Codable {
    /// `[huurders, eigenaren]`: mean income of each, in any one unit.
    public var inkomensverhouding: [Int64]
    /// Equivalence factors in hundredths: row `a − 1` for `a` adults, column `k` for `k` minors.
    public var equivalentiefactoren: [[Int64]]?
    /// The published ratio on standardised disposable income and the output that gives net income.
    public var besteedbaar: DisposableCheck?

    /// The published ratio on disposable income, checked in the validation against the model's.
    public struct DisposableCheck: Sendable, Codable {
      /// `[huurders, eigenaren]`: mean standardised disposable income of each.
      public var verhouding: [Int64]
      /// The output whose yearly amount is a household's net income (for instance `netto.jaarinkomen`).
      public var uitvoer: String

      static let shape = YAMLShape.mapping(["verhouding": .value, "uitvoer": .value])

      /// The published ratio as a fraction.
      public var target: Rational { Rational(Int(verhouding[0])) / Int(verhouding[1]) }
    }

    static let shape = YAMLShape.mapping([
      "inkomensverhouding": .value, "equivalentiefactoren": .value, "besteedbaar": DisposableCheck.shape,
    ])

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard Self.isRatio(inkomensverhouding) else {
        throw fail("wonen.huur_naar_inkomen.inkomensverhouding: [huurders, eigenaren], twee positieve gemiddelden met huurders ≤ eigenaren")
      }
      if let factors = equivalentiefactoren {
        let square = !factors.isEmpty && factors.count <= 10 && factors.allSatisfy { $0.count == factors[0].count && (1...10).contains($0.count) }
        guard square, factors.allSatisfy({ $0.allSatisfy { (100...1000).contains($0) } }) else {
          throw fail(
            "wonen.huur_naar_inkomen.equivalentiefactoren: een tabel van 1 tot 10 rijen (1, 2, … volwassenen) van even lange rijen (0, 1, … minderjarigen), elk in honderdsten van 100 tot en met 1000 (1,37 is 137)")
        }
        // One more member never makes a household need less: rising along every row and column.
        for (a, row) in factors.enumerated() {
          for (k, f) in row.enumerated() where (k > 0 && f < row[k - 1]) || (a > 0 && f < factors[a - 1][k]) {
            throw fail(
              "wonen.huur_naar_inkomen.equivalentiefactoren: de factor voor \(a + 1) volwassene(n) en \(k) minderjarige(n) (\(f)) is lager dan die met een lid minder; een lid meer verlaagt de factor nooit")
          }
        }
        guard factors[0][0] == 100 else {
          throw fail("wonen.huur_naar_inkomen.equivalentiefactoren: de factor van één volwassene zonder kinderen is de maat (100), niet \(factors[0][0])")
        }
      }
      if let check = besteedbaar {
        guard Self.isRatio(check.verhouding) else {
          throw fail("wonen.huur_naar_inkomen.besteedbaar.verhouding: [huurders, eigenaren], twee positieve gemiddelden met huurders ≤ eigenaren")
        }
        guard !check.uitvoer.isEmpty else { throw fail("wonen.huur_naar_inkomen.besteedbaar.uitvoer: de uitvoer die het netto-inkomen per jaar geeft") }
        guard equivalentiefactoren != nil else {
          throw fail("wonen.huur_naar_inkomen.besteedbaar: vergelijkt gestandaardiseerde inkomens en vraagt daarom ook equivalentiefactoren")
        }
      }
    }

    static func isRatio(_ r: [Int64]) -> Bool { r.count == 2 && r.allSatisfy { (1...1_000_000_000).contains($0) } && r[0] <= r[1] }

    /// The gross target as a fraction.
    public var target: Rational { Rational(Int(inkomensverhouding[0])) / Int(inkomensverhouding[1]) }

    /// The equivalence scale, or `nil` when the ratio is on the couple's gross income.
    public var scale: EquivalenceScale? { equivalentiefactoren.map(EquivalenceScale.init) }
  }
}

/// Equivalence factors by the number of adults and minors in a household, in hundredths (CBS: one adult
/// is 100, a couple 137). Beyond the table the last row or column holds.
public struct EquivalenceScale: Sendable {
  let factors: [[Int64]]

  public init(_ factors: [[Int64]]) { self.factors = factors }

  /// The factor in hundredths for `adults` (at least one counts) and `minors`.
  public func factor(adults: Int, minors: Int) -> Int64 {
    let row = factors[min(factors.count, max(1, adults)) - 1]
    return row[min(row.count - 1, max(0, minors))]
  }

  /// `cents` of household income as the income of one adult living alone (rounded down).
  public func standardised(_ cents: Int64, adults: Int, minors: Int) -> Int64 {
    let factor = factor(adults: adults, minors: minors)
    let (scaled, overflow) = cents.multipliedReportingOverflow(by: 100)
    // 64-bit for every income a household can have; 128-bit only beyond 9 · 10¹⁶ cents.
    return overflow ? Int64(Int128(cents) * 100 / Int128(factor)) : scaled / factor
  }
}

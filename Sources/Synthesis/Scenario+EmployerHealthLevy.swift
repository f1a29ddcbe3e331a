import ExactArithmetic

/// The werkgeversheffing Zvw inside a drawn personal income, taken out before the income becomes loon or
/// uitkering.
///
/// CBS counts as income from work the gross wage including the employer's contributions to social
/// insurance, and deducts from the personal income the premiums for income insurance (pension,
/// unemployment, sickness, disability) but not those for health insurance. The employer's income-related
/// Zvw contribution (Zvw art. 42) therefore stays in the CBS personal income, although it is no wage for
/// the income tax or the Awir. This section removes it from the part that becomes loon or uitkering
/// (UWV pays the same heffing over its benefits), not from a pension: a pensioner's own bijdrage is
/// withheld from his pension and is part of his taxable income. The drawn personal income itself (CBS's
/// concept, for the income deciles and the tenure calibration) is left as it is.
extension Scenario {
  public struct EmployerHealthLevy: Sendable, Codable, Equatable {
    /// The rate of the heffing in the year of the income table, per 10.000 (2022: 675, 6,75 %).
    public var perTienduizend: Int64
    /// The maximum bijdrage-inkomen in that year, in euros (2022: 59.706); indexed with the income.
    public var maximumBijdrageInkomen: Int64

    /// A levy of `perTienduizend` / 10.000 over at most `maximumBijdrageInkomen` euros.
    public init(perTienduizend: Int64, maximumBijdrageInkomen: Int64) {
      self.perTienduizend = perTienduizend
      self.maximumBijdrageInkomen = maximumBijdrageInkomen
    }

    enum CodingKeys: String, CodingKey {
      case perTienduizend = "per_tienduizend"
      case maximumBijdrageInkomen = "maximum_bijdrage_inkomen"
    }

    static let shape = YAMLShape.mapping(["per_tienduizend": .value, "maximum_bijdrage_inkomen": .value])

    /// One line for summaries and reports: what loon and uitkering stand for.
    public var note: String {
      let percent = (Rational(Int(perTienduizend)) / 100).dutchDecimal(fractionDigits: 2)
      return "loon en uitkering zonder de werkgeversheffing Zvw die in het persoonlijk inkomen zit (\(percent) % tot € \(DutchFormat.groupThousands(String(maximumBijdrageInkomen))) in het jaar van de inkomens, mee geïndexeerd)"
    }

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard (0...2_000).contains(perTienduizend) else {
        throw fail("inkomensbron.werkgeversheffing_zvw.per_tienduizend: een percentage in tienduizendsten van 0 tot en met 2.000 (20 %), niet \(perTienduizend)")
      }
      guard (1...10_000_000).contains(maximumBijdrageInkomen) else {
        throw fail("inkomensbron.werkgeversheffing_zvw.maximum_bijdrage_inkomen: euro's per jaar van 1 tot en met 10.000.000, niet \(maximumBijdrageInkomen)")
      }
    }

    /// The loon or uitkering in a personal income of `income` cents whose heffing was paid on top of it,
    /// with `maximum` the indexed maximum bijdrage-inkomen in cents: the L with L + rate × min(L, maximum)
    /// = income, rounded to the nearest cent (half up). Exact integer arithmetic; never negative, never
    /// above the income (a negative maximum counts as 0).
    public func wage(inPersonalIncome income: Int64, maximum: Int64) -> Int64 {
      guard income > 0, perTienduizend > 0 else { return max(0, income) }
      let rate = Int128(perTienduizend)
      let g = Int128(income)
      let m = Int128(max(0, maximum))
      // Up to the maximum, income = L × (1 + rate); above it, income = L + rate × maximum.
      if g * 10_000 <= m * (10_000 + rate) {
        let d = 10_000 + rate
        return Int64((2 * g * 10_000 + d) / (2 * d))
      }
      return Int64(g - (2 * m * rate + 10_000) / 20_000)
    }
  }
}

import ExactArithmetic
import Foundation

/// Brings the personal incomes of the scenario's table year to the year of the peildatum.
///
/// The income classes are those of one published year (CBS 83931NED, 2022); wages and benefits have
/// risen since. This section lists the yearly rise of a cited index (CBS cao-lonen) in basis points;
/// a drawn income is multiplied by the chained rises from ``basisjaar`` up to the peildatum's year.
/// Years after the last listed one get no further rise, years before ``basisjaar`` none at all, and the
/// simulation says so (``Indexing/note``) instead of extrapolating.
extension Scenario {
  public struct YearlyRises: Sendable, Codable {
    /// The year of the income table.
    public var basisjaar: Int64
    /// `[jaar, stijging]`: the rise in that year in basis points (610 = 6,10 %).
    public var stijging: [[Int64]]

    static let shape = YAMLShape.mapping(["basisjaar": .value, "stijging": .value])

    /// Refuses what no index can mean, naming the field under `path` (`indexering`, `wonen.huurstijging.sociaal`).
    func validate(at path: String, _ fail: (String) -> ScenarioError) throws {
      // The years a peildatum can have (``DateRange``): a base year or a rise outside them means nothing.
      let years = Int64(DateRange.earliest.year)...Int64(DateRange.latest.year)
      guard years.contains(basisjaar) else {
        throw fail("\(path).basisjaar: een jaar van \(years.lowerBound) tot en met \(years.upperBound), niet \(basisjaar)")
      }
      var last = basisjaar
      var product = Rational.one
      for row in stijging {
        guard row.count == 2 else { throw fail("\(path).stijging: iedere regel is [jaar, stijging in basispunten]") }
        guard row[0] <= years.upperBound else {
          throw fail("\(path).stijging: jaren tot en met \(years.upperBound), niet \(row[0])")
        }
        guard row[0] == last + 1 else {
          throw fail("\(path).stijging: de jaren volgen op elkaar vanaf \(basisjaar + 1); verwacht \(last + 1), niet \(row[0])")
        }
        guard (-5000...5000).contains(row[1]) else {
          throw fail("\(path).stijging: een stijging van −5000 tot en met 5000 basispunten (±50 %), niet \(row[1]) in \(row[0])")
        }
        // Every year's factor, not only the last, is a factor some peildatum uses.
        product = product * (Rational(Int(10_000 + row[1])) / 10_000)
        guard product <= Rational(100) else {
          throw fail("\(path).stijging: de stijgingen tot en met \(row[0]) vermenigvuldigen de bedragen met meer dan 100")
        }
        guard product >= Rational(1) / 100 else {
          throw fail("\(path).stijging: de dalingen tot en met \(row[0]) brengen de bedragen onder een honderdste van die van \(basisjaar)")
        }
        last = row[0]
      }
    }
  }
}

/// The factor a scenario's incomes are multiplied by for one year, exact, with what it covers.
public struct Indexing: Sendable, Equatable {
  /// The chained factor (1 without an `indexering` section).
  public let factor: Rational
  /// The first and last year whose rise is in the factor (nil: none).
  public let years: ClosedRange<Int64>?
  /// The year asked for.
  public let year: Int64
  /// The table year (nil without an `indexering` section).
  public let baseYear: Int64?
  /// The last year the scenario has a rise for.
  public let lastListedYear: Int64?

  public init(_ index: Scenario.YearlyRises?, year: Int64) {
    self.year = year
    baseYear = index?.basisjaar
    lastListedYear = index.map { $0.basisjaar + Int64($0.stijging.count) }
    guard let index else {
      factor = .one
      years = nil
      return
    }
    var f = Rational.one
    var covered: [Int64] = []
    for row in index.stijging where row[0] <= year {
      f = f * (Rational(Int(10_000 + row[1])) / 10_000)
      covered.append(row[0])
    }
    factor = f
    years = covered.isEmpty ? nil : covered.first!...covered.last!
  }

  /// One line for summaries and reports: what the incomes stand for.
  public var note: String? {
    guard let baseYear else { return nil }
    guard let years else {
      if year <= baseYear { return "inkomens van \(baseYear), niet geïndexeerd (het jaar van de peildatum, \(year), valt niet na het basisjaar)" }
      return "inkomens van \(baseYear), niet geïndexeerd (het scenario noemt geen stijging tot en met \(year))"
    }
    let f = factor.dutchDecimal(fractionDigits: 4)
    var s = "inkomens van \(baseYear) geïndexeerd naar \(years.upperBound) (× \(f))"
    if let lastListedYear, year > lastListedYear { s += "; na \(lastListedYear) staat geen stijging in het scenario, dus geen verdere indexering" }
    return s
  }

  /// The factor in units of 10⁻¹⁸, for integer scaling of cents (exact to 18 decimals).
  public var fixedPoint: Int128 {
    let scaled = (factor * Rational(numeratorDigits: "1000000000000000000", denominatorDigits: "1")!).roundedToInteger(.rekenkundig)
    return Int128(scaled.numeratorString)!
  }

  /// `cents` (0 or more) times the factor, rounded to whole cents (half up).
  @inline(__always)
  public func apply(_ cents: Int64, fixedPoint f: Int128) -> Int64 {
    guard baseYear != nil, cents > 0 else { return cents }
    let unit: Int128 = 1_000_000_000_000_000_000
    return Int64((Int128(cents) * f + unit / 2) / unit)
  }
}

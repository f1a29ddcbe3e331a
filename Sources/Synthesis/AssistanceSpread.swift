import ExactArithmetic

/// Who lives on the bijstand by age and by place in the household at once (`inkomen.bijstand_naar_leefvorm`
/// beside `inkomen.bijstand_naar_leeftijd`).
///
/// The persons of `bijstand_in_inkomen` are drawn per unit (``AssistanceUnit``: one adult, or a couple
/// together) with a chance per age band and leefvorm. The chances are raked (iterative proportional
/// fitting) on the generator's own adults, counted on a pilot sample, so that the expected persons meet
/// both published margins: per age band its share of the recipients, per leefvorm its share. A couple
/// falls in the band of its aanvrager. Students (`studenten`) are left out: they have no right to
/// bijstand. Whoever is drawn has no personal income; the Participatiewet computes the bijstand.
public struct AssistanceSpread: Sendable {
  /// Ages `van ≤ leeftijd < tot` per band: those of `bijstand_naar_leeftijd`, or one band from 18 to the
  /// AOW age of `kalibratie_aow`.
  public let bands: [Range<Int64>]
  /// The chance per unit, per band and leefvorm (in the order of ``AssistanceUnit/allCases``).
  public let chance: [[Rational]]
  /// Cells whose raked chance was above one (every unit there is drawn, fewer persons than asked).
  public let capped: [(band: Range<Int64>, unit: AssistanceUnit)]
  /// Leefvormen that ask for persons but have no unit at all in the generator: their persons are not
  /// drawn (the keys, "alleenstaande_ouder").
  public let unplaced: [String]
  /// Age bands that ask for persons but have no unit at all: their persons are drawn in the other bands
  /// (the leefvormen keep their totals), as people read them ("30 jaar").
  public let emptyBands: [String]
  /// The number of units drawn per 10⁹ (the chance rounded down), per band and leefvorm.
  let perBillion: [[UInt64]]

  /// - Parameters:
  ///   - units: per band and leefvorm, the units the generator draws (couples counted once), on a
  ///     pilot sample; `adults`: all adults of that sample.
  ///   - total: the weights of the classes and of 'no income' together (the sampler's whole), the
  ///     adults the published persons are a part of.
  public init?(_ income: Scenario.Income, aowAge: Int64?, units: [[Int]], adults: Int, total: Int64) {
    guard let byHousehold = income.bijstandNaarLeefvorm, income.bijstandPersons > 0, adults > 0, total > 0 else { return nil }
    let rows = income.assistanceAgeRows(aowAge: aowAge)
    guard rows.count == units.count, units.allSatisfy({ $0.count == AssistanceUnit.allCases.count }) else { return nil }
    bands = rows.map { $0[0]..<$0[1] }
    // The published persons, scaled to the pilot's adults.
    let persons = Rational(Int(income.bijstandPersons)) * adults / Int(total)
    let byAge = Self.shares(rows.map { $0[2] }).map { $0 * persons }
    let byUnit = Self.shares(byHousehold.weights).map { $0 * persons }
    let cells = units.map { row in zip(row, AssistanceUnit.allCases).map { Rational($0 * $1.persons) } }
    let (x, y) = Self.rake(cells: cells, rows: byAge, columns: byUnit)
    var chance: [[Rational]] = []
    var capped: [(Range<Int64>, AssistanceUnit)] = []
    for (a, band) in bands.enumerated() {
      chance.append(AssistanceUnit.allCases.map { unit in
        let p = x[a] * y[unit.rawValue]
        guard p > Rational(1) else { return p }
        if units[a][unit.rawValue] > 0 { capped.append((band, unit)) }
        return Rational(1)
      })
    }
    self.chance = chance
    let empty = { (cells: [Int]) in cells.allSatisfy { $0 == 0 } }
    emptyBands = zip(bands, zip(byAge, units)).filter { $0.1.0 > Rational(0) && empty($0.1.1) }.map {
      DutchFormat.ages($0.0.lowerBound, $0.0.upperBound)
    }
    unplaced = AssistanceUnit.allCases.filter { l in byUnit[l.rawValue] > Rational(0) && empty(units.map { $0[l.rawValue] }) }.map(\.key)
    self.capped = capped.map { (band: $0.0, unit: $0.1) }
    perBillion = chance.map { row in row.map { UInt64(($0 * 1_000_000_000).roundedToInteger(.naarBeneden).intValue ?? 0) } }
  }

  /// Whether a unit whose (aanvrager's) age is `age` is drawn on the bijstand.
  func draws(_ unit: AssistanceUnit, age: Int64, _ r: inout RandomSource) -> Bool {
    guard let a = band(age: age) else { return false }
    let chance = perBillion[a][unit.rawValue]
    return chance > 0 && r.chance(chance, in: 1_000_000_000)
  }

  /// The ages the draw covers, from the lowest band's start to the highest band's end (as
  /// ``Scenario/Income/assistanceAges(aowAge:)``).
  public var ages: Range<Int64> { Scenario.Income.span(bands) }

  /// The band that holds `age`, or nil.
  public func band(age: Int64) -> Int? { bands.firstIndex { $0.contains(age) } }

  /// Weights as shares of their sum.
  static func shares(_ weights: [Int64]) -> [Rational] {
    let sum = weights.reduce(Int64(0), +)
    return weights.map { sum > 0 ? Rational(Int($0)) / Int(sum) : Rational(0) }
  }

  /// Iterative proportional fitting of a two-way table: factors per row (`x`) and column (`y`) such that
  /// `x[a] · y[l] · cells[a][l]` sums to `rows[a]` along each row and to `columns[l]` along each column
  /// (both margins have the same total). Fixed at 200 passes, each factor rounded to 10⁻¹⁸ so the
  /// numbers stay small; a row or column without cells keeps factor zero.
  static func rake(cells: [[Rational]], rows: [Rational], columns: [Rational]) -> (x: [Rational], y: [Rational]) {
    let unit = Rational(numerator: 1, denominator: 1_000_000_000_000_000_000)
    var x = [Rational](repeating: Rational(1), count: rows.count)
    var y = [Rational](repeating: Rational(1), count: columns.count)
    func solve(_ target: Rational, _ sum: Rational) -> Rational {
      sum > Rational(0) ? (target.dividedBy(sum) ?? Rational(0)).rounded(to: unit, mode: .rekenkundig) : Rational(0)
    }
    for _ in 0..<200 {
      for a in rows.indices {
        x[a] = solve(rows[a], columns.indices.reduce(Rational(0)) { $0 + y[$1] * cells[a][$1] })
      }
      for l in columns.indices {
        y[l] = solve(columns[l], rows.indices.reduce(Rational(0)) { $0 + x[$1] * cells[$1][l] })
      }
    }
    return (x, y)
  }
}

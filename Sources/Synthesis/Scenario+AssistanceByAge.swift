import ExactArithmetic

/// Who lives on the bijstand, by age: the persons of `inkomen.bijstand_in_inkomen` spread over age bands.
///
/// Without it the generator draws them evenly below the AOW age, so an adult of 20 is as likely to live
/// on the bijstand as one of 60; CBS counts far more recipients from 45 on (and they more often have the
/// full norm). `inkomen.bijstand_naar_leeftijd` gives `[van, tot, personen]` per band, the published
/// recipients; only their proportions are used, applied to the persons taken out of the classes. How
/// many adults the generator draws at each age (children at home and housemates included) comes from a
/// pilot sample (``Generator/assistanceByAge()``), so each band's chance is its share of the recipients
/// over its share of the adults.
public struct AssistanceByAge: Sendable {
  public struct Band: Sendable {
    /// Ages `van ≤ leeftijd < tot`.
    public let ages: Range<Int64>
    /// The persons of `bijstand_in_inkomen` in this band (the band's share of the published recipients).
    public let persons: Rational
    /// The share of the generator's adults in this band (pilot sample).
    public let adultShare: Rational
    /// The weight of 'no income' beside the classes for an adult of this age: `zonder_inkomen` plus
    /// `persons / adultShare`, rounded down; at most the whole (then every adult there draws no income).
    public let weight: UInt64
    /// Whether the band asked for more persons than it has adults (the weight was capped).
    public let capped: Bool
  }

  public let bands: [Band]
  /// The weight of 'no income' for ages outside every band: `zonder_inkomen` alone.
  public let outside: UInt64

  /// - Parameters:
  ///   - adults: the adults per band (in the order of `bijstand_naar_leeftijd`) and in all: the pilot's
  ///     for the generator, a drawn population's for its input margins.
  ///   - total: the weights of the classes and of 'no income' together (the sampler's whole).
  public init?(_ income: Scenario.Income, adults: (perBand: [Int], all: Int), total: UInt64) {
    guard let rows = income.bijstandNaarLeeftijd, income.bijstandPersons > 0, adults.all > 0, rows.count == adults.perBand.count else { return nil }
    let published = rows.reduce(Int64(0)) { $0 + $1[2] }
    guard published > 0 else { return nil }
    outside = UInt64(income.zonderInkomen)
    bands = zip(rows, adults.perBand).map { row, count in
      let persons = Rational(Int(income.bijstandPersons)) * Rational(Int(row[2])) / Int(published)
      let share = Rational(count) / adults.all
      guard count > 0 else { return Band(ages: row[0]..<row[1], persons: persons, adultShare: share, weight: UInt64(income.zonderInkomen), capped: !persons.isZero) }
      let extra = (persons * adults.all / count).rounded(to: .one, mode: .naarBeneden)
      let wanted = Rational(Int(income.zonderInkomen)) + extra
      let capped = wanted > Rational(Int(total))
      let weight = capped ? total : UInt64(wanted.intValue ?? Int(total))
      return Band(ages: row[0]..<row[1], persons: persons, adultShare: share, weight: weight, capped: capped)
    }
  }

  /// The weight of 'no income' at `age`.
  func weight(age: Int64) -> UInt64 {
    bands.first { $0.ages.contains(age) }?.weight ?? outside
  }
}

extension Scenario.Income {
  /// Checks `bijstand_naar_leeftijd`: only beside `bijstand_in_inkomen` that takes persons out, bands
  /// `[van, tot, personen]` with 18 ≤ van < tot ≤ the AOW age of `kalibratie_aow` (else 131), ascending
  /// without overlap, persons from 0 to 100.000.000 and not all zero. Below 18 no income is drawn, and
  /// from the AOW age the bijstand (the AIO) stays in the income.
  func validateAssistanceByAge(aowAge: Int64?, _ fail: (String) -> ScenarioError) throws {
    guard let rows = bijstandNaarLeeftijd else { return }
    let name = "inkomen.bijstand_naar_leeftijd"
    guard bijstandPersons > 0 else {
      throw fail("\(name): verdeelt de personen van inkomen.bijstand_in_inkomen over leeftijden; zonder personen daar is er niets te verdelen")
    }
    let upper = aowAge ?? 131
    let why = aowAge.map { _ in " (de AOW-leeftijd van kalibratie_aow; daarboven blijft de bijstand in het inkomen)" } ?? ""
    guard (1...116).contains(rows.count) else { throw fail("\(name): van 1 tot en met 116 leeftijdsbanden, niet \(rows.count)") }
    var end: Int64 = 18
    for (i, row) in rows.enumerated() {
      guard row.count == 3 else { throw fail("\(name)[\(i)]: een band is [van, tot, personen], drie gehele getallen, niet \(row.count)") }
      guard row[0] >= 18, row[0] < row[1], row[1] <= upper else {
        throw fail("\(name)[\(i)]: van en tot zijn leeftijden met 18 ≤ van < tot ≤ \(upper)\(why), niet [\(row[0]), \(row[1])]")
      }
      guard i == 0 || row[0] >= end else {
        throw fail("\(name)[\(i)]: de band [\(row[0]), \(row[1])) begint voor het einde van de vorige (\(end)); geef de banden oplopend en zonder overlap")
      }
      guard (0...100_000_000).contains(row[2]) else {
        throw fail("\(name)[\(i)]: een aantal personen van 0 tot en met 100.000.000, niet \(row[2])")
      }
      end = row[1]
    }
    guard rows.contains(where: { $0[2] > 0 }) else { throw fail("\(name): ten minste één band met personen") }
  }
}

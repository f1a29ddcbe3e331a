import ExactArithmetic

/// A life table: the number of survivors out of 100.000 at exact ages, with deaths spread evenly
/// within each age interval (the usual assumption of uniform distribution of deaths).
///
/// The built-in table is CBS StatLine 60025, *Verkorte overlevingstafel; geslacht, leeftijd,
/// 1995/1996 – 1999/2000*, men, column *Levenden (tafelbevolking)*. It is the only complete Dutch table
/// found with its survivors at every age up to the last interval; it is older than today's mortality,
/// so it understates how many people live on (counts and payments are lower bounds). The men's table
/// is used for both partners: it understates the survival of the (mostly female) younger partners too.
/// The last interval (105 and over, e₁₀₅ = 1,76 year) ends at 105 + 2 × 1,76 under the same assumption.
public struct MortalityTable: Sendable {
  public let name: String
  public let source: String
  /// Exact ages and survivors, ascending; the last survivor count is 0.
  let ages: [Rational]
  let survivors: [Rational]

  public static let cbs1996to2000Men = MortalityTable(
    name: "CBS verkorte overlevingstafel 1995/1996–1999/2000, mannen",
    source: "CBS StatLine 60025, Verkorte overlevingstafel; geslacht, leeftijd, 1995/1996 - 1999/2000 (Levenden, mannen)",
    ages: [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105].map { Rational($0) }
      + [Rational(decimal: "108.52")!],
    survivors: [
      100_000, 99_416, 99_285, 99_204, 99_117, 98_878, 98_544, 98_204, 97_808, 97_266, 96_386, 94_972, 92_681, 88_986,
      82_769, 72_983, 59_002, 41_296, 22_805, 8_806, 2_042, 234, 7, 0,
    ].map { Rational($0) })

  /// Survivors at exact age `age` (linear within an interval; 0 beyond the table).
  public func survivors(at age: Rational) -> Rational {
    if age <= ages[0] { return survivors[0] }
    for i in 1..<ages.count where age <= ages[i] {
      let fraction = (age - ages[i - 1]).dividedBy(ages[i] - ages[i - 1])!
      return survivors[i - 1] + (survivors[i] - survivors[i - 1]) * fraction
    }
    return .zero
  }

  /// The probability that someone of exact age `from` is alive at `to` (0 when nobody of `from` lives).
  public func survival(from: Rational, to: Rational) -> Rational {
    let l = survivors(at: from)
    return l.isZero ? .zero : survivors(at: to).dividedBy(l)!
  }

  /// The first age at which nobody is alive.
  public var limitAge: Rational { ages[ages.count - 1] }
}

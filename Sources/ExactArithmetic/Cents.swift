/// Amounts in whole cents written as exact decimal euros, without going through ``Rational``: the
/// form of the contract's JSON and of the exports (`1573`, `272.54`, `0.5`, `-12.3`), for the
/// millions of values an export writes.
public enum Cents {
  /// `157300` → `1573`, `27254` → `272.54`, `50` → `0.5`: the same text as
  /// `Rational(cents, 100).exactString`.
  public static func decimalString(_ cents: Int128) -> String {
    let magnitude = cents.magnitude
    let whole = String(magnitude / 100)
    let fraction = Int(magnitude % 100)
    let sign = cents < 0 ? "-" : ""
    if fraction == 0 { return sign + whole }
    if fraction % 10 == 0 { return sign + whole + "." + String(fraction / 10) }
    return sign + whole + (fraction < 10 ? ".0" : ".") + String(fraction)
  }

  public static func decimalString(_ cents: Int64) -> String { decimalString(Int128(cents)) }
}

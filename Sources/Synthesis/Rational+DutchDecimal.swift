import ExactArithmetic
import Foundation

extension Rational {
  /// The value with `fractionDigits` decimals and a decimal comma, as scenario notes and messages show
  /// it to Dutch readers (`1,1099`).
  public func dutchDecimal(fractionDigits: Int) -> String {
    decimalString(fractionDigits: fractionDigits).replacingOccurrences(of: ".", with: ",")
  }
}

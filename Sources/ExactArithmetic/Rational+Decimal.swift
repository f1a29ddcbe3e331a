/// Reading and writing exact decimals: the JSON and CSV form (`1573.42`) and the Dutch form people read
/// (`1.573,42`).
extension Rational {
  /// Parses a plain decimal as JSON writes numbers: `-12`, `1573.42`, `30000.5`, `1.5e3`.
  ///
  /// Every digit is kept: `0.1` is exactly one tenth. Returns `nil` for anything else, including
  /// thousands separators, a decimal comma, `NaN` and infinities.
  public init?(decimal text: String) {
    var s = Substring(text)
    var negative = false
    if s.first == "-" {
      negative = true
      s = s.dropFirst()
    } else if s.first == "+" {
      s = s.dropFirst()
    }
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let exp = Int(s[s.index(after: e)...]), abs(exp) <= 1000 else { return nil }
      exponent = exp
      s = s[..<e]
    }
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty),
      (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    if parts.count == 2 && fraction.isEmpty { return nil }
    self.init(digits: String(whole + fraction), scale: fraction.count - exponent, negative: negative)
  }

  /// Parses a Dutch decimal as law text and people write it: `1.573,42`, `4,273`, `24`, `-0,5`.
  ///
  /// Dots group thousands (in groups of three) and the comma separates the decimals.
  public init?(dutch text: String) {
    var s = Substring(text)
    var negative = false
    if s.first == "-" || s.first == "−" {
      negative = true
      s = s.dropFirst()
    }
    let parts = s.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    if parts.count == 2 && fraction.isEmpty { return nil }
    let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
    guard let head = groups.first, !head.isEmpty, head.count <= (groups.count > 1 ? 3 : Int.max),
      groups.dropFirst().allSatisfy({ $0.count == 3 })
    else { return nil }
    let digits = groups.joined() + fraction
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    self.init(digits: String(digits), scale: fraction.count, negative: negative)
  }

  /// `digits × 10^-scale`, negated when asked.
  init(digits: String, scale: Int, negative: Bool) {
    let trimmed = digits.drop(while: { $0 == "0" })
    let body = trimmed.isEmpty ? "0" : String(trimmed)
    let numerator = negative && body != "0" ? "-" + body : body
    if scale >= 0 {
      self.init(numeratorDigits: numerator, denominatorDigits: "1" + String(repeating: "0", count: scale))!
    } else {
      self.init(numeratorDigits: numerator + String(repeating: "0", count: -scale))!
    }
  }

  /// Whether the decimal expansion ends (the denominator has no prime factors but 2 and 5).
  public var hasTerminatingDecimal: Bool {
    guard var d = Rational(numeratorDigits: denominatorString) else { return false }
    for p in [2, 5] {
      while (d / p).isInteger { d = d / p }
    }
    return d == .one
  }

  /// The exact decimal string in the JSON form (`1573.42`, `-0.5`, `12`) when the expansion ends;
  /// otherwise the fraction `n/d`. Never rounds.
  public var exactString: String {
    if isInteger { return numeratorString }
    guard hasTerminatingDecimal else { return description }
    var scale = 0
    var scaled = self
    while !scaled.isInteger {
      scaled = scaled * 10
      scale += 1
    }
    return Rational.insertPoint(scaled.numeratorString, scale: scale, point: ".")
  }

  /// The value written with exactly `fractionDigits` decimals after rounding with `mode`, in the JSON
  /// form: `decimalString(fractionDigits: 2)` gives `1573.40`.
  public func decimalString(fractionDigits: Int, mode: RoundingMode = .rekenkundig) -> String {
    let unit = Rational(numeratorDigits: "1", denominatorDigits: "1" + String(repeating: "0", count: fractionDigits))!
    let scaled = (rounded(to: unit, mode: mode) * Rational(numeratorDigits: "1" + String(repeating: "0", count: fractionDigits))!)
    return Rational.insertPoint(scaled.numeratorString, scale: fractionDigits, point: ".")
  }

  /// Puts a decimal point `scale` digits from the right of an integer string.
  static func insertPoint(_ integerDigits: String, scale: Int, point: Character) -> String {
    guard scale > 0 else { return integerDigits }
    var digits = integerDigits
    var sign = ""
    if digits.hasPrefix("-") {
      sign = "-"
      digits.removeFirst()
    }
    if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
    let cut = digits.index(digits.endIndex, offsetBy: -scale)
    return sign + digits[..<cut] + String(point) + digits[cut...]
  }
}

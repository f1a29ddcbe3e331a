/// Dutch conventions for numbers, amounts and dates where people read them: `€ 1.573,42`, `4,273%`,
/// `1 januari 2025`. Machine formats (JSON, CSV) use ``Rational/exactString`` and ``CivilDate/iso``.
public enum DutchFormat {
  public static let monthNames = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
  ]

  /// `1 januari 2025`.
  public static func date(_ d: CivilDate) -> String {
    let c = d.components
    return "\(c.day) \(monthNames[c.month - 1]) \(c.year)"
  }

  /// The ages `van ≤ leeftijd < tot` as people read them: `18–26 jaar`, or `21 jaar` for one year.
  public static func ages(_ van: Int64, _ tot: Int64) -> String {
    tot - 1 <= van ? "\(van) jaar" : "\(van)–\(tot - 1) jaar"
  }

  /// `1573` → `1.573`; groups thousands with dots.
  public static func groupThousands(_ digits: String) -> String {
    var body = digits
    var sign = ""
    if body.hasPrefix("-") {
      sign = "-"
      body.removeFirst()
    }
    var out = ""
    for (i, ch) in body.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(".") }
      out.append(ch)
    }
    return sign + String(out.reversed())
  }

  /// A number in Dutch notation. A value with a finite expansion of at most `exactFractionDigits`
  /// decimals is written exactly (a factor of 0,000000298184 stays readable); any other value is
  /// rounded to `maxFractionDigits` decimals and prefixed with `≈`.
  public static func number(_ r: Rational, maxFractionDigits: Int = 6, minFractionDigits: Int = 0, exactFractionDigits: Int = 15) -> String {
    var digits = minFractionDigits
    var exact = false
    while digits <= max(maxFractionDigits, exactFractionDigits) {
      if r.isMultiple(of: unit(digits)) {
        exact = true
        break
      }
      digits += 1
    }
    if !exact { digits = maxFractionDigits }
    let plain = r.decimalString(fractionDigits: digits)
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    var text = groupThousands(String(parts[0]))
    if parts.count == 2 { text += "," + parts[1] }
    return exact ? text : "≈ " + text
  }

  /// An amount in euros: `€ 1.573,42`, or `€ 1.573` for whole euros.
  /// An amount that is not a whole number of cents is shown rounded to four decimals, marked `≈`.
  public static func euro(_ r: Rational) -> String {
    if r.isInteger { return "€ " + number(r) }
    if r.isMultiple(of: unit(2)) { return "€ " + number(r, maxFractionDigits: 2, minFractionDigits: 2) }
    return "≈ € " + number(r.rounded(to: unit(4), mode: .rekenkundig), maxFractionDigits: 4, minFractionDigits: 4)
  }

  /// A percentage given as a fraction (0.04273 → `4,273%`).
  public static func percentage(_ fraction: Rational) -> String {
    number(fraction * 100, maxFractionDigits: 6) + "%"
  }

  static func unit(_ digits: Int) -> Rational {
    Rational(numeratorDigits: "1", denominatorDigits: "1" + String(repeating: "0", count: digits))!
  }
}

import ExactArithmetic

/// Cells in Dutch notation for the HTML and machine notation for JSON and CSV.
enum Format {
  static func count(_ n: Int) -> Report.Cell { count(Int128(n)) }

  static func count(_ n: Int128) -> Report.Cell {
    Report.Cell(raw: String(n), display: (n < 0 ? "−" : "") + DutchFormat.groupThousands(String(n.magnitude)))
  }

  /// Whole euros from cents (rounded half away from zero), e.g. `€ 1.234`.
  static func euros(_ cents: Int128) -> Report.Cell {
    let e = (cents.magnitude + 50) / 100
    return Report.Cell(raw: String(cents >= 0 ? Int128(e) : -Int128(e)), display: (cents < 0 ? "−€ " : "€ ") + DutchFormat.groupThousands(String(e)))
  }

  /// Euros with cents, e.g. `€ 1.234,56`.
  static func eurosCents(_ cents: Int128) -> Report.Cell {
    let s = Cents.decimalString(Int128(cents.magnitude))
    let parts = s.split(separator: ".")
    let whole = DutchFormat.groupThousands(String(parts[0]))
    // Always two decimals: `26.301,60`, not `26.301,6`.
    let frac = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
    return Report.Cell(raw: (cents < 0 ? "-" : "") + s, display: (cents < 0 ? "−€ " : "€ ") + whole + "," + frac)
  }

  /// A rational amount of euros, shown in whole euros.
  static func euros(_ r: Rational) -> Report.Cell {
    let cents = Int128(r.rounded(to: .one, mode: .rekenkundig).description) ?? 0
    return euros(cents * 100)
  }

  /// A rational count, shown rounded to whole households.
  static func count(_ r: Rational) -> Report.Cell {
    count(Int128(r.rounded(to: .one, mode: .rekenkundig).description) ?? 0)
  }

  /// `part / whole` as a percentage with one decimal, e.g. `12,3 %`.
  static func share(_ part: Int, of whole: Int) -> Report.Cell {
    guard whole > 0 else { return Report.Cell(raw: "", display: "–") }
    let tenths = (part * 1000 + whole / 2) / whole
    return Report.Cell(raw: String(format: "%.3f", Double(part) / Double(whole)), display: "\(tenths / 10),\(tenths % 10) %")
  }

  /// Per mille as a percentage, e.g. 153 → `15,3 %`.
  /// Negative values carry one minus sign: −24 → `−2,4 %`.
  static func promille(_ p: Int64) -> Report.Cell {
    let m = p.magnitude
    let sign = p < 0 ? "−" : ""
    let raw = (p < 0 ? "-" : "") + "\(m / 1000)." + String("00\(m % 1000)".suffix(3))
    return Report.Cell(raw: raw, display: "\(sign)\(m / 10),\(m % 10) %")
  }

  static func text(_ s: String) -> Report.Cell { Report.Cell(raw: s, display: s) }

  static func euroText(_ cents: Int128) -> String { euros(cents).display }
  static func countText(_ n: Int) -> String { count(n).display }
}

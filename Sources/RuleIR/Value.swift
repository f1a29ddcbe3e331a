import ExactArithmetic

/// A span of time as law states it: years, months and days (`67 jaar en 3 maanden`, `18 jaar`).
public struct Duration: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public var years: Int
  public var months: Int
  public var days: Int

  public init(years: Int = 0, months: Int = 0, days: Int = 0) {
    self.years = years
    self.months = months
    self.days = days
  }

  /// Months in total; ages and AOW-leeftijden compare on this, then on days.
  public var totalMonths: Int { years * 12 + months }

  public static func < (a: Duration, b: Duration) -> Bool {
    (a.totalMonths, a.days) < (b.totalMonths, b.days)
  }

  public static func + (a: Duration, b: Duration) -> Duration {
    Duration(years: a.years + b.years, months: a.months + b.months, days: a.days + b.days).normalised
  }

  public var normalised: Duration {
    Duration(years: totalMonths / 12, months: totalMonths % 12, days: days)
  }

  /// `67 jaar en 3 maanden`.
  public var description: String {
    var parts: [String] = []
    if years != 0 || (months == 0 && days == 0) { parts.append("\(years) jaar") }
    if months != 0 { parts.append("\(months) \(months == 1 ? "maand" : "maanden")") }
    if days != 0 { parts.append("\(days) \(days == 1 ? "dag" : "dagen")") }
    return parts.joined(separator: " en ")
  }
}

extension CivilDate {
  /// The date `duration` later (years and months first, then days).
  public func adding(_ duration: Duration) -> CivilDate {
    adding(months: duration.totalMonths).adding(days: duration.days)
  }
}

/// A value computed by the rules.
public enum Value: Sendable, Hashable {
  /// Amounts, percentages (as fractions) and numbers.
  case number(Rational)
  case boolean(Bool)
  case date(CivilDate)
  case duration(Duration)
  case enumCase(String)
  /// Index of a person in the household.
  case person(Int)
  case persons([Int])

  public var number: Rational? {
    if case .number(let r) = self { return r }
    return nil
  }

  public var boolean: Bool? {
    if case .boolean(let b) = self { return b }
    return nil
  }

  public var date: CivilDate? {
    if case .date(let d) = self { return d }
    return nil
  }
}

extension Value {
  /// The value as a person reads it, in Dutch notation, given its type.
  public func formatted(as type: RuleType) -> String {
    switch (self, type) {
    case (.number(let r), .money(let p)):
      switch p {
      case .perJaar: return DutchFormat.euro(r) + " per jaar"
      case .perMaand: return DutchFormat.euro(r) + " per maand"
      default: return DutchFormat.euro(r)
      }
    case (.number(let r), .percentage): return DutchFormat.percentage(r)
    case (.number(let r), _): return DutchFormat.number(r)
    case (.boolean(let b), _): return b ? "waar" : "onwaar"
    case (.date(let d), _): return DutchFormat.date(d)
    case (.duration(let d), _): return d.description
    case (.enumCase(let e), _): return "'\(e)'"
    case (.person(let i), _): return "persoon \(i + 1)"
    case (.persons(let list), _): return list.isEmpty ? "niemand" : list.map { "persoon \($0 + 1)" }.joined(separator: ", ")
    }
  }

  /// The value in machine form: exact decimals for numbers, ISO dates.
  public var machineString: String {
    switch self {
    case .number(let r): return r.exactString
    case .boolean(let b): return b ? "true" : "false"
    case .date(let d): return d.iso
    case .duration(let d): return d.description
    case .enumCase(let e): return e
    case .person(let i): return String(i)
    case .persons(let list): return list.map(String.init).joined(separator: ",")
    }
  }
}

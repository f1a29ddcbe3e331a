/// A day in the proleptic Gregorian calendar, without time of day or time zone.
///
/// Law counts in days, months and years (*kalendermaand*, *berekeningsjaar*, "de dag waarop hij 18
/// jaar wordt"); a `CivilDate` is exactly that and nothing more. It is stored as the number of days
/// since 1970-01-01, so comparing and subtracting dates is integer arithmetic, and the columnar kernel
/// can keep dates in an `Int32` column.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public let dayNumber: Int

  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// The date `year-month-day`; `nil` when no such day exists (2025-02-29, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
      (-9999...9999).contains(year)
    else { return nil }
    dayNumber = CivilDate.days(fromCivil: year, month, day)
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public var year: Int { components.year }
  public var month: Int { components.month }
  public var day: Int { components.day }

  /// Year, month and day (Howard Hinnant's `civil_from_days`).
  public var components: (year: Int, month: Int, day: Int) { Self.civil(fromDays: dayNumber) }

  /// Year, month and day of a day number; inlinable, for the kernel's inner loops.
  @inlinable
  public static func civil(fromDays dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The day number of `year-month-day` (Hinnant's `days_from_civil`); no validation.
  @inlinable
  public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  @inlinable
  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  @inlinable
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let c = components
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(abs(v))
      return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
  }

  public var description: String { iso }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(iso: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}

extension CivilDate {
  /// A day whose month (1–12) and day (in that month) the caller has made valid, in any year: date
  /// arithmetic past the years a document may give (1850–2199) computes on instead of trapping, and the
  /// rules (no law has a version there) decide what such a date means.
  public static func unchecked(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(dayNumber: days(fromCivil: year, month, day))
  }

  /// The first day of this date's month.
  public var firstOfMonth: CivilDate { Self.unchecked(year, month, 1) }
  /// The first day of the next month.
  public var firstOfNextMonth: CivilDate {
    month == 12 ? Self.unchecked(year + 1, 1, 1) : Self.unchecked(year, month + 1, 1)
  }
  /// 1 January of this date's year.
  public var firstOfYear: CivilDate { Self.unchecked(year, 1, 1) }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// The same day `months` later. A day that does not exist in the target month (31 April, 29 February
  /// in a common year) becomes the first day of the month after it: someone born on 29 February 2008
  /// turns 18 on 1 March 2026. See `Regulations/README.md` (interpretatiekeuze over schrikkeldagen).
  public func adding(months: Int) -> CivilDate {
    let c = components
    let total = c.year * 12 + (c.month - 1) + months
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    let m = total - y * 12 + 1
    if c.day <= CivilDate.daysIn(month: m, year: y) { return Self.unchecked(y, m, c.day) }
    return Self.unchecked(y, m, CivilDate.daysIn(month: m, year: y)).adding(days: 1)
  }

  public func adding(years: Int, months: Int = 0) -> CivilDate { adding(months: years * 12 + months) }

  /// Completed years and months from `self` (a birth date) to `date`, as an age is counted.
  public func age(on date: CivilDate) -> (years: Int, months: Int) {
    var months = (date.year - year) * 12 + (date.month - month)
    if adding(months: months) > date { months -= 1 }
    return months >= 0 ? (months / 12, months % 12) : (-((-months + 11) / 12), 0)
  }
}

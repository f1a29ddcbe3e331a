import ExactArithmetic

/// Calendar arithmetic for the kernel's inner loops, with the same results as ``CivilDate``.
///
/// The kernel keeps dates *packed* as `year × 1024 + month × 32 + day`: ordering is chronological,
/// and the operations rules use (first day of the month, adding years and months, ages) need no
/// division. Only adding days converts to a day number and back.
enum DayMath {
  @inline(__always) static func pack(_ y: Int, _ m: Int, _ d: Int) -> Int { y * 1024 + m * 32 + d }

  @inline(__always) static func pack(day: Int) -> Int {
    let (y, m, d) = civil(day)
    return pack(y, m, d)
  }

  @inline(__always) static func unpack(_ p: Int) -> Int { days(p >> 10, (p >> 5) & 31, p & 31) }

  @inline(__always) static func pack(_ date: CivilDate) -> Int { pack(day: date.dayNumber) }

  /// `date ± duration` on packed dates (a missing day rolls to the first of the next month).
  @inline(__always)
  static func addPacked(_ p: Int, duration packed: Int, subtract: Bool) -> Int {
    var months = packed >> 6
    var extra = packed & 63
    if subtract {
      months = -months
      extra = -extra
    }
    let y = p >> 10
    let m = (p >> 5) & 31
    let d = p & 31
    let total = y * 12 + (m - 1) + months
    let ny = total >= 0 ? total / 12 : (total - 11) / 12
    let nm = total - ny * 12 + 1
    var result: Int
    if d <= daysIn(nm, ny) {
      result = pack(ny, nm, d)
    } else {
      result = nm == 12 ? pack(ny + 1, 1, 1) : pack(ny, nm + 1, 1)
    }
    if extra != 0 { result = pack(day: unpack(result) + extra) }
    return result
  }

  @inline(__always) static func firstOfMonthPacked(_ p: Int) -> Int { (p & ~31) | 1 }

  @inline(__always) static func firstOfNextMonthPacked(_ p: Int) -> Int {
    let y = p >> 10
    let m = (p >> 5) & 31
    return m == 12 ? pack(y + 1, 1, 1) : pack(y, m + 1, 1)
  }

  /// Completed months (as a packed duration) from a packed birth date to a packed date.
  @inline(__always)
  static func agePacked(_ b: Int, _ t: Int) -> Int {
    var months = ((t >> 10) - (b >> 10)) * 12 + (((t >> 5) & 31) - ((b >> 5) & 31)) - ((b & 31) > (t & 31) ? 1 : 0)
    if months < 0 { months = -((-months + 11) / 12) * 12 }
    return months * 64
  }

  /// Year, month, day of a day number (Hinnant's `civil_from_days`).
  @inline(__always)
  static func civil(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  @inline(__always)
  static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  @inline(__always)
  static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `date + duration` (months first, a missing day rolls to the first of the next month, then days),
  /// or minus it.
  @inline(__always)
  static func add(days date: Int, duration packed: Int, subtract: Bool) -> Int {
    var months = packed >> 6
    var extra = packed & 63
    if subtract {
      months = -months
      extra = -extra
    }
    let (y, m, d) = civil(date)
    let total = y * 12 + (m - 1) + months
    let ny = total >= 0 ? total / 12 : (total - 11) / 12
    let nm = total - ny * 12 + 1
    let dim = daysIn(nm, ny)
    let base = d <= dim ? days(ny, nm, d) : days(ny, nm, dim) + 1
    return base + extra
  }

  @inline(__always)
  static func firstOfMonth(_ date: Int) -> Int {
    let (y, m, _) = civil(date)
    return days(y, m, 1)
  }

  @inline(__always)
  static func firstOfNextMonth(_ date: Int) -> Int {
    let (y, m, _) = civil(date)
    return m == 12 ? days(y + 1, 1, 1) : days(y, m + 1, 1)
  }

  /// Completed months between a birth date and a date, packed as a duration.
  @inline(__always)
  static func age(birth: Int, on date: Int) -> Int {
    let (by, bm, bd) = civil(birth)
    let (y, m, d) = civil(date)
    return age(by, bm, bd, y, m, d)
  }

  /// As ``age(birth:on:)`` with the birth date packed as `year × 1024 + month × 32 + day`.
  @inline(__always)
  static func age(packedBirth p: Int, year y: Int, month m: Int, day d: Int) -> Int {
    let by = p >> 10
    return age(by, (p >> 5) & 31, p & 31, y, m, d)
  }

  @inline(__always)
  static func age(_ by: Int, _ bm: Int, _ bd: Int, _ y: Int, _ m: Int, _ d: Int) -> Int {
    var months = (y - by) * 12 + (m - bm)
    // The anniversary in the target month, rolled to the next day when it does not exist.
    let total = by * 12 + (bm - 1) + months
    let ay = total >= 0 ? total / 12 : (total - 11) / 12
    let am = total - ay * 12 + 1
    let anniversaryAfter: Bool
    if bd <= daysIn(am, ay) { anniversaryAfter = bd > d } else { anniversaryAfter = true }
    if anniversaryAfter { months -= 1 }
    // As CivilDate.age: before birth, whole negative years.
    if months < 0 { months = -((-months + 11) / 12) * 12 }
    return months * 64
  }
}

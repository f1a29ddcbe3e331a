import ExactArithmetic

/// Calendar arithmetic for the kernel's inner loops, on ``CivilDate``'s conversions.
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

  @inline(__always) static func civil(_ day: Int) -> (Int, Int, Int) {
    let c = CivilDate.civil(fromDays: day)
    return (c.year, c.month, c.day)
  }

  @inline(__always) static func days(_ year: Int, _ month: Int, _ day: Int) -> Int { CivilDate.days(fromCivil: year, month, day) }

  @inline(__always) static func daysIn(_ month: Int, _ year: Int) -> Int { CivilDate.daysIn(month: month, year: year) }
}

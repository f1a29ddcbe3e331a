/// Calendar operations on packed dates (`year × 1024 + month × 32 + day`), as `DayMath` computes them.
/// Packed dates are positive (the tables' dates lie in 1850–2199), so shifts are plain divisions.
extension SQLWriter {
  func calendar(_ k: Int) -> String {
    let ins = program.instructions[k]
    let o = operands[k]
    let a = value(o.a)
    switch ins.code {
    case .packCivil: return a
    case .firstOfMonth: return "(\(a) - \(a) % 32 + 1)"
    case .firstOfNextMonth:
      let (y, m) = (year(a), month(a))
      return "CASE WHEN \(m) = 12 THEN (\(y) + 1) * 1024 + 33 ELSE \(y) * 1024 + (\(m) + 1) * 32 + 1 END"
    case .age: return age(a, value(o.b))
    case .daysBetween: return "(\(dayNumber(value(o.b))) - \(dayNumber(a)))"
    case .ageOn: return age(a, literal(ins.k))
    default:
      if o.b >= 0, program.instructions[o.b].code == .constant {
        // A constant duration (the usual case: "18 jaar"): months and days known here.
        let packed = program.instructions[o.b].k
        let (months, days) = (packed >> 6, packed & 63)
        return addDuration(a, months: String(ins.flag == 1 ? -months : months), days: String(ins.flag == 1 ? -days : days), noDays: days == 0)
      }
      let duration = value(o.b)
      let sign = ins.flag == 1 ? "-" : ""
      // A duration is months × 64 + days with days in 0…63; months may be negative.
      let floorMonths = "(CASE WHEN \(duration) >= 0 THEN \(dialect.truncatingDivide(duration, "64")) ELSE -\(dialect.truncatingDivide("(-\(duration) + 63)", "64")) END)"
      return addDuration(a, months: "\(sign)\(floorMonths)", days: "\(sign)(\(duration) - \(floorMonths) * 64)", noDays: false)
    }
  }

  func year(_ p: String) -> String { dialect.truncatingDivide(p, "1024") }
  func month(_ p: String) -> String { "(\(dialect.truncatingDivide(p, "32")) % 32)" }
  func day(_ p: String) -> String { "(\(p) % 32)" }
  /// The day number of a packed date (days since 0000-03-01, as `DayMath` counts them up to a constant),
  /// in integer arithmetic: no date function that could fail on the 0 of an undecided row. Packed dates
  /// are positive, so every division here is of a non-negative number.
  func dayNumber(_ p: String) -> String {
    let (y0, m, d) = (year(p), month(p), day(p))
    let y = "(\(y0) - CASE WHEN \(m) <= 2 THEN 1 ELSE 0 END)"
    let mp = "((\(m) + 9) % 12)"
    let doy = "(\(dialect.truncatingDivide("(153 * \(mp) + 2)", "5")) + \(d) - 1)"
    return "(\(y) * 365 + \(dialect.truncatingDivide(y, "4")) - \(dialect.truncatingDivide(y, "100")) + \(dialect.truncatingDivide(y, "400")) + \(doy))"
  }
  func pack(_ y: String, _ m: String, _ d: String) -> String { "((\(y)) * 1024 + (\(m)) * 32 + (\(d)))" }

  /// Completed months from birth date `b` to date `t`, whole years when negative, as a packed duration.
  func age(_ b: String, _ t: String) -> String {
    let months = "((\(year(t)) - \(year(b))) * 12 + (\(month(t)) - \(month(b))) - CASE WHEN \(day(b)) > \(day(t)) THEN 1 ELSE 0 END)"
    let negative = "-(\(dialect.truncatingDivide("(-\(months) + 11)", "12"))) * 12"
    return "(CASE WHEN \(months) < 0 THEN \(negative) ELSE \(months) END) * 64"
  }

  /// `p ± duration`: whole months first (a day the month lacks rolls to the first of the next month),
  /// then the days, through the engine's dates.
  func addDuration(_ p: String, months: String, days extra: String, noDays: Bool) -> String {
    let total = "(\(year(p)) * 12 + \(month(p)) - 1 + \(months))"
    let ny = "(CASE WHEN \(total) >= 0 THEN \(dialect.truncatingDivide(total, "12")) ELSE -\(dialect.truncatingDivide("(-\(total) + 11)", "12")) END)"
    let nm = "(\(total) - \(ny) * 12 + 1)"
    let daysInMonth = "day(last_day(\(dialect.makeDate(ny, nm, "1"))))"
    let d = day(p)
    let whole = """
      (CASE WHEN \(d) <= \(daysInMonth) THEN \(pack(ny, nm, d)) \
      WHEN \(nm) = 12 THEN \(pack("\(ny) + 1", "1", "1")) ELSE \(pack(ny, "\(nm) + 1", "1")) END)
      """
    if noDays { return whole }
    let date = dialect.addingDays(dialect.makeDate(year(whole), month(whole), day(whole)), extra)
    return "(CASE WHEN \(extra) = 0 THEN \(whole) ELSE \(pack("year(\(date))", "month(\(date))", "day(\(date))")) END)"
  }
}

/// The dates a household document and a peildatum may hold: from 1 January 1850 up to and including
/// 31 December 2199. Nobody alive was born earlier, and no encoded law reaches later; outside this
/// range date arithmetic (a birthday, the first of a month, a year of months) could leave the
/// calendar, so such a date is refused with this range named instead of being computed.
public enum DateRange {
  public static let earliest = CivilDate(year: 1850, month: 1, day: 1)!
  public static let latest = CivilDate(year: 2199, month: 12, day: 31)!

  public static func contains(_ date: CivilDate) -> Bool { date >= earliest && date <= latest }

  /// "van 1850-01-01 tot en met 2199-12-31", for messages.
  public static var description: String { "van \(earliest.iso) tot en met \(latest.iso)" }
}

/// The peildatum every command uses when `--date` is not given: the first day of the law in force when
/// this release was made (the 2026 versions of every regeling). A fixed date, not the clock, so that the
/// same command gives the same figures on every machine and every day; pass `--date` for any other day.
import ArgumentParser
import ExactArithmetic

enum LawInForce {
  static let defaultDate = "2026-01-01"

  /// Reads `--date`: a date `JJJJ-MM-DD` within ``DateRange``, or a validation error that says what is
  /// accepted.
  static func peildatum(_ text: String) throws -> CivilDate {
    guard let day = CivilDate(iso: text) else { throw ValidationError("--date moet een datum JJJJ-MM-DD zijn, niet '\(text)'") }
    guard DateRange.contains(day) else { throw ValidationError("--date \(text) ligt buiten de datums die de wetten kunnen betekenen (\(DateRange.description))") }
    return day
  }

  /// The help text of `--date`, naming the default.
  static let dateHelp = "Peildatum JJJJ-MM-DD; zonder --date het recht dat nu geldt."
}

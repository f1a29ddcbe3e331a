/// The peildatum every command uses when `--date` is not given: the first day of the law in force when
/// this release was made (the 2026 versions of every regeling). A fixed date, not the clock, so that the
/// same command gives the same figures on every machine and every day; pass `--date` for any other day.
enum LawInForce {
  static let defaultDate = "2026-01-01"

  /// The help text of `--date`, naming the default.
  static let dateHelp = "Peildatum JJJJ-MM-DD; zonder --date het recht dat nu geldt."
}

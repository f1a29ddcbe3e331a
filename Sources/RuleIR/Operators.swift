/// The vocabulary the rule language and the typed IR share: the operators a rule writes and the IR
/// keeps, and how an amount relates to time. The raw values are the Dutch words of the rule language,
/// so the IR prints a rule back as a jurist wrote it.

/// Whether an amount is per year, per month or a stock (vermogen).
public enum MoneyPeriod: String, Sendable, Hashable, Codable {
  case none = ""
  case perJaar = "per jaar"
  case perMaand = "per maand"
}

/// Binary arithmetic operators.
public enum ArithmeticOperator: String, Sendable, Hashable, Codable {
  case plus = "vermeerderd met"
  case minus = "verminderd met"
  case times = "maal"
  case dividedBy = "gedeeld door"
}

/// Comparison operators.
public enum ComparisonOperator: String, Sendable, Hashable, Codable {
  case equal = "is gelijk aan"
  case notEqual = "is niet gelijk aan"
  case less = "is kleiner dan"
  case lessOrEqual = "is ten hoogste"
  case greater = "is groter dan"
  case greaterOrEqual = "is ten minste"
}

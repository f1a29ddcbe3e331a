extension PopulationData {
  /// Per household, the sum of a person column over its persons (for amounts: in cents); zeros when
  /// the population has no such column.
  public func householdTotals(of field: String) -> [Int64] {
    var totals = [Int64](repeating: 0, count: householdCount)
    guard let column = personColumns[field] else { return totals }
    for h in 0..<householdCount {
      var s: Int64 = 0
      for q in Int(personStart[h])..<Int(personStart[h + 1]) { s += column[q] }
      totals[h] = s
    }
    return totals
  }
}

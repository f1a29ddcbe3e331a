extension PopulationData {
  /// Per household, the sum of a person column over its persons (for amounts: in cents); zeros when
  /// the population has no such column.
  ///
  /// The totals rank households (income deciles), so a sum beyond 64 bits (only possible with
  /// astronomically large amounts in household documents) stops at `Int64.max` or `Int64.min`: it
  /// still ranks first or last, and no amount is computed from it.
  public func householdTotals(of field: String) -> [Int64] {
    var totals = [Int64](repeating: 0, count: householdCount)
    guard let column = personColumns[field] else { return totals }
    for h in 0..<householdCount {
      // Summed in 128 bits (no person column value exceeds 64), then held to the 64-bit range.
      var s: Int128 = 0
      for q in Int(personStart[h])..<Int(personStart[h + 1]) { s += Int128(column[q]) }
      totals[h] = Int64(clamping: s)
    }
    return totals
  }
}

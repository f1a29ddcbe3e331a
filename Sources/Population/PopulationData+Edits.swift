/// Copies of a population with some facts changed: the "what if" behind the analyses (one more
/// euro of income, a misreported fact, a household that splits in two).
///
/// Every edit returns a new population with the same households in the same order, except
/// ``splittingPartners(where:)``, which says for every new household where it came from.
extension PopulationData {
  /// The population with one person column replaced: `transform(row, role, value)` for every person.
  /// A column the population does not hold is created from `missing` first.
  public func editingPersons(_ field: String, missing: Int64 = 0, _ transform: (_ row: Int, _ role: UInt8, _ value: Int64) -> Int64) -> PopulationData {
    var copy = self
    let old = personColumns[field] ?? .int64(Array(repeating: missing, count: personCount))
    copy.personColumns[field] = ColumnData.build(like: old, count: personCount) { transform($0, role[$0], old[$0]) }
    return copy
  }

  /// The population with one household column replaced: `transform(household, value)`.
  public func editingHouseholds(_ field: String, missing: Int64 = 0, _ transform: (_ household: Int, _ value: Int64) -> Int64) -> PopulationData {
    var copy = self
    let old = householdColumns[field] ?? .int64(Array(repeating: missing, count: householdCount))
    copy.householdColumns[field] = ColumnData.build(like: old, count: householdCount) { transform($0, old[$0]) }
    return copy
  }

  /// The population where, in every household `split(h)` selects that has a partner, the partner
  /// moves out and forms a household of one (aanvrager, no partnership), as a couple that reports
  /// living apart would appear.
  ///
  /// - Returns: the new population and, for every new household, the index of the household it
  ///   came from (the partner's household comes right after the one it left).
  public func splittingPartners(where split: (Int) -> Bool, partnershipField: String = "partnerschap", none: Int64 = 0) -> (PopulationData, origin: [Int32]) {
    var rows: [Int32] = []
    var roles: [UInt8] = []
    var starts: [Int32] = [0]
    var origin: [Int32] = []
    var types: [UInt8] = []
    var partnerOf: [Bool] = []
    rows.reserveCapacity(personCount + householdCount / 4)
    for h in 0..<householdCount {
      let start = Int(personStart[h])
      let end = Int(personStart[h + 1])
      let partner = (start..<end).first { role[$0] == 1 }
      let moves = partner != nil && split(h)
      for p in start..<end where !(moves && p == partner) {
        rows.append(Int32(p))
        roles.append(role[p])
      }
      starts.append(Int32(rows.count))
      origin.append(Int32(h))
      let type = HouseholdType(rawValue: householdType[h])
      types.append(moves ? (type == .paarMetKinderen ? HouseholdType.eenouder.rawValue : HouseholdType.alleenstaand.rawValue) : householdType[h])
      partnerOf.append(false)
      if moves, let partner {
        rows.append(Int32(partner))
        roles.append(0)
        starts.append(Int32(rows.count))
        origin.append(Int32(h))
        types.append(0)
        partnerOf.append(true)
      }
    }
    var households: [String: ColumnData] = [:]
    for (field, column) in householdColumns {
      households[field] = ColumnData.build(like: column, count: origin.count) { column[Int(origin[$0])] }
    }
    // Both halves report no partnership; the aanvrager's household keeps its other facts.
    let splitSet = (0..<origin.count).map { i in partnerOf[i] || (i + 1 < origin.count && partnerOf[i + 1]) }
    if let old = households[partnershipField] {
      households[partnershipField] = ColumnData.build(like: old, count: origin.count) { splitSet[$0] ? none : old[$0] }
    }
    var persons: [String: ColumnData] = [:]
    for (field, column) in personColumns {
      persons[field] = ColumnData.build(like: column, count: rows.count) { column[Int(rows[$0])] }
    }
    let result = PopulationData(
      householdCount: origin.count, personStart: starts, role: roles, householdColumns: households,
      personColumns: persons, householdType: types,
      // A partner who moves out of a household on the bijstand is as much a user as the one who stays.
      assistanceUse: assistanceUse.isEmpty ? [] : origin.map { assistanceUse[Int($0)] })
    return (result, origin)
  }
}

extension PopulationData {
  /// Per household: whether any of its persons satisfies `test(row, role)`.
  public func households(withPerson test: (_ row: Int, _ role: UInt8) -> Bool) -> [Bool] {
    (0..<householdCount).map { h in (Int(personStart[h])..<Int(personStart[h + 1])).contains { test($0, role[$0]) } }
  }
}

extension ColumnData {
  /// A column of the same storage as `like`, with `count` values from `value(i)`. Values that do
  /// not fit the narrower storage are kept by widening to `Int64`, never truncated.
  static func build(like: ColumnData, count: Int, _ value: (Int) -> Int64) -> ColumnData {
    var wide: [Int64] = []
    wide.reserveCapacity(count)
    for i in 0..<count { wide.append(value(i)) }
    switch like {
    case .int64: return .int64(wide)
    case .int32:
      guard wide.allSatisfy({ Int64(Int32.min)...Int64(Int32.max) ~= $0 }) else { return .int64(wide) }
      return .int32(wide.map { Int32($0) })
    case .uint8:
      guard wide.allSatisfy({ 0...255 ~= $0 }) else { return .int64(wide) }
      return .uint8(wide.map { UInt8($0) })
    }
  }
}

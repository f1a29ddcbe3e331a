import Foundation
import RuleIR

/// A population of households in columns (struct of arrays).
///
/// Persons are stored household after household: the persons of household `h` are rows
/// `personStart[h] ..< personStart[h + 1]` of the person columns. The first person of a household is
/// its aanvrager; a partner, when there is one, comes second. Columns are keyed by the field names of
/// the household document (`toetsingsinkomen`, `woning.rekenhuur`), so a population and a household
/// document describe the same facts.
public struct PopulationData: Sendable {
  public var householdCount: Int
  /// `householdCount + 1` offsets into the person columns.
  public var personStart: [Int32]
  /// The role of every person (`HouseholdRole` raw order: aanvrager 0, partner 1, kind 2, medebewoner 3).
  public var role: [UInt8]
  public var householdColumns: [String: ColumnData]
  public var personColumns: [String: ColumnData]
  /// Synthetic properties used only to group results (household type), never by rules.
  public var householdType: [UInt8]
  /// Per household two ``AssistanceUse`` marks in one byte (``AssistanceUse/packed(unit:members:)``):
  /// whether the generator drew the aanvrager (in a couple, the couple) as living on the bijstand
  /// (scenario `inkomen.bijstand_in_inkomen` with `bijstand_naar_leefvorm`), and whether it drew one of
  /// the others who live there (an adult child, a housemate). Empty when the population does not say
  /// (household documents, scenarios without that draw). Never read by rules; read by non-take-up
  /// (`inkomen.bijstand_regeling`).
  public private(set) var assistanceUse: [UInt8]

  public init(
    householdCount: Int, personStart: [Int32], role: [UInt8], householdColumns: [String: ColumnData],
    personColumns: [String: ColumnData], householdType: [UInt8], assistanceUse: [UInt8] = []
  ) {
    precondition(assistanceUse.isEmpty || assistanceUse.count == householdCount, "assistanceUse: one value per household or none")
    self.householdCount = householdCount
    self.personStart = personStart
    self.role = role
    self.householdColumns = householdColumns
    self.personColumns = personColumns
    self.householdType = householdType
    self.assistanceUse = assistanceUse
  }

  /// How household `h`'s aanvrager (with `members`: the others who live there) was drawn with respect to
  /// the bijstand (``assistanceUse``); ``AssistanceUse/unknown`` where the population does not say.
  @inline(__always)
  public func assistanceUse(_ h: Int, members: Bool = false) -> AssistanceUse {
    assistanceUse.isEmpty ? .unknown : AssistanceUse(packed: assistanceUse[h], members: members)
  }

  public var personCount: Int { role.count }

  public static let roleOrder: [HouseholdRole] = [.aanvrager, .partner, .kind, .medebewoner]

  public static func code(of role: HouseholdRole) -> UInt8 { UInt8(roleOrder.firstIndex(of: role)!) }

  /// Memory held by the columns, in bytes.
  public var byteCount: Int {
    personStart.count * 4 + role.count + householdType.count
      + householdColumns.values.reduce(0) { $0 + $1.byteCount } + personColumns.values.reduce(0) { $0 + $1.byteCount }
  }

  /// Joins populations (chunks generated in parallel) in order, copying every column once.
  public static func concatenate(_ parts: [PopulationData]) -> PopulationData {
    guard let first = parts.first else {
      return PopulationData(householdCount: 0, personStart: [0], role: [], householdColumns: [:], personColumns: [:], householdType: [])
    }
    var personStart: [Int32] = [0]
    personStart.reserveCapacity(parts.reduce(1) { $0 + $1.householdCount })
    var offset: Int32 = 0
    for p in parts {
      for i in 1..<p.personStart.count { personStart.append(p.personStart[i] + offset) }
      offset += Int32(p.role.count)
    }
    @Sendable func join(_ columns: [ColumnData]) -> ColumnData {
      let total = columns.reduce(0) { $0 + $1.count }
      switch columns[0] {
      case .int64:
        var out: [Int64] = []
        out.reserveCapacity(total)
        for c in columns { if case .int64(let a) = c { out.append(contentsOf: a) } }
        return .int64(out)
      case .int32:
        var out: [Int32] = []
        out.reserveCapacity(total)
        for c in columns { if case .int32(let a) = c { out.append(contentsOf: a) } }
        return .int32(out)
      case .uint8:
        var out: [UInt8] = []
        out.reserveCapacity(total)
        for c in columns { if case .uint8(let a) = c { out.append(contentsOf: a) } }
        return .uint8(out)
      }
    }
    @Sendable func joinBytes(_ arrays: [[UInt8]]) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(arrays.reduce(0) { $0 + $1.count })
      for a in arrays { out.append(contentsOf: a) }
      return out
    }
    // Columns are joined in parallel: the copy is bound by memory, not by one core.
    let hKeys = Array(first.householdColumns.keys)
    let pKeys = Array(first.personColumns.keys)
    let slots = JoinSlots(count: hKeys.count + pKeys.count + 2)
    // Every part comes from the same generator: all say who lives on the bijstand, or none does.
    let use = parts.allSatisfy { $0.assistanceUse.count == $0.householdCount } ? joinBytes(parts.map(\.assistanceUse)) : []
    DispatchQueue.concurrentPerform(iterations: hKeys.count + pKeys.count + 2) { i in
      if i < hKeys.count {
        slots.set(i, .column(join(parts.map { $0.householdColumns[hKeys[i]]! })))
      } else if i < hKeys.count + pKeys.count {
        slots.set(i, .column(join(parts.map { $0.personColumns[pKeys[i - hKeys.count]]! })))
      } else if i == hKeys.count + pKeys.count {
        slots.set(i, .bytes(joinBytes(parts.map(\.role))))
      } else {
        slots.set(i, .bytes(joinBytes(parts.map(\.householdType))))
      }
    }
    var hc: [String: ColumnData] = [:]
    for (i, k) in hKeys.enumerated() { hc[k] = slots.column(i) }
    var pc: [String: ColumnData] = [:]
    for (i, k) in pKeys.enumerated() { pc[k] = slots.column(hKeys.count + i) }
    let role = slots.bytes(hKeys.count + pKeys.count)
    let types = slots.bytes(hKeys.count + pKeys.count + 1)
    return PopulationData(
      householdCount: parts.reduce(0) { $0 + $1.householdCount }, personStart: personStart, role: role,
      householdColumns: hc, personColumns: pc, householdType: types, assistanceUse: use)
  }

  /// Appends another population (used to join chunks generated in parallel).
  public mutating func append(_ other: PopulationData) {
    let offset = Int32(role.count)
    personStart.removeLast()
    personStart.append(contentsOf: other.personStart.map { $0 + offset })
    role.append(contentsOf: other.role)
    householdType.append(contentsOf: other.householdType)
    // Kept only while both sides say it for every household (an empty start takes the other's).
    if assistanceUse.count == householdCount, other.assistanceUse.count == other.householdCount {
      assistanceUse.append(contentsOf: other.assistanceUse)
    } else {
      assistanceUse = []
    }
    for (k, v) in other.householdColumns { householdColumns[k, default: Self.empty(like: v)].append(v) }
    for (k, v) in other.personColumns { personColumns[k, default: Self.empty(like: v)].append(v) }
    householdCount += other.householdCount
  }

  static func empty(like c: ColumnData) -> ColumnData {
    switch c {
    case .int64: return .int64([])
    case .int32: return .int32([])
    case .uint8: return .uint8([])
    }
  }
}

/// Household types for grouping results, in the categories of CBS table 37975.
public enum HouseholdType: UInt8, Sendable, CaseIterable, Codable {
  case alleenstaand = 0
  case paarZonderKinderen = 1
  case paarMetKinderen = 2
  case eenouder = 3
  case metMedebewoners = 4

  public var label: String {
    switch self {
    case .alleenstaand: return "alleenstaand"
    case .paarZonderKinderen: return "paar zonder kinderen"
    case .paarMetKinderen: return "paar met kinderen"
    case .eenouder: return "eenouder"
    case .metMedebewoners: return "met medebewoners"
    }
  }
}

/// Results of a parallel join, one slot per column.
final class JoinSlots: @unchecked Sendable {
  enum Item {
    case column(ColumnData)
    case bytes([UInt8])
  }
  private var items: [Item?]
  private let lock = NSLock()
  init(count: Int) { items = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ item: Item) {
    lock.lock()
    items[i] = item
    lock.unlock()
  }
  func column(_ i: Int) -> ColumnData {
    if case .column(let c)? = items[i] { return c }
    return .uint8([])
  }
  func bytes(_ i: Int) -> [UInt8] {
    if case .bytes(let b)? = items[i] { return b }
    return []
  }
}

import ExactArithmetic
import Population
import RuleIR

/// Pass: specialise the typed IR for one date and lower it to the kernel graph.
///
/// Every parameter becomes a constant for the date, every `geldend op` and every month of `de som …
/// over de maanden` is lowered at its own constant date, facts become columns, person values live in
/// the person domain and reach the household through `gather` and segment sums. Definitions are
/// lowered once per (name, domain, date); the default logic (exceptions, conflicts, no rule,
/// fallbacks, not formalised) becomes selects whose statuses follow the reference evaluator.
final class Lowering {
  let program: Program
  let builder: GraphBuilder
  let columns: PopulationSchema
  var memo: [DefinitionKey: Int32] = [:]
  /// How `de som … over de maanden` is lowered: twelve months, or January times twelve (for
  /// households whose month-dependent conditions do not change during the year).
  let mode: MonthMode
  /// The twelve month nodes of every monthly sum lowered in `.unroll` mode.
  var monthRoots: [[Int32]] = []
  /// Which sum, at which date, each entry of ``monthRoots`` is.
  var monthKeys: [MonthSumKey] = []
  /// For `.januaryTimesTwelve`: the segments of a monthly sum (first months, 0-based), by the sum and
  /// the date it is lowered at. Keyed by the expression rather than by its January node: a sum inside
  /// another sum's month lowers to a different January node in this mode (the inner sum is itself
  /// January times twelve), and a lookup by node would miss it and take January for all twelve months.
  /// A sum not listed was never analysed; lowering it throws, and its outputs are computed month by month.
  var segments: [MonthSumKey: [Int]] = [:]

  /// A monthly sum as lowered: the expression, the date of its context and the domain.
  struct MonthSumKey: Hashable {
    let expression: ObjectIdentifier
    let day: Int
    let domain: Domain
  }

  enum MonthMode {
    case unroll
    case januaryTimesTwelve
  }

  struct DefinitionKey: Hashable {
    let symbol: SymbolID
    let domain: Domain
    let day: Int
  }

  struct Context {
    var date: CivilDate
    var domain: Domain
  }

  init(program: Program, builder: GraphBuilder, columns: PopulationSchema, mode: MonthMode = .unroll) {
    self.program = program
    self.builder = builder
    self.columns = columns
    self.mode = mode
  }

  func repr(_ type: RuleType, quantum: Rational?) throws -> Repr {
    switch type {
    case .money: return .number(scale: 100)
    case .number, .percentage: return .number(scale: quantum.flatMap { $0.int64Parts?.denominator }.map(Int64.init) ?? 1)
    case .boolean: return .boolean
    case .date: return .date
    case .duration: return .duration
    case .enumeration: return .code
    case .person, .persons: throw KernelUnsupported(description: "personen als waarde")
    }
  }

  /// The longest duration constant the kernel lowers, in months: 200 years, the span its date ranges allow.
  static let longestDurationMonths = 200 * 12

  /// A value of the IR as a constant node.
  func constant(_ v: Value, _ type: RuleType, _ domain: Domain) throws -> Int32 {
    switch v {
    case .number(let r): return try builder.number(r, domain)
    case .boolean(let b): return builder.boolean(b, domain)
    case .date(let d): return builder.date(d, domain)
    case .duration(let u):
      // Packed as months × 64 + days, compared as (months, days) as the reference does: exact only for
      // 0–63 days; and the ranges of dates plus durations assume at most 200 years (GraphBuilder).
      guard (0..<64).contains(u.days), (0...Self.longestDurationMonths).contains(u.totalMonths) else {
        throw KernelUnsupported(description: "een duur van \(u) (de kernel kent duren tot 200 jaar met hoogstens 63 dagen)")
      }
      return builder.constant(Int64(u.totalMonths * 64 + u.days), .duration, domain)
    case .enumCase(let e):
      guard case .enumeration(let name) = type, let i = program.enumerations[name]?.firstIndex(of: e) else {
        throw KernelUnsupported(description: "onbekende enumeratiewaarde \(e)")
      }
      return builder.constant(Int64(i), .code, domain)
    case .person, .persons: throw KernelUnsupported(description: "personen als waarde")
    }
  }

  /// A fact: its column, its default, or undecided.
  func fact(_ id: SymbolID, person: PersonRef?, _ ctx: Context) throws -> Int32 {
    guard let decl = program.facts[id] else { throw KernelUnsupported(description: "onbekend gegeven \(id)") }
    let r = try repr(decl.type, quantum: decl.quantum)
    if case .number(let s) = r, decl.type.isMoney == false, s != 1 {
      throw KernelUnsupported(description: "gegeven '\(id.name)' is geen geheel getal")
    }
    let own: Domain = decl.subject == .person ? .person : .household
    var node: Int32
    if columns.has(decl.field, own) {
      node = builder.column(decl.field, r, own)
    } else if let d = decl.defaultValue {
      node = try constant(d, decl.type, own)
    } else {
      node = builder.undecided(r, own)
    }
    if own == .person { node = try toPerson(node, person, ctx) }
    return try builder.into(node, ctx.domain)
  }

  /// A person-domain value for the person a reference names, in the context's domain.
  func toPerson(_ node: Int32, _ person: PersonRef?, _ ctx: Context) throws -> Int32 {
    switch person {
    case .current?, nil:
      guard ctx.domain == .person else { throw KernelUnsupported(description: "'hij' buiten een persoon") }
      return node
    case .aanvrager?: return try builder.into(builder.gather(node, partner: false), ctx.domain)
    case .partner?: return try builder.into(builder.gather(node, partner: true), ctx.domain)
    }
  }

  func roleMask(_ group: PersonGroup) -> UInt8 {
    var mask: UInt8 = 0
    for (i, role) in PopulationData.roleOrder.enumerated() where role.belongs(to: group) { mask |= 1 << UInt8(i) }
    return mask
  }
}

/// Which columns a population has, so the lowering can tell a missing column from a present one.
public struct PopulationSchema: Sendable {
  public let householdFields: Set<String>
  public let personFields: Set<String>

  public init(_ population: PopulationData) {
    householdFields = Set(population.householdColumns.keys)
    personFields = Set(population.personColumns.keys)
  }

  /// The fields a table of households and a table of persons hold.
  public init(householdFields: Set<String>, personFields: Set<String>) {
    self.householdFields = householdFields
    self.personFields = personFields
  }

  func has(_ field: String, _ domain: Domain) -> Bool {
    domain == .person ? personFields.contains(field) : householdFields.contains(field)
  }
}

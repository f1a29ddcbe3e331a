extension Scenario {
  /// The kale huur of one sector (`wonen.huur_sociaal`, `wonen.huur_vrij`), euros per month of the
  /// sector's base year (see ``RentRises``): one uniform range `[van, tot]`, or classes
  /// `[[van, tot, gewicht], …]` (a class by weight, then a uniform rent inside it) where the published
  /// figures give the shape of the distribution, not only its mean.
  public enum RentDistribution: Sendable, Codable, Equatable {
    case range(Int64, Int64)
    case classes([[Int64]])
    /// A flat list that is not `[van, tot]`; ``validate(_:_:)`` refuses it with the field's path.
    case malformed([Int64])

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      let flat: [Int64]
      do { flat = try container.decode([Int64].self) } catch {
        // Not a list of whole numbers: classes, unless its first element is a plain value, in which
        // case the flat reading's error (which element, what was expected) is the one to show.
        if let shapes = try? container.decode([ElementShape].self), shapes.first == .value { throw error }
        self = .classes(try container.decode([[Int64]].self))
        return
      }
      // An empty list is no classes at all; validation says so.
      self = flat.count == 2 ? .range(flat[0], flat[1]) : flat.isEmpty ? .classes([]) : .malformed(flat)
    }

    /// Whether an element of the list is itself a list or a plain value.
    private enum ElementShape: Decodable, Equatable {
      case list, value
      init(from decoder: any Decoder) throws { self = (try? decoder.unkeyedContainer()) != nil ? .list : .value }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .range(let lo, let hi): try container.encode([lo, hi])
      case .classes(let rows): try container.encode(rows)
      case .malformed(let list): try container.encode(list)
      }
    }

    /// `[van, tot, gewicht]` per class; a range is one class.
    public var rows: [[Int64]] {
      switch self {
      case .range(let lo, let hi): return [[lo, hi, 1]]
      case .classes(let rows): return rows
      case .malformed: return []
      }
    }

    /// Each class runs from 0 up, `van ≤ tot` (for classes `van < tot`), amounts up to 100.000 euros a
    /// month and weights that are counts with at least one above 0.
    func validate(_ name: String, _ fail: (String) -> ScenarioError) throws {
      if case .malformed(let list) = self {
        throw fail("\(name): [van, tot] in euro's per maand, of klassen [[van, tot, gewicht], …]; niet [\(list.map(String.init).joined(separator: ", "))]")
      }
      let rows = rows
      if case .classes = self {
        guard !rows.isEmpty else { throw fail("\(name): ten minste één klasse [van, tot, gewicht]") }
        if rows.contains(where: { $0.count != 3 }) { throw fail("\(name): iedere klasse is [van, tot, gewicht]") }
        if let n = rows.first(where: { $0[2] < 0 || $0[2] > 1_000_000_000 }) {
          throw fail("\(name): een gewicht is een aantal van 0 tot en met 1000000000, niet \(n[2])")
        }
        guard rows.contains(where: { $0[2] > 0 }) else { throw fail("\(name): alle gewichten zijn 0; er valt niets te trekken") }
      }
      if let r = rows.first(where: { $0[0] < 0 || $0[1] > 100_000 }) {
        throw fail("\(name): bedragen van 0 tot en met 100000 euro, niet [\(r[0]), \(r[1])]")
      }
      if case .classes = self, let r = rows.first(where: { $0[1] <= $0[0] }) {
        throw fail("\(name): iedere klasse is [van, tot, gewicht] met 0 ≤ van < tot, niet [\(r[0]), \(r[1])]")
      }
      if let r = rows.first(where: { $0[1] < $0[0] }) {
        throw fail("\(name): [van, tot] met 0 ≤ van ≤ tot, niet [\(r[0]), \(r[1])]")
      }
      if let r = rows.first(where: { $0[1] == 0 }) {
        throw fail("\(name): een huurder betaalt huur; [\(r[0]), \(r[1])] geeft 0 euro per maand")
      }
    }
  }
}

/// Draws rents (cents) from a ``Scenario/RentDistribution`` and brings them to the peildatum with the
/// sector's ``Indexing``. A range takes one draw, exactly as scenarios before classes did, so their
/// populations do not change; classes take two (class, rent).
struct RentSampler: Sendable {
  let index: Indexing
  let fixedPoint: Int128
  let choice: WeightedChoice?
  /// Per class the lowest and highest cent: a range includes its `tot`, a class stops a cent below it
  /// (classes `[van, tot)` meet without overlap).
  let bounds: [(lo: Int64, hi: Int64)]

  init(_ distribution: Scenario.RentDistribution, index: Indexing) {
    self.index = index
    fixedPoint = index.fixedPoint
    switch distribution {
    case .range(let lo, let hi):
      bounds = [(lo * 100, hi * 100)]
      choice = nil
    case .classes(let rows):
      bounds = rows.map { ($0[0] * 100, $0[1] * 100 - 1) }
      choice = WeightedChoice(rows.map { UInt64($0[2]) })
    case .malformed:
      preconditionFailure("a scenario is validated before it is drawn from")
    }
  }

  func draw(_ r: inout RandomSource) -> Int64 {
    let (lo, hi) = bounds[choice?.pick(&r) ?? 0]
    return index.apply(r.integer(in: lo...hi), fixedPoint: fixedPoint)
  }
}

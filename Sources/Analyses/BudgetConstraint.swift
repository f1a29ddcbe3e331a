import ExactArithmetic
import HouseholdModel
import LegalSource
import ReferenceEvaluator
import RuleIR
import Toetssteen

/// Budget constraints (budgetlijnen), as CPB and SZW draw them: the net income of a typical household
/// against the gross wage of its aanvrager from 0 to 200 % of the minimumloon, every kink and cliff
/// named with the regulation and article that cause it.
///
/// Each point is one exact evaluation of a household document (``TypicalHousehold``) by the reference
/// evaluator; nothing is interpolated. A point the rules do not decide keeps its reason.
public struct BudgetConstraint: Sendable {
  /// One evaluated wage level.
  public struct Point: Sendable {
    /// Gross wage as per cent of the yearly minimumloon.
    public let percent: Int
    public let gross: Int64
    /// `netto.jaarinkomen` in cents, or `nil` with `reason`.
    public let net: Int64?
    public let reason: String?
    /// Per payment or levy: its yearly amount in cents (levies positive).
    public let parts: [String: Int64]
  }

  /// Where the slope of the line changes, between two grid points: which outputs cause it.
  public struct Kink: Sendable {
    public let percent: Int
    public let gross: Int64
    /// Net income kept of each extra euro before and after, in per mille.
    public let keptBefore: Int64
    public let keptAfter: Int64
    /// The outputs whose slope changed, with their articles.
    public let causes: [(id: String, citation: Citation?)]
    /// The net income falls over the next step (a cliff).
    public let isCliff: Bool
  }

  public struct Line: Sendable {
    public let household: TypicalHousehold
    public let points: [Point]
    public let kinks: [Kink]
  }

  /// The yearly minimumloon used for the scale, in cents (twelve times the monthly amount on the date).
  public let minimumWage: Int64
  public let lines: [Line]

  /// Evaluates every household in `households` at 0, `step`, … , 200 % of the minimumloon on `date`.
  /// Without `households`, the standard set (``TypicalHousehold/standard(minimumWage:)``).
  public init?(engine: Engine, date: CivilDate, households given: [TypicalHousehold]? = nil, stepPercent: Int = 5) {
    guard let yearly = Self.minimumWage(engine: engine, date: date) else { return nil }
    minimumWage = yearly
    let households = given ?? TypicalHousehold.standard(minimumWage: yearly)
    let declarations = engine.program.outputs(on: date)
    var lines: [Line] = []
    for typical in households {
      var points: [Point] = []
      for percent in Swift.stride(from: 0, through: 200, by: stepPercent) {
        let gross = yearly * Int64(percent) / 100
        points.append(Self.point(engine: engine, date: date, typical: typical, percent: percent, gross: gross, declarations: declarations))
      }
      lines.append(Line(household: typical, points: points, kinks: Self.kinks(points, declarations)))
    }
    self.lines = lines
  }

  /// Twelve times the minimummaandloon on `date`, in cents (the scale of the lines).
  public static func minimumWage(engine: Engine, date: CivilDate) -> Int64? {
    guard let monthly = engine.program.parameters[SymbolID(law: "minimumloon", name: "minimummaandloon")]?.value(on: date)?.value.number,
      let cents = (monthly * 1200).intValue
    else { return nil }
    return Int64(cents)
  }

  public static func point(engine: Engine, date: CivilDate, typical: TypicalHousehold, percent: Int, gross: Int64, declarations: [OutputDeclaration]) -> Point {
    guard let household = try? engine.household(fromJSON: typical.document(wageCents: gross)) else {
      return Point(percent: percent, gross: gross, net: nil, reason: "het voorbeeldhuishouden is geen geldig document", parts: [:])
    }
    let evaluation = engine.evaluate(household, on: date, explain: false)
    var parts: [String: Int64] = [:]
    for d in declarations where d.kind == .payment || d.kind == .levy {
      guard let r = evaluation.value(of: d.id)?.number else { continue }
      let monthly: Bool = { if case .money(.perMaand) = engine.program.symbols[d.symbol]?.type { return true } else { return false } }()
      let yearly = monthly ? r * 12 : r
      if let c = (yearly * 100).intValue { parts[d.id] = Int64(c) }
    }
    let net = evaluation.value(of: "netto.jaarinkomen")?.number.flatMap { ($0 * 100).intValue }.map(Int64.init)
    let reason = net == nil ? evaluation.undecided.first { $0.0 == "netto.jaarinkomen" }.map { "\($0.1)" } : nil
    return Point(percent: percent, gross: gross, net: net, reason: reason, parts: parts)
  }

  /// Slope changes of more than two percentage points of the net income, with the outputs whose own
  /// slope changed by that much.
  static func kinks(_ points: [Point], _ declarations: [OutputDeclaration]) -> [Kink] {
    var out: [Kink] = []
    guard points.count >= 3 else { return out }
    func slope(_ a: Point, _ b: Point, _ value: (Point) -> Int64?) -> Int64? {
      guard let x = value(a), let y = value(b), b.gross > a.gross else { return nil }
      return (y - x) * 1000 / (b.gross - a.gross)
    }
    for i in 1..<(points.count - 1) {
      let (a, m, b) = (points[i - 1], points[i], points[i + 1])
      guard let before = slope(a, m, \.net), let after = slope(m, b, \.net), abs(after - before) > 20 else { continue }
      let ids = Set(a.parts.keys).union(m.parts.keys).union(b.parts.keys).sorted()
      let causes = ids.filter { id in
        guard let s1 = slope(a, m, { $0.parts[id] ?? 0 }), let s2 = slope(m, b, { $0.parts[id] ?? 0 }) else { return false }
        return abs(s2 - s1) > 20
      }.map { id in (id: id, citation: declarations.first { $0.id == id }?.citation) }
      out.append(Kink(percent: m.percent, gross: m.gross, keptBefore: before, keptAfter: after, causes: causes, isCliff: after < 0))
    }
    return out
  }
}

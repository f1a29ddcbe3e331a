import ExactArithmetic
import RuleIR
import Toetssteen

/// The armoedeval: what a household on bijstand keeps when its aanvrager starts working at 50, 80 and
/// 100 % of the minimumloon, with the arbeidsinkomstenvrijlating (Participatiewet art. 31 lid 2 onder n)
/// and after its six months.
///
/// Every figure is the difference of two exact evaluations of the same household document, one without
/// wage and one with; the burden is the part of the gross wage the household does not keep.
public struct PovertyTrap: Sendable {
  public struct Row: Sendable {
    public let household: String
    public let percent: Int
    public let gross: Int64
    /// Net income per year without wage and with it, in cents; `nil` where the rules do not decide.
    public let netWithout: Int64?
    public let netWith: Int64?
    /// The part of the gross wage given up, in per mille.
    public var burdenPromille: Int64? {
      guard let a = netWithout, let b = netWith, gross > 0 else { return nil }
      return (gross - (b - a)) * 1000 / gross
    }
  }

  public let rows: [Row]
  public let minimumWage: Int64

  public init?(engine: Engine, date: CivilDate, percents: [Int] = [50, 80, 100]) {
    guard let yearly = BudgetConstraint.minimumWage(engine: engine, date: date) else { return nil }
    minimumWage = yearly
    let standard = TypicalHousehold.standard(minimumWage: yearly)
    // The households that can be on bijstand without a second income: single, single parent, one-earner couple.
    let chosen = [standard[0], standard[1], standard[2]]
    let declarations = engine.program.outputs(on: date)
    var rows: [Row] = []
    for typical in chosen.flatMap({ [$0, $0.afterSixMonths] }) {
      let base = BudgetConstraint.point(engine: engine, date: date, typical: typical, percent: 0, gross: 0, declarations: declarations)
      for p in percents {
        let gross = yearly * Int64(p) / 100
        let point = BudgetConstraint.point(engine: engine, date: date, typical: typical, percent: p, gross: gross, declarations: declarations)
        rows.append(Row(household: typical.label, percent: p, gross: gross, netWithout: base.net, netWith: point.net))
      }
    }
    self.rows = rows
  }
}

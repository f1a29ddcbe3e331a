import ExactArithmetic
import Population
import ReferenceEvaluator
import RuleIR

/// The burden of a transitional regime, year by year: how many households are still under it, what
/// it pays, how many rules must be kept running for it, and the year it ends; with a buy-out
/// comparison.
///
/// The households under the regime on the date are projected forward with a life table. A household
/// leaves when the condition that ends the regime is met (for the AOW partnertoeslag: the partner
/// reaches the pensioengerechtigde leeftijd) or when either partner dies. Expected counts and payments
/// are exact sums of survival probabilities; amounts stay at the date's level (constant prices).
public struct TransitionalRunoff: Sendable {
  /// A regime as the report scenario describes it.
  public struct Regime: Sendable {
    public let name: String
    /// The household fact that keeps the old right alive.
    public let fact: SymbolID
    /// The household amount (per month) the regime pays.
    public let amount: SymbolID
    /// The household kenmerk that says the household is under the regime (right kept, end not reached).
    public let member: SymbolID
    /// The amount before a step the model does not formalise, used as an upper bound when
    /// ``amount`` is undecided.
    public let upperBound: SymbolID?
    /// When the old rules were abolished for new cases.
    public let abolished: CivilDate
    /// A fixed end date set by law (horizonbepaling); `nil` when the regime has none.
    public let horizon: CivilDate?
    /// The AOW age assumed for dates after the last one the encoded law fixes, as a duration.
    public let pensionAgeAfterTable: Duration
    public let lastFixedYear: Int
    public let pensionAgeTable: [Int: Duration]
    /// Discount rate for the buy-out comparison, and where it comes from.
    public let discountRate: Rational
    public let discountSource: String
    /// Yearly cost of keeping the old rules running (systems, staff), when the scenario gives one.
    public let upkeepPerYear: Rational?
    public let basis: String
  }

  public struct Year: Sendable {
    public let year: Int
    /// Expected households under the regime on 1 January (synthetic population).
    public let households: Rational
    /// Of those, expected households that are paid (the partner's income leaves a toeslag).
    public let paid: Rational
    /// Expected payments in the year, euros (synthetic population).
    public let payments: Rational
  }

  public let regime: Regime
  public let table: MortalityTable
  public let years: [Year]
  /// Households under the regime on the date, those paid, and those whose amount is an upper bound.
  public let householdsNow: Int
  public let paidNow: Int
  public let upperBoundNow: Int
  /// Last year a household is still under the regime (the rules must be kept running until then).
  public let endYear: Int?
  /// Last year with a positive expected payment.
  public var lastPaymentYear: Int? { years.last { $0.payments > .zero }?.year }
  /// Rules (definitions) that read the regime's fact, directly or through other rules, with their articles.
  public let rulesKeptAlive: [(SymbolID, String)]
  /// Present value on the date of all expected payments from the date on, euros (synthetic population).
  public let presentValue: Rational
  /// Present value of € 1 a year for every year the regime still runs (the annuity factor).
  public let annuityFactor: Rational

  public init(regime: Regime, program: Program, population: PopulationData, date: CivilDate, table: MortalityTable = .cbs1996to2000Men) {
    self.regime = regime
    self.table = table
    let field = program.facts[regime.fact]?.field ?? ""
    let flags = population.householdColumns[field]
    let birth = population.personColumns["geboortedatum"]
    /// A household under the regime: both birth dates, the day the regime ends for it (the partner's
    /// AOW date), and the monthly amount.
    struct Member { let pensionerBirth: CivilDate; let partnerBirth: CivilDate; let ends: CivilDate; let monthly: Rational }
    func pensionDate(_ birth: CivilDate) -> CivilDate {
      // The AOW age of the year in which the partner reaches it decides.
      for year in (birth.year + 60)...(birth.year + 75) {
        let age = year <= regime.lastFixedYear ? (regime.pensionAgeTable[year] ?? regime.pensionAgeAfterTable) : regime.pensionAgeAfterTable
        let reached = birth.adding(age)
        if reached.year <= year { return reached }
      }
      return birth.adding(regime.pensionAgeAfterTable)
    }
    var members: [Member] = []
    var upper = 0
    for h in 0..<population.householdCount where (flags?[h] ?? 0) != 0 {
      let start = Int(population.personStart[h])
      guard let partner = (start..<Int(population.personStart[h + 1])).first(where: { population.role[$0] == 1 }), let birth else { continue }
      let evaluator = Evaluator(program: program, household: population.household(h, program: program))
      guard case .success(.boolean(true)) = evaluator.value(of: regime.member, on: date) else { continue }
      var amount = Rational.zero
      switch evaluator.value(of: regime.amount, on: date) {
      case .success(.number(let a)): amount = a
      default:
        if let bound = regime.upperBound, case .success(.number(let a)) = evaluator.value(of: bound, on: date) { amount = a; upper += 1 }
      }
      // The pensioner is the older of the two: the one the right belongs to.
      let a = CivilDate(dayNumber: Int(birth[start]))
      let b = CivilDate(dayNumber: Int(birth[partner]))
      members.append(Member(pensionerBirth: min(a, b), partnerBirth: max(a, b), ends: pensionDate(max(a, b)), monthly: amount))
    }
    householdsNow = members.count
    paidNow = members.filter { $0.monthly > .zero }.count
    upperBoundNow = upper
    func age(_ birth: CivilDate, at d: CivilDate) -> Rational { Rational(d.dayNumber - birth.dayNumber) / 36525 * 100 }
    var years: [Year] = []
    var pv = Rational.zero
    var annuity = Rational.zero
    var end: Int?
    let one = Rational.one + regime.discountRate
    var discount = Rational.one
    var year = date.year
    while true {
      let jan = CivilDate(year: year, month: 1, day: 1)!
      var count = Rational.zero
      var paidCount = Rational.zero
      var paid = Rational.zero
      var anyone = false
      for m in members {
        let months = m.ends <= jan ? 0 : (m.ends.year > year ? 12 : m.ends.month - 1)
        if let horizon = regime.horizon, horizon <= jan { continue }
        guard months > 0 else { continue }
        let alive = table.survival(from: age(m.pensionerBirth, at: date), to: age(m.pensionerBirth, at: jan))
          * table.survival(from: age(m.partnerBirth, at: date), to: age(m.partnerBirth, at: jan))
        guard alive > .zero else { continue }
        anyone = true
        count = count + alive
        if m.monthly > .zero { paidCount = paidCount + alive }
        paid = paid + alive * m.monthly * months
      }
      guard anyone else { break }
      end = year
      years.append(Year(year: year, households: count, paid: paidCount, payments: paid))
      pv = pv + paid.dividedBy(discount)!
      annuity = annuity + Rational.one.dividedBy(discount)!
      discount = discount * one
      year += 1
    }
    self.years = years
    endYear = end
    presentValue = pv
    annuityFactor = annuity
    rulesKeptAlive = Self.dependents(of: regime.fact, program: program, date: date)
  }

  /// Definitions valid on `date` that read `fact`, directly or through other definitions.
  static func dependents(of fact: SymbolID, program: Program, date: CivilDate) -> [(SymbolID, String)] {
    var reached: Set<SymbolID> = [fact]
    var out: [(SymbolID, String)] = []
    var changed = true
    let definitions = program.laws.keys.sorted().compactMap { program.version(of: $0, on: date) }.flatMap { $0.definitions.values }
    while changed {
      changed = false
      for d in definitions where !reached.contains(d.id) {
        let reads = d.rules.contains { r in
          var exprs: [TypedExpression] = r.condition.map { [$0] } ?? []
          if case .value(let e) = r.body { exprs.append(e) }
          return exprs.contains { $0.references.contains { reached.contains($0.0) } }
        }
        if reads {
          reached.insert(d.id)
          let articles = Array(Set(d.rules.map { $0.citation.article.short })).sorted().joined(separator: "; ")
          out.append((d.id, articles))
          changed = true
        }
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }
}

extension TransitionalRunoff.Regime {
  /// The AOW partnertoeslag (AOW art. 8 as it stood until 2015), kept alive by the overgangsrecht.
  ///
  /// AOW ages: 67 in 2024–2027 (AOW art. 7a lid 1 and the notices for 2026 and 2027), 67 years and 3
  /// months in 2028 (Staatscourant notice, per the shared reference; not read here). Later years are
  /// not yet fixed (art. 7a lid 2 links them to life expectancy); they are assumed to stay at 67 years
  /// and 3 months, so the runoff is a lower bound when the age rises.
  public static func aowPartnertoeslag(discountRate: Rational, discountSource: String, upkeepPerYear: Rational?) -> Self {
    Self(
      name: "AOW-partnertoeslag", fact: SymbolID(law: "huishouden", name: "oud toeslagrecht"),
      amount: SymbolID(law: "aow", name: "partnertoeslag"), member: SymbolID(law: "aow", name: "toeslaggerechtigde"),
      upperBound: SymbolID(law: "aow", name: "gekorte toeslag"), abolished: CivilDate(year: 2015, month: 1, day: 1)!, horizon: nil,
      pensionAgeAfterTable: Duration(years: 67, months: 3), lastFixedYear: 2028,
      pensionAgeTable: [2024: Duration(years: 67), 2025: Duration(years: 67), 2026: Duration(years: 67), 2027: Duration(years: 67), 2028: Duration(years: 67, months: 3)],
      discountRate: discountRate, discountSource: discountSource, upkeepPerYear: upkeepPerYear,
      basis: "Wie vóór 1 januari 2015 gehuwd was of samenwoonde en toen al AOW had, houdt de toeslag zolang de jongere partner de pensioengerechtigde leeftijd niet heeft bereikt (AOW art. 8, 10, 11).")
  }
}

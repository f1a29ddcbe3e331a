import Analyses
import ExactArithmetic
import Foundation
import HouseholdModel
import Population
import Synthesis
import Toetssteen

/// The whole report run: generate the population once, run baseline (and variant) over it, then
/// every analysis, and build the report. Each phase is announced through `progress` with its number.
public enum ReportPipeline {
  public struct Options: Sendable {
    public var date: CivilDate
    public var households: Int
    public var seed: UInt64?
    public var threads: Int
    /// Couples evaluated by the reference evaluator for the partner definitions.
    public var divergenceSample: Int
    public var discountRate: Rational
    public var discountSource: String
    public var upkeepPerYear: Rational?
    /// Populations (seeds) the variant's headline figures are computed on, for their sampling spread.
    public var seeds: Int = 1

    public init(date: CivilDate, households: Int, seed: UInt64?, threads: Int, divergenceSample: Int, discountRate: Rational, discountSource: String, upkeepPerYear: Rational?, seeds: Int = 1) {
      self.seeds = max(1, seeds)
      self.date = date
      self.households = households
      self.seed = seed
      self.threads = threads
      self.divergenceSample = divergenceSample
      self.discountRate = discountRate
      self.discountSource = discountSource
      self.upkeepPerYear = upkeepPerYear
    }
  }

  public struct Output: Sendable {
    public let report: Report
    /// Example households as contract documents, by file name, for `toets evaluate --explain`.
    public let examples: [(name: String, document: String)]
  }

  public static func run(
    engine: Engine, variant: (Variant, Engine)?, scenario: Scenario, options o: Options,
    progress: @escaping @Sendable (_ step: Int, _ of: Int, _ phase: String) -> Void
  ) throws -> Output {
    var done = 0
    let phases = variant == nil ? 9 : (o.seeds > 1 ? 11 : 10)
    func phase(_ name: String) {
      done += 1
      progress(done, phases, name)
    }
    var s = scenario
    if let seed = o.seed { s.zaad = seed }
    phase("bevolking genereren")
    let generator = Generator(scenario: s, program: engine.program, date: o.date)
    try generator.requireCalibrated()
    let population = generator.generate(count: o.households, threads: o.threads)
    let context = AnalysisContext(engine: engine, date: o.date, scenario: s, population: population, threads: o.threads)
    phase("basis doorrekenen")
    let baseline = context.outcomes()
    var comparison: ReformComparison?
    var variantOutcomes: Outcomes?
    if let (v, variantEngine) = variant {
      phase("variant doorrekenen")
      let outcomes = context.outcomes(engine: variantEngine, lawDate: v.lawDate(default: o.date))
      variantOutcomes = outcomes
      comparison = ReformComparison(name: v.naam, context: context, baseline: baseline, variant: outcomes)
    }
    var spread: [ReformHeadline] = []
    if let (v, variantEngine) = variant, let comparison {
      spread.append(ReformHeadline(seed: s.zaad, comparison: comparison, context: context))
      if o.seeds > 1 { phase("variant op \(o.seeds - 1) andere zaden (spreiding)") }
      for k in 1..<o.seeds {
        var other = s
        other.zaad = s.zaad &+ UInt64(k)
        let p = Generator(scenario: other, program: engine.program, date: o.date).generate(count: o.households, threads: o.threads)
        let c = AnalysisContext(engine: engine, date: o.date, scenario: other, population: p, threads: o.threads)
        let r = ReformComparison(name: v.naam, context: c, baseline: c.outcomes(), variant: c.outcomes(engine: variantEngine, lawDate: v.lawDate(default: o.date)))
        spread.append(ReformHeadline(seed: other.zaad, comparison: r, context: c))
      }
    }
    phase("samenloop en marginale druk")
    let samenloop = Samenloop(outcomes: baseline)
    let marginal = MarginalBurden.forWorkingAanvragers(context: context, baseline: baseline)
    phase("begrippen per wet vergelijken")
    let divergence = DefinitionDivergence(program: engine.program, population: population, date: o.date, sampleSize: o.divergenceSample)
    let citizen = divergence.example.map { h -> (Int, CitizenExplanation) in
      let evaluation = engine.evaluate(population.household(h, program: engine.program), on: o.date)
      return (h, CitizenExplanation(evaluation: evaluation, program: engine.program, partnerConcepts: divergence.partnerMembers))
    }
    phase("onjuiste opgaven simuleren")
    let fraud = FraudGaps(context: context, baseline: baseline)
    let gaps = RuleGaps(program: engine.program, population: population, date: o.date, outcomes: baseline)
    phase("drempels in de regels aftasten")
    let discontinuities = Discontinuities(context: context)
    phase("overgangsrecht vooruitrekenen")
    let regime = TransitionalRunoff.Regime.aowPartnertoeslag(discountRate: o.discountRate, discountSource: o.discountSource, upkeepPerYear: o.upkeepPerYear)
    let runoff = engine.program.definition(regime.amount, on: o.date) == nil ? nil
      : TransitionalRunoff(regime: regime, program: engine.program, population: population, date: o.date)
    // Sensitivity: the end year rests on the largest age gaps, an assumption; double the weight of the
    // widest band and run the regime again on a population drawn with it.
    var runoffSensitivity: (TransitionalRunoff, String)?
    if runoff != nil, var p = s.partnertoeslag, let widest = p.leeftijdsverschil.indices.max(by: { p.leeftijdsverschil[$0][1] < p.leeftijdsverschil[$1][1] }) {
      let band = p.leeftijdsverschil[widest]
      p.leeftijdsverschil[widest][2] = band[2] * 2
      var tail = s
      tail.partnertoeslag = p
      let other = Generator(scenario: tail, program: engine.program, date: o.date).generate(count: o.households, threads: o.threads)
      runoffSensitivity = (
        TransitionalRunoff(regime: regime, program: engine.program, population: other, date: o.date),
        "het gewicht van de breedste band leeftijdsverschil (\(band[0]) tot \(band[1]) jaar) verdubbeld, van \(band[2]) naar \(band[2] * 2)"
      )
    }
    phase("budgetlijnen en armoedeval")
    var inputs = ReportInputs(
      context: context, seed: s.zaad, variant: variant?.0, comparison: comparison, variantOutcomes: variantOutcomes, baseline: baseline,
      samenloop: samenloop, marginal: marginal, divergence: divergence, citizen: citizen, fraud: fraud, gaps: gaps, discontinuities: discontinuities, runoff: runoff)
    inputs.reformSpread = spread
    inputs.runoffSensitivity = runoffSensitivity
    if engine.program.outputs(on: o.date).contains(where: { $0.id == "netto.jaarinkomen" }) {
      inputs.budget = BudgetConstraint(engine: engine, date: o.date)
      inputs.povertyTrap = PovertyTrap(engine: engine, date: o.date)
    }
    phase("rapport opbouwen")
    var builder = ReportBuilder(inputs)
    let report = builder.build()
    var examples: [(String, String)] = []
    for e in comparison?.examples ?? [] {
      let name = "variant-\(e.group.replacingOccurrences(of: ", ", with: "-").replacingOccurrences(of: " ", with: "-"))-\(e.household).json"
      examples.append((name, JSONWriter.render(population.json(e.household, program: engine.program))))
    }
    if let (h, _) = citizen { examples.append(("uitleg-\(h).json", JSONWriter.render(population.json(h, program: engine.program)))) }
    return Output(report: report, examples: examples)
  }
}

import ExactArithmetic
import LegalSource
import Population
import ReferenceEvaluator
import RuleIR

/// Concepts that several laws define each in their own way (partner, income), listed from the
/// compiled rules, and — for the partner concepts — counted in the population: how many households
/// are partners under one law and not under another.
public struct DefinitionDivergence: Sendable {
  /// One law's definition of a concept.
  public struct Member: Sendable {
    public let id: SymbolID
    public let law: String
    public let type: RuleType
    /// The articles its rules come from.
    public let citations: [Citation]
  }

  public struct Concept: Sendable {
    public let name: String
    public let members: [Member]
  }

  /// A combination of answers (one per partner definition, in ``partnerMembers`` order) and how many
  /// sampled couples give it.
  public struct Pattern: Sendable {
    /// `true`, `false` or `nil` (undecided) per definition.
    public let answers: [Bool?]
    public var households = 0
    public var agrees: Bool { Set(answers.map { $0.map { $0 ? 1 : 0 } ?? 2 }).count == 1 }
  }

  public let concepts: [Concept]
  public let partnerMembers: [Member]
  public let patterns: [Pattern]
  /// Households with two adults in the partner role that were evaluated, and the population's total.
  public let sampled: Int
  public let couples: Int
  /// The first sampled household on which the partner definitions disagree, to explain.
  public let example: Int?

  /// Lists the concepts and counts the partner definitions on up to `sampleSize` couples, taken at an
  /// even stride through the population (deterministic).
  public init(program: Program, population: PopulationData, date: CivilDate, sampleSize: Int) {
    func member(_ id: SymbolID) -> Member? {
      guard let d = program.definition(id, on: date) else { return nil }
      var seen: [Citation] = []
      for r in d.rules where !seen.contains(r.citation.article) { seen.append(r.citation.article) }
      return Member(id: id, law: id.law, type: d.type, citations: seen)
    }
    let defined = program.laws.keys.sorted().compactMap { program.version(of: $0, on: date) }.flatMap { $0.definitions.keys }.sorted()
    // Partner concepts that decide for the household: kenmerken of the household (who is partner).
    let partners = defined.filter { id in
      ConceptFamily.partner.matches(id.name) && program.symbols[id]?.subject == .household && program.symbols[id]?.type == .boolean
    }.compactMap(member)
    // Income concepts: amounts.
    let incomes = defined.filter { id in
      ConceptFamily.income.matches(id.name) && { if case .money = program.symbols[id]?.type { return true } else { return false } }()
    }.compactMap(member)
    concepts = [Concept(name: ConceptFamily.partner.name, members: partners), Concept(name: ConceptFamily.income.name, members: incomes)]
    partnerMembers = partners
    let withPartner = population.households { _, role in role == 1 }
    let couples = withPartner.indices.filter { withPartner[$0] }
    self.couples = couples.count
    let stride = max(1, couples.count / max(1, sampleSize))
    var byKey: [[Int]: Pattern] = [:]
    var sampled = 0
    var example: Int?
    for i in Swift.stride(from: 0, to: couples.count, by: stride) where sampled < sampleSize {
      let household = population.household(couples[i], program: program)
      let evaluator = Evaluator(program: program, household: household)
      let answers: [Bool?] = partners.map { m in
        if case .success(.boolean(let b)) = evaluator.value(of: m.id, on: date) { return b }
        return nil
      }
      let key = answers.map { $0.map { $0 ? 1 : 0 } ?? 2 }
      byKey[key, default: Pattern(answers: answers)].households += 1
      if example == nil, Set(key).count > 1 { example = couples[i] }
      sampled += 1
    }
    self.sampled = sampled
    self.example = example
    patterns = byKey.values.sorted { $0.households > $1.households }
  }

  /// Sampled couples on which the partner definitions disagree.
  public var disagreeing: Int { patterns.filter { !$0.agrees }.reduce(0) { $0 + $1.households } }
}

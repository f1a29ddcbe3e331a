import ExactArithmetic
import LegalSource

/// A declared output: an id other teams script against, bound to a definition.
public struct OutputDeclaration: Sendable {
  /// `zorgtoeslag.jaarbedrag`.
  public let id: String
  public let symbol: SymbolID
  public let citation: Citation
  public let range: SourceRange
  /// A payment, a norm (`…, een norm.`) or a levy (`…, een heffing.`): reports add only payments to
  /// what a household receives and subtract levies from what it keeps.
  public let kind: OutputKind
  /// Whether the output is money the household receives.
  public var isPayment: Bool { kind == .payment }

  public init(id: String, symbol: SymbolID, citation: Citation, range: SourceRange, kind: OutputKind = .payment) {
    self.id = id
    self.symbol = symbol
    self.citation = citation
    self.range = range
    self.kind = kind
  }
}

/// One version (toestand) of a regulation: its validity and the definitions its rules make.
public struct LawVersion: Sendable {
  public let code: String
  public let title: String
  public let shortTitle: String
  public let bwb: String
  public let toestand: CivilDate
  public let validFrom: CivilDate
  public let validUntil: CivilDate?
  public let source: String
  public let path: String
  public let definitions: [SymbolID: Definition]
  /// Parameters this version declares (their values are gathered in ``Program/parameters``).
  public let declaredParameters: Set<SymbolID>
  public let outputs: [OutputDeclaration]

  public init(code: String, title: String, shortTitle: String, bwb: String, toestand: CivilDate, validFrom: CivilDate, validUntil: CivilDate?, source: String, path: String, definitions: [SymbolID: Definition], declaredParameters: Set<SymbolID>, outputs: [OutputDeclaration]) {
    self.code = code
    self.title = title
    self.shortTitle = shortTitle
    self.bwb = bwb
    self.toestand = toestand
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.source = source
    self.path = path
    self.definitions = definitions
    self.declaredParameters = declaredParameters
    self.outputs = outputs
  }

  public func isValid(on date: CivilDate) -> Bool {
    date >= validFrom && (validUntil.map { date < $0 } ?? true)
  }

  /// `2025-01-01 tot 2026-01-01` or `vanaf 2025-01-01`.
  public var validityText: String {
    if let validUntil { return "\(validFrom.iso) tot \(validUntil.iso)" }
    return "vanaf \(validFrom.iso)"
  }
}

/// The compiled rules of every regulation: the typed IR the evaluators run.
///
/// A program holds all versions of all laws. Which version applies is decided per date, so one program
/// answers for 2024 and 2025 alike, and `geldend op` can look at another date within one evaluation.
public struct Program: Sendable {
  /// Versions per law code, sorted by `validFrom`.
  public let laws: [String: [LawVersion]]
  public let facts: [SymbolID: FactDeclaration]
  public let parameters: [SymbolID: ParameterDeclaration]
  public let enumerations: [String: [String]]
  /// Symbol → its type, subject and kind, the same in every version.
  public let symbols: [SymbolID: SymbolInfo]
  /// Definitions in an order where each comes after everything it reads (per law version).
  public let evaluationOrder: [SymbolID]
  /// Interpretation decisions recorded in the regulations, each linked to the rules it affects.
  public let decisions: [InterpretationDecision]

  public init(laws: [String: [LawVersion]], facts: [SymbolID: FactDeclaration], parameters: [SymbolID: ParameterDeclaration], enumerations: [String: [String]], symbols: [SymbolID: SymbolInfo], evaluationOrder: [SymbolID], decisions: [InterpretationDecision] = []) {
    self.laws = laws
    self.facts = facts
    self.parameters = parameters
    self.enumerations = enumerations
    self.symbols = symbols
    self.evaluationOrder = evaluationOrder
    self.decisions = decisions
  }

  public func version(of law: String, on date: CivilDate) -> LawVersion? {
    laws[law]?.last { $0.isValid(on: date) }
  }

  public func definition(_ id: SymbolID, on date: CivilDate) -> Definition? {
    version(of: id.law, on: date)?.definitions[id]
  }

  /// Outputs of every law version valid on `date`, sorted by id.
  public func outputs(on date: CivilDate) -> [OutputDeclaration] {
    laws.keys.sorted().compactMap { version(of: $0, on: date) }.flatMap(\.outputs).sorted { $0.id < $1.id }
  }

  /// Every output id any version declares.
  public var allOutputIDs: [String] {
    Array(Set(laws.values.flatMap { $0.flatMap { $0.outputs.map(\.id) } })).sorted()
  }

  /// The declaration of an output in the newest version that declares it, with its law.
  public func latestDeclaration(of id: String) -> (String, OutputDeclaration)? {
    for (law, versions) in laws {
      for v in versions.reversed() {
        if let d = v.outputs.first(where: { $0.id == id }) { return (law, d) }
      }
    }
    return nil
  }

  /// All facts of a subject, sorted by field.
  public func facts(of subject: Subject) -> [FactDeclaration] {
    facts.values.filter { $0.subject == subject }.sorted { $0.field < $1.field }
  }
}

/// What every version agrees a symbol is.
public struct SymbolInfo: Sendable {
  public let id: SymbolID
  public let kind: SymbolKind
  public let subject: Subject
  public let type: RuleType
  public let quantum: Rational?

  public init(id: SymbolID, kind: SymbolKind, subject: Subject, type: RuleType, quantum: Rational?) {
    self.id = id
    self.kind = kind
    self.subject = subject
    self.type = type
    self.quantum = quantum
  }
}

import ExactArithmetic
import LegalSource
import LegalText
import RuleIR
import RuleSyntax

/// The result of compiling a set of regulation documents.
public struct CompilationResult: Sendable {
  /// The typed program, or `nil` when any error was found.
  public let program: Program?
  public let coverage: CoverageReport
}

/// Compiles annotated regulation documents into the typed IR.
///
/// The passes, in order: parse the rule blocks (`RuleSyntax`); collect every declaration by law and
/// version (`SymbolTable`); resolve names across laws and check types and units, building each
/// definition with its exceptions (`Checker`); gather parameter values over time and check that none
/// is missing or doubled; check that imported names are valid whenever the importing version is;
/// check outputs; look for circular definitions in every period; order the definitions; report
/// annotation coverage. Every problem is reported together; the program is returned only when there
/// were no errors.
public enum Compiler {
  public static func compile(_ documents: [LegalDocument], diagnostics: inout DiagnosticEngine) -> CompilationResult {
    var parsed: [(LegalDocument, [Located<StatementSyntax>])] = []
    for document in documents {
      var statements: [Located<StatementSyntax>] = []
      for block in document.blocks where block.kind == .regels {
        for s in Parser.parse(block: block.content, citation: block.citation, diagnostics: &diagnostics) {
          statements.append(Located(value: s, citation: block.citation))
        }
      }
      parsed.append((document, statements))
    }
    let table = SymbolTable(documents: parsed, diagnostics: &diagnostics)
    let checker = Checker(table: table)
    let facts = checker.buildFacts()
    var laws: [String: [LawVersion]] = [:]
    for code in table.lawCodes {
      for version in table.versions[code] ?? [] {
        var definitions: [SymbolID: Definition] = [:]
        for key in version.ruleOrder {
          if let def = checker.definition(key, in: version, requestedAt: nil) { definitions[def.id] = def }
        }
        let outputs = checker.buildOutputs(version)
        let h = version.header
        laws[code, default: []].append(
          LawVersion(
            code: code, title: h.title, shortTitle: h.shortTitle, bwb: h.bwb, toestand: h.toestand, validFrom: h.validFrom,
            validUntil: h.validUntil, source: h.source, path: version.document.file.path, definitions: definitions,
            declaredParameters: Set(version.parameters.keys.map { SymbolID(law: code, name: $0) }), outputs: outputs))
      }
    }
    let parameters = checker.buildParameters()
    checker.checkImports()
    checker.checkCycles(laws)
    let order = checker.evaluationOrder(laws)
    let coverage = checker.coverage(documents)
    diagnostics.append(contentsOf: checker.diagnostics.diagnostics)
    // A rule that failed its check is left out of `laws`, but it was declared: a decision that names it
    // is not wrong, so it gets no follow-up error beside the rule's own.
    let decisions = DecisionCompiler.compile(
      documents, laws: laws, parameters: parameters, isDeclared: { table.lawDefines($0.law, $0.name) }, diagnostics: &diagnostics)
    RoundingChoiceCheck.check(laws: laws, decisions: decisions, diagnostics: &diagnostics)
    guard !diagnostics.hasErrors else { return CompilationResult(program: nil, coverage: coverage) }
    let enumerations = table.enumerations.mapValues { $0.value.values }
    let program = Program(
      laws: laws, facts: facts, parameters: parameters, enumerations: enumerations, symbols: checker.symbolInfo,
      evaluationOrder: order, decisions: decisions)
    return CompilationResult(program: program, coverage: coverage)
  }
}

extension Checker {
  /// Checks the declarations of the household model: type, field, origin and default value.
  func buildFacts() -> [SymbolID: FactDeclaration] {
    var out: [SymbolID: FactDeclaration] = [:]
    for (key, located) in table.facts.sorted(by: { $0.key < $1.key }) {
      let f = located.value
      guard let law = table.factLaw[key] else { continue }
      let id = SymbolID(law: law, name: key)
      guard let info = factInfo(id) else { continue }
      guard let field = f.field else {
        diagnostics.emit(.factFieldMissing(key), at: f.range, citation: located.citation)
        continue
      }
      guard let origin = f.origin, !origin.isEmpty else {
        diagnostics.emit(.factOriginMissing(key), at: f.range, citation: located.citation)
        continue
      }
      var defaultValue: Value?
      if let d = f.defaultValue {
        guard let (value, type, _) = literal(d, expected: info.type, at: f.range, citation: located.citation),
          type.unified(with: info.type) != nil
        else {
          diagnostics.emit(.factDefaultType(key), at: f.range, citation: located.citation)
          continue
        }
        defaultValue = value
      }
      // `ten minste` and `ten hoogste` are literals of the fact's type, like the default.
      let bounds = [f.minimum, f.maximum].map { b in
        b.flatMap { literal($0, expected: info.type, at: f.range, citation: located.citation) }.flatMap { $0.1.unified(with: info.type) != nil ? $0.0 : nil }
      }
      if zip([f.minimum, f.maximum], bounds).contains(where: { $0 != nil && $1 == nil }) {
        diagnostics.emit(.factBoundType(key), at: f.range, citation: located.citation)
        continue
      }
      out[id] = FactDeclaration(
        id: id, subject: info.subject, type: info.type, quantum: info.quantum, defaultValue: defaultValue, minimum: bounds[0], maximum: bounds[1],
        field: field, origin: origin, citation: located.citation, range: f.range)
    }
    return out
  }
}

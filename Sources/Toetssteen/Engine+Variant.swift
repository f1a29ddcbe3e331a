import ExactArithmetic
import Foundation
import LegalSource
import LegalText
import RuleIR
import RuleSemantics

/// A variant of the law: the baseline regulations with some documents replaced by amended ones and
/// some parameter values changed. The compiler checks an amended document like any other.
extension Engine {
  /// Compiles the regulations under `directory`, with each document in `amendments` replacing the
  /// baseline document of the same law and the same `geldig vanaf` (or added when there is none).
  /// `versions` replaces, per law code, the version valid on `date` by the text and rules of the version
  /// valid on the given earlier or later day ("de huurtoeslag van 2025 in 2026").
  /// Without amendments this is ``compile(directory:)``.
  public static func compile(directory: String, amendments: [String], versions: [String: CivilDate] = [:], on date: CivilDate? = nil) -> Compiled {
    var diagnostics = DiagnosticEngine()
    var documents = RegulationLoader.load(directory: directory, diagnostics: &diagnostics)
    if documents.isEmpty && !diagnostics.hasErrors {
      diagnostics.emit(.noRegulations(in: directory), at: nil)
    }
    for path in amendments {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        diagnostics.emit(.unreadableAmendment(path), at: nil)
        continue
      }
      guard let amended = DocumentParser.parse(SourceFile(path: path, text: text), diagnostics: &diagnostics) else { continue }
      documents.removeAll { $0.header.code == amended.header.code && $0.header.validFrom == amended.header.validFrom }
      documents.append(amended)
    }
    if let date {
      for (code, sourceDate) in versions.sorted(by: { $0.key < $1.key }) {
        let ofLaw = documents.filter { $0.header.code == code }
        guard !ofLaw.isEmpty else {
          let codes = Set(documents.map(\.header.code))
          diagnostics.emit(.versionOfUnknownLaw(code, known: codes), at: nil)
          continue
        }
        guard let replaced = ofLaw.first(where: { $0.header.isValid(on: date) }),
          let source = ofLaw.first(where: { $0.header.isValid(on: sourceDate) })
        else {
          diagnostics.emit(.noVersionOfLaw(code, on: sourceDate, or: date, known: Set(documents.map(\.header.code))), at: nil)
          continue
        }
        documents.removeAll { $0.header.code == code && $0.header.validFrom == replaced.header.validFrom }
        documents.append(source.transplanted(validFrom: replaced.header.validFrom, validUntil: replaced.header.validUntil))
      }
    }
    return compiled(documents, diagnostics: &diagnostics)
  }

  /// A changed parameter value: which parameter, the new value, and why (shown in reports).
  public struct ParameterChange: Sendable {
    public let id: SymbolID
    public let value: Value
    public let explanation: String

    public init(id: SymbolID, value: Value, explanation: String) {
      self.id = id
      self.value = value
      self.explanation = explanation
    }
  }

  /// A problem applying a variant: an unknown parameter or a value of the wrong type.
  public struct VariantError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(description: String) { self.description = description }
  }

  /// This engine with each changed parameter taking its new value on every period that covers `date`.
  public func changingParameters(_ changes: [ParameterChange], on date: CivilDate, variant: String) throws(VariantError) -> Engine {
    var parameters = program.parameters
    for change in changes {
      guard let declaration = parameters[change.id] else { throw unknownParameter(change.id) }
      guard let index = declaration.values.lastIndex(where: { $0.covers(date) }) else {
        throw VariantError(description: "parameter '\(change.id)' heeft geen waarde op \(date.iso) om te wijzigen")
      }
      let old = declaration.values[index]
      var values = declaration.values
      values[index] = ParameterValue(
        from: old.from, until: old.until, value: change.value, quantum: old.quantum, citation: old.citation,
        source: "variant '\(variant)': \(change.explanation)", range: old.range)
      parameters[change.id] = ParameterDeclaration(
        id: declaration.id, type: declaration.type, quantum: declaration.quantum, values: values,
        citation: declaration.citation, range: declaration.range, delegation: declaration.delegation)
    }
    let changed = Program(
      laws: program.laws, facts: program.facts, parameters: parameters, enumerations: program.enumerations,
      symbols: program.symbols, evaluationOrder: program.evaluationOrder, decisions: program.decisions)
    return Engine(program: changed, documents: documents, coverage: coverage)
  }

  /// The error for a parameter the program does not have, naming the ones its law does have.
  func unknownParameter(_ id: SymbolID) -> VariantError {
    let known = program.parameters.keys.filter { $0.law == id.law }.map(\.name).sorted()
    if known.isEmpty {
      let laws = Set(program.parameters.keys.map(\.law)).sorted().joined(separator: ", ")
      return VariantError(description: "onbekende parameter '\(id)': er is geen wet '\(id.law)' met parameters (wel: \(laws))")
    }
    return VariantError(description: "onbekende parameter '\(id)'; \(id.law) kent: \(known.joined(separator: ", "))")
  }

  /// Reads a parameter value as written in a variant: `7,50 %`, `€ 1.234,56`, `42`.
  public func parameterValue(_ text: String, for id: SymbolID) throws(VariantError) -> Value {
    guard let declaration = program.parameters[id] else { throw unknownParameter(id) }
    var t = text.trimmingCharacters(in: .whitespaces)
    let percent = t.hasSuffix("%")
    let euro = t.hasPrefix("€")
    t = t.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)
    guard let number = Rational(dutch: t) else {
      throw VariantError(description: "'\(text)' is geen getal (schrijf bijvoorbeeld 7,50 % of € 1.234,56)")
    }
    switch declaration.type {
    case .percentage:
      guard percent else { throw VariantError(description: "\(id) is een percentage: schrijf '\(text) %'") }
      return .number(number / 100)
    case .money:
      guard !percent else { throw VariantError(description: "\(id) is een bedrag, geen percentage") }
      return .number(number)
    case .number:
      guard !percent, !euro else { throw VariantError(description: "\(id) is een getal, zonder € of %") }
      return .number(number)
    default:
      throw VariantError(description: "\(id) is een \(declaration.type.description); alleen bedragen, percentages en getallen kunnen in een variant wijzigen")
    }
  }
}

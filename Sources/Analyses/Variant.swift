import ExactArithmetic
import Foundation
import LegalSource
import RuleIR
import Synthesis
import Toetssteen

/// A variant of the law as a scenario describes it (YAML): changed parameter values, amended
/// regulation documents (annotated text, checked by the compiler like the rest) and a date.
///
/// ```yaml
/// naam: Afbouw kindgebonden budget 7,50 %
/// beschrijving: Het afbouwpercentage van WKB artikel 2 lid 7 van 7,10 % naar 7,50 %.
/// peildatum: 2025-01-01
/// wetdatum: 2024-01-01   # optioneel: de variant is de wet zoals die op deze datum gold
/// versie_van:             # optioneel: één regeling zoals die op een andere datum gold
///   huurtoeslag: 2025-01-01
/// parameters:
///   - parameter: kindgebonden_budget.afbouwpercentage
///     waarde: 7,50 %
///     toelichting: voorstel ter vergelijking
/// regelingen: []        # gewijzigde regelingsbestanden, relatief aan dit bestand
/// ```
public struct Variant: Sendable, Codable {
  public var naam: String
  public var beschrijving: String
  public var peildatum: String?
  /// The variant applies the rules valid on this date (to the same households, on the peildatum's
  /// population): "the law of 2024 against the law of 2025". Absent: the peildatum.
  public var wetdatum: String?
  public var parameters: [Change]
  public var regelingen: [String]
  /// Per law code, the day whose version replaces the one of the law date: "the huurtoeslag of 2025
  /// on the households and the other laws of 2026". Absent: every law as on the law date.
  public var versieVan: [String: String]

  public struct Change: Sendable, Codable {
    /// `wet.naam`, as `toets` names parameters.
    public var parameter: String
    public var waarde: String
    public var toelichting: String?
  }

  enum CodingKeys: String, CodingKey {
    case naam, beschrijving, peildatum, wetdatum, parameters, regelingen
    case versieVan = "versie_van"
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    naam = try c.decode(String.self, forKey: .naam)
    beschrijving = try c.decodeIfPresent(String.self, forKey: .beschrijving) ?? ""
    peildatum = try c.decodeIfPresent(String.self, forKey: .peildatum)
    wetdatum = try c.decodeIfPresent(String.self, forKey: .wetdatum)
    parameters = try c.decodeIfPresent([Change].self, forKey: .parameters) ?? []
    regelingen = try c.decodeIfPresent([String].self, forKey: .regelingen) ?? []
    versieVan = try c.decodeIfPresent([String: String].self, forKey: .versieVan) ?? [:]
  }

  /// Reads a variant file; amended documents are resolved relative to it.
  public static func load(path: String) throws(VariantLoadError) -> Variant {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw VariantLoadError(description: "kan variant '\(path)' niet lezen") }
    return try parse(yaml: text, path: path)
  }

  /// Reads a variant from YAML text; `path` names it in messages and anchors its amended documents.
  public static func parse(yaml text: String, path: String) throws(VariantLoadError) -> Variant {
    let shape = YAMLShape.mapping([
      "naam": .value, "beschrijving": .value, "peildatum": .value, "wetdatum": .value, "regelingen": .value,
      "versie_van": .dictionary(.value),
      "parameters": .list(.mapping(["parameter": .value, "waarde": .value, "toelichting": .value])),
    ])
    var variant: Variant
    do {
      variant = try YAMLDocument.decode(Variant.self, from: text, path: path, shape: shape)
    } catch {
      throw VariantLoadError(description: error.description)
    }
    let dates = [("peildatum", variant.peildatum), ("wetdatum", variant.wetdatum)] + variant.versieVan.sorted { $0.key < $1.key }.map { ("versie_van.\($0.key)", $0.value) }
    for case (let field, let text?) in dates {
      guard let d = CivilDate(iso: text) else { throw VariantLoadError(description: "\(path): \(field): '\(text)' is geen datum JJJJ-MM-DD") }
      guard DateRange.contains(d) else { throw VariantLoadError(description: "\(path): \(field): \(text) ligt buiten de datums die de wetten kunnen betekenen (\(DateRange.description))") }
    }
    if variant.parameters.isEmpty && variant.regelingen.isEmpty && variant.wetdatum == nil && variant.versieVan.isEmpty {
      throw VariantLoadError(description: "\(path): een variant wijzigt ten minste één parameter of regeling, of noemt een wetdatum of versie_van")
    }
    let base = (path as NSString).deletingLastPathComponent
    variant.regelingen = variant.regelingen.map { $0.hasPrefix("/") ? $0 : (base as NSString).appendingPathComponent($0) }
    return variant
  }

  /// The date whose rules the variant applies.
  public func lawDate(default date: CivilDate) -> CivilDate { wetdatum.flatMap { CivilDate(iso: $0) } ?? date }

  /// The variant's engine: the amended documents compiled with the baseline, then the parameter changes.
  /// With no amended documents the `base` engine (the baseline, already compiled) is reused rather
  /// than compiling the regulations again.
  public func engine(directory: String, date: CivilDate, base: Engine? = nil) throws(VariantLoadError) -> Engine {
    var engine: Engine
    if let base, regelingen.isEmpty, versieVan.isEmpty {
      engine = base
    } else {
      let versions = versieVan.compactMapValues { CivilDate(iso: $0) }
      let compiled = Engine.compile(directory: directory, amendments: regelingen, versions: versions, on: lawDate(default: date))
      guard let compiledEngine = compiled.engine else {
        let errors = compiled.diagnostics.filter(\.isError).prefix(20).map { DiagnosticFormatter(showsExcerpt: false).format($0) }.joined(separator: "\n")
        throw VariantLoadError(description: "de variant '\(naam)' compileert niet:\n\(errors)")
      }
      engine = compiledEngine
    }
    var changes: [Engine.ParameterChange] = []
    do throws(Engine.VariantError) {
      for c in parameters {
        let parts = c.parameter.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw Engine.VariantError(description: "parameter '\(c.parameter)': schrijf wet.naam, bijvoorbeeld kindgebonden_budget.afbouwpercentage") }
        let id = SymbolID(law: parts[0], name: parts[1])
        changes.append(Engine.ParameterChange(id: id, value: try engine.parameterValue(c.waarde, for: id), explanation: c.toelichting ?? c.waarde))
      }
      engine = try engine.changingParameters(changes, on: lawDate(default: date), variant: naam)
    } catch {
      throw VariantLoadError(description: "variant '\(naam)': \(error.description)")
    }
    return engine
  }
}

/// A variant file that cannot be read or applied.
public struct VariantLoadError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

import ExactArithmetic
import LegalSource
import LegalText
import RuleIR
import RuleSyntax

/// How far the annotated text is formalised: which annotated begrippen have rules, which are still
/// open, and which rules no annotation backs.
public struct CoverageReport: Sendable {
  public enum Status: Sendable, Equatable {
    /// The annotation names a begrip that a rule, parameter or gegeven defines.
    case formalised(SymbolID)
    /// Annotated as something to formalise, but no begrip named yet.
    case open
    /// The begrip named does not exist (also reported as a warning).
    case unknown
  }

  public struct Item: Sendable {
    public let annotation: Annotation
    public let status: Status
  }

  /// A rule or parameter that no annotation in its document names.
  public struct Unbacked: Sendable {
    public let symbol: SymbolID
    public let citation: Citation
    public let range: SourceRange
  }

  public var items: [Item] = []
  public var unbacked: [Unbacked] = []

  public init() {}

  /// Annotations of the classes that call for rules (variabele, parameter, afleidingsregel,
  /// brondefinitie, rechtsbetrekking).
  public var formalisable: [Item] { items.filter { $0.annotation.jasClass.isFormalisable } }
  public var formalised: [Item] {
    formalisable.filter {
      if case .formalised = $0.status { return true }
      return false
    }
  }
  public var open: [Item] { formalisable.filter { $0.status == .open } }

  /// Counts per JAS class, for the summary.
  public var countsByClass: [(JASClass, Int)] {
    JASClass.allCases.map { c in (c, items.filter { $0.annotation.jasClass == c }.count) }.filter { $0.1 > 0 }
  }
}

extension Checker {
  /// Resolves the begrip of every annotation, lists rules without annotation, and checks that the
  /// value of each parameter written in an article appears in that article's text.
  func coverage(_ documents: [LegalDocument]) -> CoverageReport {
    var report = CoverageReport()
    for document in documents {
      guard let version = table.versions[document.header.code]?.first(where: { $0.document.file === document.file }) else { continue }
      var backed: Set<String> = []
      for annotation in document.annotations {
        let scope = Scope(version: version, citation: annotation.citation, personBound: false)
        guard let begrip = annotation.begrip else {
          report.items.append(.init(annotation: annotation, status: .open))
          continue
        }
        let key = begrip.lowercased().split(separator: " ").joined(separator: " ")
        let name = Name(words: key.split(separator: " ").map(String.init), range: annotation.range)
        if let fill = version.fills.first(where: { $0.value.name.key == key }) {
          backed.insert(key)
          report.items.append(.init(annotation: annotation, status: .formalised(SymbolID(law: fill.value.law, name: key))))
        } else if let resolved = resolve(name, scope, report: false) {
          backed.insert(key)
          report.items.append(.init(annotation: annotation, status: .formalised(resolved.id)))
        } else {
          emit(.annotationUnknownBegrip(begrip), at: annotation.range, scope, notes: .suggestion(Spelling.suggestion(for: key, among: visibleNames(scope))))
          report.items.append(.init(annotation: annotation, status: .unknown))
        }
      }
      for key in version.ruleOrder where !backed.contains(key) {
        if let first = version.rules[key]?.first {
          report.unbacked.append(.init(symbol: SymbolID(law: version.law, name: key), citation: first.citation, range: first.value.range))
        }
      }
      for (key, decl) in version.parameters.sorted(by: { $0.key < $1.key }) where !backed.contains(key) {
        report.unbacked.append(.init(symbol: SymbolID(law: version.law, name: key), citation: decl.citation, range: decl.value.range))
      }
      checkParameterValuesInText(version)
    }
    return report
  }

  /// A value written in a parameter declaration must stand in the text of the article(lid) the
  /// declaration is under, unless the declaration names its source (`bron "…"`: the delegated
  /// regulation or indexation that sets it): a typo in either is an error, not a silent difference.
  func checkParameterValuesInText(_ version: VersionInfo) {
    for (_, decl) in version.parameters {
      guard case .single(let literal, let source, let range) = decl.value.value, source == nil else { continue }
      let needle: String
      switch literal {
      case .money(let v, _) where v.magnitude >= Rational(100): needle = DutchFormat.number(v)
      case .percentage(let v) where !(v * 100).isInteger: needle = DutchFormat.number(v * 100)
      default: continue
      }
      let text = version.document.elements.compactMap { element -> String? in
        guard case .text(let line, let c, _) = element, c.artikel == decl.citation.artikel, c.lid == decl.citation.lid else { return nil }
        return Annotation.plainText(of: line)
      }.joined(separator: " ")
      if !text.contains(needle) {
        diagnostics.emit(.parameterValueNotInText(needle), at: range, citation: decl.citation)
      }
    }
  }
}

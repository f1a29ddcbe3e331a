import ExactArithmetic
import LegalSource
import LegalText
import RuleIR
import RuleSemantics
import Toetssteen

/// The specification of one law version as data: its articles with annotated text and the rules
/// beside it, parameters with validity and sources, the begrippen it defines, the traceability
/// matrix, annotation coverage and the interpretation choices that concern it.
public struct LawPage: Sendable {
  /// A stretch of one article: the text of a lid (annotated) and the rule and example blocks under it.
  public struct Part: Sendable {
    public var heading: String?
    public var citation: Citation
    public var text: [String]
    public var rules: [String]
    public var examples: [String]
    /// Ids of the interpretation decisions recorded here.
    public var decisions: [String] = []
  }

  public struct Article: Sendable {
    public var title: String
    public var citation: Citation
    public var parts: [Part]
  }

  public struct ParameterRow: Sendable {
    public var name: String
    public var type: String
    public var from: CivilDate
    public var until: CivilDate?
    public var value: String
    public var citation: Citation
    public var source: String?
  }

  public struct Begrip: Sendable {
    public var name: String
    public var kind: String
    public var type: String
    public var citations: [Citation]
    /// Where another law defines a begrip of the same name or the same concept differently.
    public var elsewhere: [String]
  }

  public struct TraceRow: Sendable {
    public var article: Citation
    public var rules: [String]
    public var inputs: [String]
    public var outputs: [String]
    public var examples: [String]
  }

  public let code: String
  public let title: String
  public let header: RegulationHeader
  public let fileName: String
  public var articles: [Article] = []
  public var parameters: [ParameterRow] = []
  public var begrippen: [Begrip] = []
  public var trace: [TraceRow] = []
  /// Formalisable annotations: formalised and open, and the open ones with their words.
  public var formalised = 0
  public var open: [(formulering: String, jasClass: JASClass, citation: Citation)] = []
  /// The interpretation decisions recorded in this document, open ones first.
  public var decisions: [InterpretationDecision] = []

  /// `2025-01-01 tot 2026-01-01` or `vanaf 2025-01-01`.
  public var validity: String {
    header.validUntil.map { "\(header.validFrom.iso) tot \($0.iso)" } ?? "vanaf \(header.validFrom.iso)"
  }

  /// The page's file name without extension: `zorgtoeslag-2025-01-01`.
  static func fileName(_ h: RegulationHeader) -> String { "\(h.code)-\(h.validFrom.iso)" }
}

extension LawPage {
  /// Builds the page for `document` from the compiled `engine`.
  public init(document: LegalDocument, engine: Engine) {
    let h = document.header
    self.init(code: h.code, title: h.title, header: h, fileName: Self.fileName(h))
    let program = engine.program
    decisions = program.decisions.filter { $0.range.file == document.file }.sorted { ($0.status == .open ? 0 : 1) < ($1.status == .open ? 0 : 1) }
    articles = Self.articles(document, decisions: decisions)
    let version = program.laws[h.code]?.first { $0.validFrom == h.validFrom && $0.path == document.file.path }
    if let version {
      parameters = version.declaredParameters.sorted().flatMap { id -> [ParameterRow] in
        guard let p = program.parameters[id] else { return [] }
        return p.values.map { v in
          ParameterRow(name: id.name, type: p.type.description, from: v.from, until: v.until, value: v.value.formatted(as: p.type), citation: v.citation, source: v.source)
        }
      }
      begrippen = Register.begrippen(version: version, program: program)
      trace = Traceability.rows(document: document, version: version, program: program)
    }
    do {
      let coverage = engine.coverage
      let mine = coverage.formalisable.filter { $0.annotation.range.file == document.file }
      formalised = mine.filter { if case .formalised = $0.status { return true } else { return false } }.count
      open = mine.filter { if case .formalised = $0.status { return false } else { return true } }
        .map { ($0.annotation.formulering, $0.annotation.jasClass, $0.annotation.citation) }
    }
  }

  /// The document's elements grouped per article and per lid, in reading order.
  static func articles(_ d: LegalDocument, decisions: [InterpretationDecision]) -> [Article] {
    var out: [Article] = []
    for element in d.elements {
      switch element {
      case .heading(let level, let text, let c, _):
        if c.artikel != nil && c.lid == nil && c.onderdeel == nil && (out.last?.citation != c || level <= 2) {
          out.append(Article(title: text, citation: c, parts: [Part(heading: nil, citation: c, text: [], rules: [], examples: [])]))
        } else if !out.isEmpty {
          out[out.count - 1].parts.append(Part(heading: text, citation: c, text: [], rules: [], examples: []))
        } else {
          out.append(Article(title: text, citation: c, parts: [Part(heading: nil, citation: c, text: [], rules: [], examples: [])]))
        }
      case .text(let line, let c, _):
        if out.isEmpty { out.append(Article(title: "Inleiding", citation: c, parts: [Part(heading: nil, citation: c, text: [], rules: [], examples: [])])) }
        out[out.count - 1].parts[out[out.count - 1].parts.count - 1].text.append(line)
      case .block(let b):
        if out.isEmpty { out.append(Article(title: "Inleiding", citation: b.citation, parts: [Part(heading: nil, citation: b.citation, text: [], rules: [], examples: [])])) }
        let i = out.count - 1
        let j = out[i].parts.count - 1
        switch b.kind {
        case .regels: out[i].parts[j].rules.append(b.content.text)
        case .voorbeeld: out[i].parts[j].examples.append(b.content.text)
        case .other: out[i].parts[j].text.append(b.content.text)
        case .keuze: out[i].parts[j].decisions += decisions.filter { $0.range.start == b.content.start }.map(\.id)
        }
      }
    }
    return out
  }
}

import ExactArithmetic
import LegalSource

/// The kind of regulation a document holds; delegated regulations fill in what a law leaves open.
public enum RegulationKind: String, Sendable, Codable, CaseIterable {
  case wet
  case amvb
  case ministerieleRegeling = "ministeriële regeling"
  case beleidsregel
  case gegevensmodel
  /// A computation of Toetssteen's own over the laws' outputs (the netto-inkomen), not a law.
  case rekenmodel

  public init?(text: String) {
    switch text.lowercased() {
    case "wet": self = .wet
    case "amvb", "algemene maatregel van bestuur", "besluit": self = .amvb
    case "ministeriële regeling", "ministeriele regeling", "regeling": self = .ministerieleRegeling
    case "beleidsregel": self = .beleidsregel
    case "gegevensmodel": self = .gegevensmodel
    case "rekenmodel": self = .rekenmodel
    default: return nil
    }
  }
}

/// The front matter of a regulation document: which law, which version, valid when, from what source.
public struct RegulationHeader: Sendable {
  /// Citeertitel, e.g. `Wet op de zorgtoeslag`.
  public var title: String
  /// Short title, e.g. `Wzt`.
  public var shortTitle: String
  /// Namespace used by rules and output ids, e.g. `zorgtoeslag`.
  public var code: String
  public var bwb: String
  public var kind: RegulationKind
  /// Date of the consolidated text (toestand) the document reproduces.
  public var toestand: CivilDate
  /// First day the document's rules apply.
  public var validFrom: CivilDate
  /// First day they no longer apply (exclusive); `nil` when open-ended.
  public var validUntil: CivilDate?
  /// Where the text comes from (publication, consolidation, repository and commit).
  public var source: String
  /// Range of each front-matter key's value, for diagnostics.
  public var ranges: [String: SourceRange]

  /// Citation of the whole regulation in this version.
  public var citation: Citation {
    Citation(bwb: bwb, title: title, shortTitle: shortTitle, version: toestand)
  }

  public func isValid(on date: CivilDate) -> Bool {
    date >= validFrom && (validUntil.map { date < $0 } ?? true)
  }
}

/// A formulering in the article text annotated with a JAS class: `[de normpremie]{variabele: normpremie}`.
public struct Annotation: Sendable {
  /// The annotated words as they stand in the law.
  public let formulering: String
  public let jasClass: JASClass
  /// The begrip the formulering stands for, when the annotator named one: the name of the rule,
  /// parameter or gegeven that formalises it.
  public let begrip: String?
  /// Range of the whole annotation in the document.
  public let range: SourceRange
  public let citation: Citation
}

/// The kind of a fenced block inside a document.
public enum BlockKind: String, Sendable {
  /// Rules in the rule language (```regels).
  case regels
  /// A worked example with inputs and expected outcomes (```voorbeeld).
  case voorbeeld
  /// An interpretation decision (```keuze): where turning the text into rules required a choice.
  case keuze
  /// Any other fence (```text and the like): shown, never interpreted.
  case other
}

/// A fenced block, with the article it stands under.
public struct CodeBlock: Sendable {
  public let kind: BlockKind
  /// Range of the block's content (between the fences).
  public let content: SourceRange
  public let citation: Citation
}

/// One element of a document, in reading order.
public enum DocumentElement: Sendable {
  /// A heading; `citation` is the position it opens.
  case heading(level: Int, text: String, citation: Citation, range: SourceRange)
  /// A line of article text, annotations included as written.
  case text(line: String, citation: Citation, range: SourceRange)
  case block(CodeBlock)
}

/// An annotated regulation document: its header, its text in reading order, its annotations and its
/// rule and example blocks, each tied to the article it stands under.
public struct LegalDocument: Sendable {
  public let file: SourceFile
  public let header: RegulationHeader
  public let elements: [DocumentElement]
  public let annotations: [Annotation]

  public var blocks: [CodeBlock] {
    elements.compactMap {
      if case .block(let b) = $0 { return b }
      return nil
    }
  }

  /// The articles in the document, in order, as citations.
  public var articles: [Citation] {
    var seen: [Citation] = []
    for case .heading(_, _, let c, _) in elements where c.artikel != nil && c.lid == nil && c.onderdeel == nil {
      if !seen.contains(c) { seen.append(c) }
    }
    return seen
  }
}

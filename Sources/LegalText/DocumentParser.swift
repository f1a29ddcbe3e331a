import ExactArithmetic
import LegalSource

/// Reads an annotated regulation document (Markdown) into a ``LegalDocument``.
///
/// What it checks: the front matter (required keys, dates, BWB id, validity), the heading structure
/// (`## Artikel N`, `### Lid N`, `#### Onderdeel x`), JAS annotations in the text and that every
/// fenced block is closed. What it produces: the document in reading order, each line and block
/// carrying the citation of the article, lid and onderdeel it stands under. It does not read the rule
/// language: rule blocks are handed on as source ranges to `RuleSyntax`.
public enum DocumentParser {
  public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticEngine) -> LegalDocument? {
    let (header, bodyStart) = FrontMatter.parse(file, diagnostics: &diagnostics)
    guard let header else { return nil }
    var state = State(header: header)
    var elements: [DocumentElement] = []
    var annotations: [Annotation] = []
    var lineNumber = file.lineAndColumn(of: bodyStart).line
    if bodyStart >= file.scalars.count { lineNumber = file.lineStarts.count + 1 }
    let lineCount = file.lineStarts.count
    while lineNumber <= lineCount {
      let text = file.line(lineNumber)
      let start = file.lineStarts[lineNumber - 1]
      let range = SourceRange(file: file, start: start, end: start + text.unicodeScalars.count)
      let trimmed = text.trimmed
      if trimmed.hasPrefix("```") {
        let info = String(trimmed.dropFirst(3)).trimmed.lowercased()
        let kind: BlockKind = info == "regels" ? .regels : info == "voorbeeld" ? .voorbeeld : info == "keuze" ? .keuze : .other
        var end = lineNumber + 1
        while end <= lineCount, !file.line(end).trimmed.hasPrefix("```") { end += 1 }
        let contentStart = lineNumber < lineCount ? file.lineStarts[lineNumber] : file.scalars.count
        if end > lineCount {
          diagnostics.emit(.unclosedFence(), at: range, citation: state.citation)
          let content = SourceRange(file: file, start: contentStart, end: file.scalars.count)
          elements.append(.block(CodeBlock(kind: kind, content: content, citation: state.citation)))
          break
        }
        let content = SourceRange(file: file, start: contentStart, end: file.lineStarts[end - 1])
        elements.append(.block(CodeBlock(kind: kind, content: content, citation: state.citation)))
        lineNumber = end + 1
        continue
      }
      if trimmed.hasPrefix("#") {
        let level = trimmed.prefix(while: { $0 == "#" }).count
        let title = String(trimmed.dropFirst(level)).trimmed
        state.enter(heading: title, level: level, range: range, diagnostics: &diagnostics)
        elements.append(.heading(level: level, text: title, citation: state.citation, range: range))
      } else if !trimmed.isEmpty {
        let found = AnnotationScanner.scan(line: text, lineStart: start, file: file, citation: state.citation, diagnostics: &diagnostics)
        annotations += found
        if state.citation.artikel != nil {
          AnnotationLint.checkUnannotatedDelegation(line: text, annotations: found, range: range, citation: state.citation, into: &diagnostics)
        }
        elements.append(.text(line: text, citation: state.citation, range: range))
      }
      lineNumber += 1
    }
    AnnotationLint.check(annotations, into: &diagnostics)
    return LegalDocument(file: file, header: header, elements: elements, annotations: annotations)
  }

  /// The article position while reading: which artikel, lid and onderdeel the current line is in.
  struct State {
    let header: RegulationHeader
    var artikel: String?
    var lid: String?
    var onderdeel: String?

    init(header: RegulationHeader) { self.header = header }

    var citation: Citation {
      Citation(
        bwb: header.bwb, title: header.title, shortTitle: header.shortTitle, artikel: artikel, lid: lid,
        onderdeel: onderdeel, version: header.toestand)
    }

    mutating func enter(heading: String, level: Int, range: SourceRange, diagnostics: inout DiagnosticEngine) {
      let words = heading.split(separator: " ", maxSplits: 2).map(String.init)
      let keyword = words.first?.lowercased() ?? ""
      let number = words.count > 1 ? words[1].trimmingPunctuation : nil
      switch (level, keyword) {
      case (_, "artikel"):
        guard let number, !number.isEmpty else {
          diagnostics.emit(.headingWithoutNumber("Artikel"), at: range, citation: citation)
          return
        }
        artikel = number
        lid = nil
        onderdeel = nil
      case (_, "lid"):
        guard artikel != nil else {
          diagnostics.emit(.lidOutsideArticle(), at: range, citation: citation)
          return
        }
        guard let number, !number.isEmpty else {
          diagnostics.emit(.headingWithoutNumber("Lid"), at: range, citation: citation)
          return
        }
        lid = number
        onderdeel = nil
      case (_, "onderdeel"):
        guard let number, !number.isEmpty else {
          diagnostics.emit(.headingWithoutNumber("Onderdeel"), at: range, citation: citation)
          return
        }
        onderdeel = number
      case (1, _), (2, _):
        artikel = nil
        lid = nil
        onderdeel = nil
      case (3, _):
        lid = nil
        onderdeel = nil
      default:
        onderdeel = nil
      }
    }
  }
}

extension String {
  /// Drops a trailing period, dash or colon from a heading number: `2.` → `2`, `2a —` → `2a`.
  var trimmingPunctuation: String {
    var s = Substring(self)
    while let l = s.last, ".:—-,".contains(l) { s = s.dropLast() }
    return String(s)
  }
}

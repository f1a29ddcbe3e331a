import LegalSource

/// Finds JAS annotations in a line of article text: `[formulering]{klasse}` and
/// `[formulering]{klasse: begrip}`.
///
/// Square brackets that are not followed by `{` are ordinary text (the law itself uses them rarely,
/// Markdown links use `(`), so only the `]{` form is read as an annotation.
enum AnnotationScanner {
  static func scan(
    line: String, lineStart: Int, file: SourceFile, citation: Citation,
    diagnostics: inout DiagnosticEngine
  ) -> [Annotation] {
    let scalars = Array(line.unicodeScalars)
    var found: [Annotation] = []
    // The spans read as annotations (or reported as broken ones); a brace outside them is reported below.
    var covered: [ClosedRange<Int>] = []
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "[" else {
        i += 1
        continue
      }
      guard let close = scalars[(i + 1)...].firstIndex(of: "]"), close + 1 < scalars.count, scalars[close + 1] == "{"
      else {
        i += 1
        continue
      }
      let open = i
      guard let brace = scalars[(close + 2)...].firstIndex(of: "}") else {
        diagnostics.emit(.unclosedAnnotation(), at: SourceRange(file: file, start: lineStart + open, end: lineStart + scalars.count), citation: citation)
        covered.append(open...(scalars.count - 1))
        break
      }
      covered.append(open...brace)
      let range = SourceRange(file: file, start: lineStart + open, end: lineStart + brace + 1)
      let formulering = string(scalars[(open + 1)..<close]).trimmed
      let inside = string(scalars[(close + 2)..<brace])
      var className = inside
      var begrip: String?
      if let colon = inside.firstIndex(of: ":") {
        className = String(inside[..<colon])
        begrip = String(inside[inside.index(after: colon)...]).trimmed
        if begrip?.isEmpty == true { begrip = nil }
      }
      className = className.trimmed
      if formulering.isEmpty {
        diagnostics.emit(.emptyAnnotation(), at: range, citation: citation)
      } else if let jas = JASClass(annotation: className) {
        found.append(Annotation(formulering: formulering, jasClass: jas, begrip: begrip, range: range, citation: citation))
      } else {
        let suggestion = Spelling.suggestion(for: className, among: JASClass.allCases.map(\.rawValue))
        let classRange = SourceRange(file: file, start: lineStart + close + 2, end: lineStart + brace)
        diagnostics.emit(.unknownJASClass(className), at: classRange, citation: citation, notes: .suggestion(suggestion))
      }
      i = brace + 1
    }
    // A brace that belongs to no annotation: a `[formulering]{…}` with its `[` or `]` lost, or a class
    // typed without brackets. Law text itself has no braces, so this is never ordinary text.
    for j in scalars.indices where scalars[j] == "{" || scalars[j] == "}" {
      guard !covered.contains(where: { $0.contains(j) }) else { continue }
      diagnostics.emit(.strayBrace(), at: SourceRange(file: file, start: lineStart + j, end: lineStart + j + 1), citation: citation)
      break
    }
    return found
  }

  /// The line with every annotation replaced by its formulering: the verbatim law text.
  static func plainText(_ line: String) -> String {
    var out = ""
    var rest = Substring(line)
    while let open = rest.firstIndex(of: "[") {
      guard let close = rest[open...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
        rest[rest.index(after: close)] == "{", let brace = rest[close...].firstIndex(of: "}")
      else {
        out += rest[...open]
        rest = rest[rest.index(after: open)...]
        continue
      }
      out += rest[..<open]
      out += rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: brace)...]
    }
    return out + rest
  }

  static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: s)
    return String(v)
  }
}

extension Annotation {
  /// The verbatim text of a line with annotations removed.
  public static func plainText(of line: String) -> String { AnnotationScanner.plainText(line) }
}

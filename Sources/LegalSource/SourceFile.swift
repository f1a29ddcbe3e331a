/// A text file read into memory, with the line table needed to turn offsets into line and column.
///
/// Offsets count Unicode scalars from the start of the file; lines and columns are 1-based and columns
/// count Unicode scalars, so `€` and `ë` are one column each.
public final class SourceFile: Sendable, Hashable {
  /// The path as the user named it; used in every diagnostic.
  public let path: String
  /// The whole text.
  public let text: String
  /// The text as Unicode scalars; lexers index into this.
  public let scalars: [Unicode.Scalar]
  /// Offset of the first scalar of every line.
  public let lineStarts: [Int]

  /// A file with Windows line endings (CRLF) reads as with LF: Swift treats "\r\n" as one
  /// `Character`, so without this every phase that splits on "\n" would see one long line.
  public init(path: String, text: String) {
    self.path = path
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.unicodeScalars.count)
    for s in text.unicodeScalars {
      if s == "\n", scalars.last == "\r" { scalars.removeLast() }
      scalars.append(s)
    }
    self.text = scalars.count == text.unicodeScalars.count ? text : String(String.UnicodeScalarView(scalars))
    self.scalars = scalars
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    lineStarts = starts
  }

  /// 1-based line and column of a scalar offset.
  public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lo + 1, offset - lineStarts[lo] + 1)
  }

  /// The scalar offsets of a 1-based line, without its line break (empty beyond the file).
  public func lineBounds(_ number: Int) -> Range<Int> {
    guard number >= 1, number <= lineStarts.count else { return scalars.count..<scalars.count }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] : scalars.count
    while end > start, scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
    return start..<end
  }

  /// The text of a 1-based line, without its line break.
  public func line(_ number: Int) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[lineBounds(number)])
    return String(s)
  }

  /// The scalars between two offsets as a string.
  public func slice(_ start: Int, _ end: Int) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
    return String(s)
  }

  public static func == (a: SourceFile, b: SourceFile) -> Bool { a === b }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// A half-open span of scalars in one source file.
public struct SourceRange: Sendable, Hashable {
  public let file: SourceFile
  public let start: Int
  public let end: Int

  public init(file: SourceFile, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// The span from the start of `self` to the end of `other` (same file).
  public func extended(to other: SourceRange) -> SourceRange {
    SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public var startLocation: (line: Int, column: Int) { file.lineAndColumn(of: start) }

  /// `path:line:column`.
  public var position: String {
    let (line, column) = startLocation
    return "\(file.path):\(line):\(column)"
  }

  /// The source text the range covers.
  public var text: String { file.slice(start, end) }
}

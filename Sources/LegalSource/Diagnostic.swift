/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
  case error, warning, note

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .note: return 2
    }
  }
}

/// A message from one phase's catalogue: an identifier that tools can match on, a severity and the
/// text a person reads. Catalogues are static functions on `DiagnosticMessage` in each phase's module
/// (`ParseMessages.swift`, `SemanticMessages.swift`), in the style of swift-syntax.
public struct DiagnosticMessage: Sendable, Hashable {
  /// Stable identifier, `domain.name`, e.g. `naam.onbekend`.
  public let id: String
  public let severity: Severity
  public let text: String

  public init(id: String, severity: Severity = .error, _ text: String) {
    self.id = id
    self.severity = severity
    self.text = text
  }
}

/// One problem found in a regulation or an input, with where it is and which article it concerns.
public struct Diagnostic: Sendable, Hashable {
  /// An extra pointer to a related place, such as the other rule of a conflict.
  public struct Note: Sendable, Hashable {
    public let text: String
    public let range: SourceRange?
    public let citation: Citation?

    public init(_ text: String, range: SourceRange? = nil, citation: Citation? = nil) {
      self.text = text
      self.range = range
      self.citation = citation
    }
  }

  public let message: DiagnosticMessage
  public let range: SourceRange?
  /// The article the problem concerns, when it lies inside one.
  public let citation: Citation?
  public let notes: [Note]

  public init(_ message: DiagnosticMessage, at range: SourceRange?, citation: Citation? = nil, notes: [Note] = []) {
    self.message = message
    self.range = range
    self.citation = citation
    self.notes = notes
  }

  public var severity: Severity { message.severity }
  public var isError: Bool { message.severity == .error }
}

extension Array where Element == Diagnostic.Note {
  /// The close spelling a misspelt name most likely meant, as a note (`bedoelt u 'grens'?`), the way
  /// swift-syntax keeps a fix apart from its error; no note when no known name is close.
  public static func suggestion(_ name: String?) -> Self {
    name.map { [Diagnostic.Note("bedoelt u '\($0)'?")] } ?? []
  }
}

/// Collects diagnostics from every phase so that all problems are reported together.
public struct DiagnosticEngine: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []
  private var seen: Set<Diagnostic> = []

  public init() {}

  /// Adds a diagnostic; an identical one (same message, place and article) is kept once.
  public mutating func emit(_ diagnostic: Diagnostic) {
    if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
  }

  public mutating func emit(_ message: DiagnosticMessage, at range: SourceRange?, citation: Citation? = nil, notes: [Diagnostic.Note] = []) {
    emit(Diagnostic(message, at: range, citation: citation, notes: notes))
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    for d in other { emit(d) }
  }

  public var hasErrors: Bool { diagnostics.contains { $0.isError } }
  public var errorCount: Int { diagnostics.filter(\.isError).count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// Diagnostics ordered by file, line and column, then severity.
  public var sorted: [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let ka = a.element.sortKey
      let kb = b.element.sortKey
      if ka.path != kb.path { return ka.path < kb.path }
      if ka.offset != kb.offset { return ka.offset < kb.offset }
      return a.offset < b.offset
    }.map(\.element)
  }
}

extension Diagnostic {
  var sortKey: (path: String, offset: Int) { (range?.file.path ?? "", range?.start ?? -1) }
}

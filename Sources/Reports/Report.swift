import LegalSource

/// A report as data: sections of paragraphs, tables and charts, each citing the articles its figures
/// come from, and an appendix with the text of every cited article. The HTML, JSON and CSV renderers
/// all read this one model, so the three formats carry the same figures.
public struct Report: Sendable, Codable {
  public var title: String
  public var subtitle: String
  /// Key facts of the run (scenario, seed, date, households), in order.
  public var meta: [KeyValue]
  public var sections: [Section]
  /// Every article cited anywhere in the report, with its text, in order of first citation.
  public var articles: [Article]

  public struct KeyValue: Sendable, Codable {
    public var key: String
    public var value: String
  }

  public struct Section: Sendable, Codable {
    public var id: String
    public var title: String
    public var paragraphs: [Paragraph]
    public var tables: [Table]
    public var charts: [Chart]
  }

  /// Text with the articles it rests on; `emphasis` marks a finding or a warning.
  public struct Paragraph: Sendable, Codable {
    public var text: String
    public var citations: [Reference]
    public var emphasis: Bool
  }

  /// A cited article: the anchor of its entry in the appendix and how people name it.
  public struct Reference: Sendable, Codable, Hashable {
    public var anchor: String
    public var label: String
  }

  public struct Table: Sendable, Codable {
    public var id: String
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    public var note: String?
    /// Articles the table's figures come from.
    public var citations: [Reference]

    public init(id: String, title: String, columns: [Column], rows: [[Cell]], note: String?, citations: [Reference]) {
      self.id = id
      self.title = title
      self.columns = columns
      self.rows = rows
      self.note = note
      self.citations = citations
    }
  }

  public struct Column: Sendable, Codable {
    public var name: String
    /// `tekst`, `aantal`, `euro`, `percentage`, `jaar`: how the raw value reads.
    public var kind: String

    public init(name: String, kind: String) {
      self.name = name
      self.kind = kind
    }
  }

  /// One table cell: the machine value (JSON and CSV: decimal point, no grouping) and the Dutch
  /// display (HTML).
  public struct Cell: Sendable, Codable {
    public var raw: String
    public var display: String

    public init(raw: String, display: String) {
      self.raw = raw
      self.display = display
    }
  }

  public struct Chart: Sendable, Codable {
    public var id: String
    public var title: String
    /// `staaf` (one bar per label) or `lijn` (values over years).
    public var kind: String
    public var labels: [String]
    /// Drawing values only; the exact figures are in the table beside the chart.
    public var values: [Double]
    public var valueLabels: [String]
    public var unit: String
  }

  /// An article in the appendix: where links in the report land.
  public struct Article: Sendable, Codable {
    public var anchor: String
    public var label: String
    public var url: String
    public var jci: String
    public var text: [String]
  }
}

import LegalSource

/// An interpretation decision: where turning the text of an article into rules required a choice,
/// the regulation records the question, the alternatives, the choice, the reason, who decided and
/// whether policy and legislation have agreed. The compiler links it to the rules it affects, so
/// specifications and reports can show which outcomes rest on an open choice.
public struct InterpretationDecision: Sendable {
  public enum Status: String, Sendable, CaseIterable {
    /// Made by the modellers, not yet agreed with policy and legislation.
    case open
    /// Agreed with policy and legislation.
    case afgestemd
  }

  /// A short, stable identifier (`vermogenstoets-partner`).
  public let id: String
  public let title: String
  public let question: String
  public let alternatives: [String]
  public let choice: String
  public let reason: String
  public let decidedBy: String
  public let status: Status
  /// The definitions and parameters whose rules rest on the choice.
  public let affects: [SymbolID]
  /// The article the decision stands under.
  public let citation: Citation
  public let range: SourceRange

  public init(
    id: String, title: String, question: String, alternatives: [String], choice: String, reason: String, decidedBy: String,
    status: Status, affects: [SymbolID], citation: Citation, range: SourceRange
  ) {
    self.id = id
    self.title = title
    self.question = question
    self.alternatives = alternatives
    self.choice = choice
    self.reason = reason
    self.decidedBy = decidedBy
    self.status = status
    self.affects = affects
    self.citation = citation
    self.range = range
  }
}

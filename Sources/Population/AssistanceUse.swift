/// How the generator drew a household with respect to the bijstand, for non-take-up
/// (``PopulationData/assistanceUse``; the scenario's `inkomen.bijstand_regeling`).
///
/// The scenario's `inkomen.bijstand_in_inkomen` counts the persons who receive the bijstand at the
/// ages of `bijstand_naar_leeftijd`: every user of those ages. A household whose aanvrager's unit the
/// generator drew among them uses the bijstand; one whose aanvrager (and partner) is of those ages but
/// was not drawn does not, whatever the rules give it; one whose aanvrager or partner is of other ages
/// (the AIO after the AOW age) was not part of the draw, and the scenario's non-take-up rates decide.
public enum AssistanceUse: UInt8, Sendable {
  /// Not part of the draw (other ages), or the population does not say.
  case unknown = 0
  /// Drawn as living on the bijstand: a user the scenario counts.
  case user = 1
  /// Of the ages of the draw, and not drawn: not among the users the scenario counts.
  case nonUser = 2
}

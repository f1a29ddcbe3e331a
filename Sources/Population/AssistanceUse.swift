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

extension AssistanceUse {
  /// The byte ``PopulationData/assistanceUse`` keeps per household: the aanvrager's unit (a couple
  /// together) in the two low bits, the others who live there with an own right (adult children,
  /// housemates; the outputs `<regeling>.medebewoners_…`) in the next two.
  public static func packed(unit: AssistanceUse, members: AssistanceUse) -> UInt8 {
    unit.rawValue | members.rawValue << 2
  }

  /// The mark of the aanvrager's unit, or with `members` that of the others, from a packed byte.
  @inline(__always)
  public init(packed byte: UInt8, members: Bool) {
    self = AssistanceUse(rawValue: members ? (byte >> 2) & 3 : byte & 3) ?? .unknown
  }
}

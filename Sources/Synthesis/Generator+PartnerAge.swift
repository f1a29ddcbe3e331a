/// The partner's age in a couple and the youngest parent's age that bounds the children's ages.
///
/// One definition for the generator and for the expectation the child-age calibration rakes to
/// (``ChildAgeCalibration``), so the two cannot drift apart.
extension Generator {
  /// A partner is the aanvrager's age plus one of these offsets, each equally likely.
  static let partnerAgeOffsets: ClosedRange<Int64> = -6...6

  /// The youngest a partner is drawn, in years at the peildatum: 19, so that the partner is of age on
  /// every day of the year the toeslagen and the income tax look at, whatever the peildatum. A minor
  /// echtgenoot has no right to bijstand (Pw art. 13 lid 1 onder f), and the norm and income of a
  /// household with one (art. 24, 32 lid 3) are not coded: such a household stays undecided. A marriage
  /// needs both to be 18 (BW art. 1:31); the scenario draws no minor partner at all.
  static let minimumPartnerAge: Int64 = 19

  /// The partner's age for an aanvrager of `head` and a drawn `offset` (or an age gap from the
  /// partnertoeslag tail, as a negative offset): at least ``minimumPartnerAge``.
  static func partnerAge(head: Int64, offset: Int64) -> Int64 {
    max(minimumPartnerAge, head + offset)
  }

  /// The age of the younger parent of a couple's children: no child is drawn older than its youngest
  /// parent allows (`kinderen.ouder_bij_geboorte`).
  static func youngestParentAge(head: Int64, partner: Int64) -> Int64 {
    min(head, partner)
  }
}

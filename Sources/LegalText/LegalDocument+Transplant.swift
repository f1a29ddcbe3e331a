import ExactArithmetic

extension LegalDocument {
  /// This version's text and rules, made valid in the period of another version of the same law: a
  /// variant that asks "the huurtoeslag as it was on 1 January 2025, in 2026". Its citations keep their
  /// own toestand, so every explanation still names the text it comes from. Worked examples are left
  /// out: they are dated in the source version's period and checked there.
  public func transplanted(validFrom: CivilDate, validUntil: CivilDate?) -> LegalDocument {
    var moved = header
    moved.validFrom = validFrom
    moved.validUntil = validUntil
    let kept = elements.filter { element in
      if case .block(let block) = element { return block.kind != .voorbeeld }
      return true
    }
    return LegalDocument(file: file, header: moved, elements: kept, annotations: annotations)
  }
}

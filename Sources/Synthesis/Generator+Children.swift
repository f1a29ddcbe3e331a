import Population

extension Generator {
  /// The ages of the children of a household of `kind` (3, 4: a couple with children, 5: a one-parent
  /// family; none otherwise): how many from the scenario's `kinderen`, each born when its youngest parent
  /// was old enough (`kinderen.ouder_bij_geboorte`), from the raked bands of `kinderen.leeftijd`, without
  /// them uniformly up to 24 (earlier scenarios).
  func drawChildAges(kind: Int, couple: Bool, headAge: Int64, partnerAge: Int64, _ r: inout RandomSource) -> [Int64] {
    let youngestParent = couple ? Self.youngestParentAge(head: headAge, partner: partnerAge) : headAge
    let children: Int
    switch kind {
    case 3: children = sampler.childrenMarried.pick(&r) + 1
    case 4: children = sampler.childrenCohabiting.pick(&r) + 1
    case 5: children = sampler.childrenSingleParent.pick(&r) + 1
    default: children = 0
    }
    return (0..<children).map { _ in
      sampler.childAges?.sample(youngestParentAge: youngestParent, &r) ?? r.integer(in: 0...min(24, max(0, youngestParent - 18)))
    }
  }
}

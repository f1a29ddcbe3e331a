import ExactArithmetic
import Population

extension Scenario {
  /// The renters' share per household type, per mille (`wonen.huur_naar_huishoudtype`). The types it
  /// names rent with their own share; the others share what is left of `wonen.huur_promille`.
  public typealias TenureByType = [String: Int64]

  /// The household types `huur_naar_huishoudtype` may name, by their YAML key.
  static let tenureTypeKeys: [(key: String, type: HouseholdType)] = [
    ("alleenstaand", .alleenstaand), ("paar_zonder_kinderen", .paarZonderKinderen), ("paar_met_kinderen", .paarMetKinderen),
    ("eenouder", .eenouder), ("met_medebewoners", .metMedebewoners),
  ]

  static let tenureByTypeShape = YAMLShape.mapping(Dictionary(uniqueKeysWithValues: tenureTypeKeys.map { ($0.key, YAMLShape.value) }))

  /// The named types' shares as fractions, by type.
  public var tenureShares: [HouseholdType: Rational] {
    var shares: [HouseholdType: Rational] = [:]
    for (key, type) in Self.tenureTypeKeys { if let v = wonen.huurNaarHuishoudtype?[key] { shares[type] = Rational(Int(v)) / 1000 } }
    return shares
  }

  /// The household types' shares in the composition (`samenstelling`), as fractions.
  public var compositionShares: [HouseholdType: Rational] {
    let c = samenstelling
    let weights: [HouseholdType: Int64] = [
      .alleenstaand: c.alleenstaand, .paarZonderKinderen: c.paarZonderKinderenGehuwd + c.paarZonderKinderenSamenwonend,
      .paarMetKinderen: c.paarMetKinderenGehuwd + c.paarMetKinderenSamenwonend, .eenouder: c.eenouder, .metMedebewoners: c.metMedebewoners,
    ]
    let total = max(1, weights.values.reduce(0, +))
    return weights.mapValues { Rational(Int($0)) / Int(total) }
  }

  /// A group of household types that rents with one share (see ``tenureGroups``).
  public struct TenureGroup: Sendable, Equatable {
    /// The types in the group.
    public let types: [HouseholdType]
    /// The renters' share the group's households meet together.
    public let share: Rational
  }

  /// Who rents, by group of household types: each type `huur_naar_huishoudtype` names alone, with its
  /// share; the others together, with what the named types leave of `huur_promille` under the
  /// composition's weights (clamped to 0…1; ``validateTenureByType`` refuses a rest outside it). Without
  /// named types, one group of all types with the national share. The generator's ``TenureProfile`` and
  /// the validation's margins both take their targets from here.
  public var tenureGroups: [TenureGroup] {
    let shares = tenureShares
    var groups = HouseholdType.allCases.compactMap { type in shares[type].map { TenureGroup(types: [type], share: $0) } }
    let rest = HouseholdType.allCases.filter { shares[$0] == nil }
    if !rest.isEmpty {
      let share = restTenureShare(of: rest) ?? national
      groups.append(TenureGroup(types: rest, share: Rational.max(.zero, Rational.min(.one, share))))
    }
    return groups
  }

  private var national: Rational { Rational(Int(wonen.huurPromille)) / 1000 }

  /// What the types in `rest` must rent together so that, with the named shares and the composition's
  /// weights, the national share comes out; `nil` when `rest` has no households in the composition.
  private func restTenureShare(of rest: [HouseholdType]) -> Rational? {
    let composition = compositionShares
    let named = tenureShares.reduce(Rational.zero) { $0 + (composition[$1.key] ?? .zero) * $1.value }
    let restWeight = rest.reduce(Rational.zero) { $0 + (composition[$1] ?? .zero) }
    return (national - named).dividedBy(restWeight)
  }

  /// Each named share is 0…1000, at least one type with households is left to take the rest, and
  /// what is left for those types, with the composition's weights, lies between 0 and 1000 per mille.
  func validateTenureByType(_ fail: (String) -> ScenarioError) throws {
    guard let byType = wonen.huurNaarHuishoudtype else { return }
    for (key, value) in byType.sorted(by: { $0.key < $1.key }) where !(0...1000).contains(value) {
      throw fail("wonen.huur_naar_huishoudtype.\(key): een aantal per duizend van 0 tot en met 1000, niet \(value)")
    }
    let shares = tenureShares
    let rest = Self.tenureTypeKeys.filter { shares[$0.type] == nil }
    guard !rest.isEmpty else {
      throw fail("wonen.huur_naar_huishoudtype: noem niet alle vijf typen; de typen die u niet noemt vullen wonen.huur_promille aan")
    }
    guard let left = restTenureShare(of: rest.map(\.type)) else {
      throw fail("wonen.huur_naar_huishoudtype: de typen die u niet noemt (\(rest.map(\.key).joined(separator: ", "))) hebben in de samenstelling geen huishoudens; dan bepalen de genoemde typen alleen het landelijke aandeel en kan wonen.huur_promille niet kloppen. Laat een type met huishoudens ongenoemd")
    }
    guard left >= .zero, left <= .one else {
      let names = rest.map(\.key).joined(separator: ", ")
      let promille = (left * 1000).rounded(to: .one, mode: .rekenkundig).intValue ?? 0
      throw fail("wonen.huur_naar_huishoudtype: met deze aandelen en de samenstelling zouden de overige typen (\(names)) met \(promille) per duizend moeten huren om wonen.huur_promille (\(wonen.huurPromille)) te halen; dat kan niet")
    }
  }
}

extension Scenario {
  /// A published fact about two-earner couples (`inkomen.tweeverdieners`): how many have about equal
  /// earnings. The generator calibrates how partners' incomes hang together on it
  /// (``PartnerIncomeCoupling``), and `toets validate` shows the drawn share beside it. It compares loon,
  /// so it needs `inkomensbron`.
  public struct TwoEarners: Sendable, Codable {
    /// Couples with both partners below the pension age and both with loon whose loon differs by less
    /// than ``verschilPromille`` of the higher of the two, per mille of those couples.
    public var gelijkwaardigPromille: Int64
    /// The difference, per mille of the higher loon, under which two incomes count as equal.
    public var verschilPromille: Int64

    enum CodingKeys: String, CodingKey {
      case gelijkwaardigPromille = "gelijkwaardig_promille"
      case verschilPromille = "verschil_promille"
    }

    static let shape = YAMLShape.mapping(["gelijkwaardig_promille": .value, "verschil_promille": .value])

    func validate(_ fail: (String) -> ScenarioError) throws {
      guard (0...1000).contains(gelijkwaardigPromille) else {
        throw fail("inkomen.tweeverdieners.gelijkwaardig_promille: een aantal per duizend van 0 tot en met 1000, niet \(gelijkwaardigPromille)")
      }
      guard (1...999).contains(verschilPromille) else {
        throw fail("inkomen.tweeverdieners.verschil_promille: een verschil per duizend van het hoogste loon, van 1 tot en met 999, niet \(verschilPromille)")
      }
    }
  }
}

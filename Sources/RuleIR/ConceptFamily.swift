/// A concept several laws define each in their own way (partner, income, …), recognised by the names
/// the rules give it: `toeslagpartner`, `bijstandspartner` and `echtgenoot` are all partner concepts.
/// Used to list and count definitional divergence (analyses) and to point to a begrip's counterparts
/// in other laws (specifications).
public struct ConceptFamily: Sendable {
  public let name: String
  /// Words of which one must occur in the name; a word starting with `=` must be the whole name.
  let words: [String]

  public init(name: String, words: [String]) {
    self.name = name
    self.words = words
  }

  public func matches(_ name: String) -> Bool {
    words.contains { $0.hasPrefix("=") ? name == String($0.dropFirst()) : name.contains($0) }
  }

  public static let partner = ConceptFamily(name: "partner", words: ["partner", "=echtgenoot"])
  public static let income = ConceptFamily(name: "inkomen", words: ["inkomen"])
  public static let housemate = ConceptFamily(name: "medebewoner/kostendeler", words: ["medebewoner", "kostendeler"])
  public static let wealth = ConceptFamily(name: "vermogen", words: ["vermogen"])
  public static let all = [partner, income, housemate, wealth]
}

/// The words of the rule language. Structural words end a name; built-in nouns have a fixed meaning
/// when they open a noun phrase (`de som van`, `het aantal`, `de aanvrager`).
public enum Vocabulary {
  /// Words that can never be part of a name.
  public static let structural: Set<String> = [
    "de", "het", "een", "hij", "zij", "zijn", "haar", "er", "van", "is", "en", "of", "niet", "geen", "indien",
    "tenzij", "met", "maal", "gedeeld", "door", "vermeerderd", "verminderd", "plus", "min", "dan", "aan", "bedraagt",
    "ligt", "op", "heeft", "waarvoor", "geldt", "dat", "die", "geldend", "afgerond", "volgens", "anders", "tot",
    "voor", "na", "in", "uit", "ten", "wordt", "waarop", "want", "per", "bereikt", "vanaf", "tweemaal", "rekenkundig",
    "standaard", "veld", "herkomst", "bron", "vastgesteld", "bij", "over",
  ]

  /// Nouns with a built-in meaning at the start of a noun phrase.
  public static let builtinNouns: Set<String> = [
    "som", "aantal", "maximum", "minimum", "twaalfvoud", "twaalfde", "helft", "tweevoud", "leeftijd", "peildatum",
    "berekeningsjaar", "begin", "einde", "eerste", "datum", "aanvrager", "partner", "kinderen", "medebewoners",
    "personen", "persoon", "huishouden", "getalswaarde", "bedrag",
  ]

  public static let months = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
  ]

  public static let ordinals: [String: Int] = [
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
    "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15,
  ]

  public static func isStructural(_ word: String) -> Bool { structural.contains(word.lowercased()) }
}

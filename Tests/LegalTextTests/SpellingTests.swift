import LegalSource
import Testing

/// The suggestions messages give for a misspelled name, and how they repeat what the user wrote.
@Suite("Spelling: suggesties en het herhalen van invoer")
struct SpellingTests {
  @Test("een verschrijving binnen de grens krijgt een suggestie; een veel langere naam niet, en snel")
  func suggestion() {
    #expect(Spelling.suggestion(for: "normpremei", among: ["normpremie", "maandbedrag"]) == "normpremie")
    #expect(Spelling.suggestion(for: "grnes", among: ["grens"]) == "grens")
    #expect(Spelling.suggestion(for: "zorgtoeslag.jaarbedrag.extra", among: ["zorgtoeslag.jaarbedrag"]) == nil)
    // 200.000 characters against many names: the length difference decides before any table is built.
    let long = String(repeating: "x", count: 200_000)
    let names = (0..<500).map { "regeling\($0).uitvoer" }
    #expect(Spelling.suggestion(for: long, among: names) == nil)
  }

  @Test("een korte naam komt heel terug, een lange als begin met zijn lengte")
  func echo() {
    #expect(Spelling.echo("bijstand.maandbedrag") == "bijstand.maandbedrag")
    #expect(Spelling.echo(String(repeating: "a", count: 80)) == String(repeating: "a", count: 80))
    let long = String(repeating: "a", count: 200_000)
    #expect(Spelling.echo(long) == String(repeating: "a", count: 80) + "… (200.000 tekens)")
  }
}

/// The checks on `vermogen_naar_woning.mediaan_naar_leeftijd` before anything is drawn: at least one
/// tenure with at least one band, every band `[van, tot, mediaan]` with ages from 0 to 131, the bands of
/// a tenure do not overlap, and every median lies strictly inside that tenure's classes with weight on
/// both sides. Each failure names the YAML path and what was expected. Whether the medians can be met
/// together depends on how many households of each age rent or own, which only a pilot sample shows:
/// the generator refuses the rest (``WealthByAge/problems``).
extension Scenario.WealthByTenure {
  /// At most this many bands per tenure: the raking keeps one row per band.
  static let maxMedianBands = 20

  func validateMedians(_ fail: (String) -> ScenarioError) throws {
    guard let m = mediaanNaarLeeftijd else { return }
    guard m.huurders != nil || m.eigenaren != nil else {
      throw fail("vermogen_naar_woning.mediaan_naar_leeftijd: geef de banden van huurders, eigenaren of beide, of laat de sleutel weg")
    }
    for (name, bands, classes) in [("huurders", m.huurders, huurders), ("eigenaren", m.eigenaren, eigenaren)] {
      guard let bands else { continue }
      let path = "vermogen_naar_woning.mediaan_naar_leeftijd.\(name)"
      guard !bands.isEmpty else { throw fail("\(path): ten minste één band [van, tot, mediaan]; laat de sleutel weg als er geen is") }
      guard bands.count <= Self.maxMedianBands else { throw fail("\(path): ten hoogste \(Self.maxMedianBands) banden, niet \(bands.count)") }
      for b in bands where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[1] > 131 {
        throw fail("\(path): iedere band is [van, tot, mediaan] met leeftijden 0 ≤ van < tot ≤ 131, niet \(b)")
      }
      let sorted = bands.sorted { $0[0] < $1[0] }
      for (a, b) in zip(sorted, sorted.dropFirst()) where b[0] < a[1] {
        throw fail("\(path): de banden [\(a[0]), \(a[1])) en [\(b[0]), \(b[1])) overlappen; een leeftijd hoort bij ten hoogste één band")
      }
      for b in bands {
        // A class `[van, tot)` with weight holds amounts below the median when van < mediaan, above it when
        // tot > mediaan (amounts are whole euros drawn uniformly inside the class).
        let weighted = classes.filter { $0[2] > 0 }
        guard weighted.contains(where: { $0[0] < b[2] }), weighted.contains(where: { $0[1] > b[2] }) else {
          let low = classes.map { $0[0] }.min() ?? 0
          let high = classes.map { $0[1] }.max() ?? 0
          throw fail(
            "\(path): de mediaan \(b[2]) van de band [\(b[0]), \(b[1])) moet binnen de klassen van vermogen_naar_woning.\(name) liggen (boven \(low) en onder \(high) euro), met gewicht eronder en erboven")
        }
      }
    }
  }
}

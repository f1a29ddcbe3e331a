import Foundation

extension Scenario {
  /// Owner-occupied homes (`eigen_woning`): the WOZ value of an owner's home and the eigenwoningschuld
  /// on it, which the income tax reads as `woning.woz_waarde` (the eigenwoningforfait, Wet IB 2001
  /// art. 3.112) and `woning.eigenwoningrente` (the aftrekbare kosten, art. 3.120).
  ///
  /// Drawn for every household that does not rent, on a random stream of its own, so adding or changing
  /// this section moves no other draw. Without it owners have no WOZ value and no debt: the income tax
  /// then knows no eigen woning, as before.
  public struct OwnerOccupation: Sendable, Codable {
    /// WOZ value classes `[van, tot, gewicht]` in euros of owner-occupied homes.
    public var wozWaarde: [[Int64]]
    /// Debt classes `[van, tot]` in euros of debt per 1.000 euros of WOZ value (loan-to-value per mille).
    public var schuldKlassen: [[Int64]]
    /// Per age band of the aanvrager `[van, tot, zonder schuld, klasse 1, …, klasse n]`: how many owner
    /// households have no debt and how many have a debt in each class of ``schuldKlassen`` (counts).
    public var schuldNaarLeeftijd: [[Int64]]
    /// Yearly interest on the eigenwoningschuld, in basis points (hundredths of a percent) of the debt.
    public var renteBasispunten: Int64
    /// Published national totals the section was calibrated on (`ijkpunten`), shown beside the drawn
    /// totals in the validation's input margins; optional.
    public var ijkpunten: Totals?

    /// National totals of owners' debt and of the interest on it, in whole euros, with their source.
    public struct Totals: Sendable, Codable {
      /// The eigenwoningschuld of all owner households together, in euros.
      public var schuld: Int64
      /// The yearly interest on it, in euros.
      public var rente: Int64
      /// Where the two totals come from, as the report cites it.
      public var bron: String

      public init(schuld: Int64, rente: Int64, bron: String) {
        self.schuld = schuld
        self.rente = rente
        self.bron = bron
      }
    }

    /// A section as it would be read from YAML (unchecked: ``Scenario/parse(yaml:path:)`` checks it).
    public init(wozWaarde: [[Int64]], schuldKlassen: [[Int64]], schuldNaarLeeftijd: [[Int64]], renteBasispunten: Int64, ijkpunten: Totals? = nil) {
      self.wozWaarde = wozWaarde
      self.schuldKlassen = schuldKlassen
      self.schuldNaarLeeftijd = schuldNaarLeeftijd
      self.renteBasispunten = renteBasispunten
      self.ijkpunten = ijkpunten
    }

    enum CodingKeys: String, CodingKey {
      case wozWaarde = "woz_waarde"
      case schuldKlassen = "schuld_klassen"
      case schuldNaarLeeftijd = "schuld_naar_leeftijd"
      case renteBasispunten = "rente_basispunten"
      case ijkpunten
    }

    static let shape = YAMLShape.mapping([
      "woz_waarde": .value, "schuld_klassen": .value, "schuld_naar_leeftijd": .value, "rente_basispunten": .value,
      "ijkpunten": .mapping(["schuld": .value, "rente": .value, "bron": .value]),
    ])

    /// The age band row of ``schuldNaarLeeftijd`` an aanvrager of `age` falls in (the last band takes
    /// anyone older; validation requires the bands to start at or below 18 and to be contiguous).
    func debtRow(age: Int64) -> [Int64] {
      schuldNaarLeeftijd.first { age < $0[1] } ?? schuldNaarLeeftijd[schuldNaarLeeftijd.count - 1]
    }

    func validate(_ fail: (String) -> ScenarioError) throws {
      let at = "eigen_woning"
      guard !wozWaarde.isEmpty, wozWaarde.count <= 100 else { throw fail("\(at).woz_waarde: van 1 tot en met 100 klassen [van, tot, gewicht]") }
      for k in wozWaarde where k.count != 3 || k[0] < 0 || k[1] <= k[0] || k[1] > 100_000_000 || k[2] < 0 {
        throw fail("\(at).woz_waarde: iedere klasse is [van, tot, gewicht] in euro's met 0 ≤ van < tot ≤ 100.000.000 en een gewicht van ten minste 0, niet \(k)")
      }
      guard wozWaarde.contains(where: { $0[2] > 0 }) else { throw fail("\(at).woz_waarde: ten minste één klasse met een positief gewicht") }
      // Weights are counts, bounded as in every other table (each draw and sum stays inside 64 bits).
      try Scenario.checkWeights("\(at).woz_waarde", wozWaarde.map { $0[2] }, fail)
      guard !schuldKlassen.isEmpty, schuldKlassen.count <= 20 else { throw fail("\(at).schuld_klassen: van 1 tot en met 20 klassen [van, tot]") }
      for k in schuldKlassen where k.count != 2 || k[0] < 0 || k[1] <= k[0] || k[1] > 10_000 {
        throw fail("\(at).schuld_klassen: iedere klasse is [van, tot] in euro's schuld per 1.000 euro WOZ-waarde, met 0 ≤ van < tot ≤ 10.000, niet \(k)")
      }
      let width = 3 + schuldKlassen.count
      guard !schuldNaarLeeftijd.isEmpty else { throw fail("\(at).schuld_naar_leeftijd: ten minste één leeftijdsband") }
      var expectedStart: Int64? = nil
      for row in schuldNaarLeeftijd {
        guard row.count == width else {
          throw fail("\(at).schuld_naar_leeftijd: iedere band is [van, tot, zonder schuld, en een aantal per schuldklasse] (\(width) getallen), niet \(row)")
        }
        guard row[0] >= 0, row[1] > row[0], row[1] <= 130, row.dropFirst(2).allSatisfy({ $0 >= 0 }), row.dropFirst(2).contains(where: { $0 > 0 }) else {
          throw fail("\(at).schuld_naar_leeftijd: een band [van, tot, …] met 0 ≤ van < tot ≤ 130 en aantallen van ten minste 0, niet alle nul; niet \(row)")
        }
        try Scenario.checkWeights("\(at).schuld_naar_leeftijd", Array(row.dropFirst(2)), fail)
        if let start = expectedStart, row[0] != start {
          throw fail("\(at).schuld_naar_leeftijd: de banden sluiten aan; na een band tot \(start) begint de volgende bij \(start), niet bij \(row[0])")
        }
        expectedStart = row[1]
      }
      guard schuldNaarLeeftijd[0][0] <= 18 else { throw fail("\(at).schuld_naar_leeftijd: de eerste band begint bij 18 jaar of jonger (een aanvrager is meerderjarig)") }
      guard (0...10_000).contains(renteBasispunten) else {
        throw fail("\(at).rente_basispunten: de rente in honderdsten van een procent, van 0 tot en met 10.000, niet \(renteBasispunten)")
      }
      if let t = ijkpunten {
        // At most 10^13 euros (ten thousand billion): far above any national total, far inside Int64 cents.
        for (key, v) in [("schuld", t.schuld), ("rente", t.rente)] where !(1...10_000_000_000_000).contains(v) {
          throw fail("\(at).ijkpunten.\(key): een landelijk totaal in hele euro's, van 1 tot en met 10.000.000.000.000, niet \(v)")
        }
        // YAML reads `bron: null` or `bron: 12345` as text; a source names something in words.
        let bron = t.bron.trimmingCharacters(in: .whitespacesAndNewlines)
        guard bron.count <= 1000, bron.contains(where: \.isLetter), !["null", "~"].contains(bron.lowercased()) else {
          throw fail("\(at).ijkpunten.bron: noem in woorden de bron van de twee totalen (ten hoogste 1.000 tekens)")
        }
      }
    }
  }
}

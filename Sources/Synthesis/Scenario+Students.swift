import ExactArithmetic

/// Students among the aanvragers who live alone: who follows education with aanspraak op studiefinanciering.
///
/// The Participatiewet excludes from the algemene bijstand whoever is younger than 27 and has aanspraak
/// op studiefinanciering (art. 13 lid 2 onder c onder 1°); without students among the aanvragers, a
/// young person living alone on a small income draws the full bijstand in the model where in the
/// Netherlands he most often studies and has none. `studenten.alleenstaand` gives, per age band of the
/// aanvrager of a one-person household, how many per thousand follow such education; the generator draws
/// them with `studerend` and `studiefinanciering` both true. The student is drawn independently of the
/// income, the tenure and the room (an assumption each scenario states).
extension Scenario {
  public struct Students: Sendable, Codable {
    /// Age bands `[van, tot, promille]` of the aanvrager of a one-person household: from `van` up to (not
    /// including) `tot` years, per thousand with aanspraak op studiefinanciering.
    public var alleenstaand: [[Int64]]

    static let shape = YAMLShape.mapping(["alleenstaand": .value])

    /// The per-thousand share of students at `age`; 0 outside every band.
    public func promille(alone age: Int64) -> Int64 {
      alleenstaand.first { $0.count == 3 && $0[0] <= age && age < $0[1] }?[2] ?? 0
    }

    /// Each band is `[van, tot, promille]` with 15 ≤ van < tot ≤ 130 and 0 ≤ promille ≤ 1000, the bands
    /// ascending and without overlap (a person's age falls in at most one).
    func validate(_ fail: (String) -> ScenarioError) throws {
      let name = "studenten.alleenstaand"
      guard !alleenstaand.isEmpty else { throw fail("\(name): ten minste één leeftijdsband [van, tot, promille]") }
      guard alleenstaand.count <= 116 else { throw fail("\(name): ten hoogste 116 leeftijdsbanden, niet \(alleenstaand.count)") }
      var previousEnd: Int64 = 15
      for (i, band) in alleenstaand.enumerated() {
        guard band.count == 3 else {
          throw fail("\(name)[\(i)]: een band is [van, tot, promille], drie gehele getallen, niet \(band.count)")
        }
        guard band[0] >= 15, band[0] < band[1], band[1] <= 130 else {
          throw fail("\(name)[\(i)]: van en tot zijn leeftijden met 15 ≤ van < tot ≤ 130, niet [\(band[0]), \(band[1])]")
        }
        guard band[0] >= previousEnd || i == 0 else {
          throw fail("\(name)[\(i)]: de band [\(band[0]), \(band[1])) begint voor het einde van de vorige (\(previousEnd)); geef de banden oplopend en zonder overlap")
        }
        guard (0...1000).contains(band[2]) else {
          throw fail("\(name)[\(i)]: een aantal per duizend van 0 tot en met 1000, niet \(band[2])")
        }
        previousEnd = band[1]
      }
    }

    /// One line for summaries and reports.
    public var note: String {
      let bands = alleenstaand.map { "\(DutchFormat.ages($0[0], $0[1])) \(DutchFormat.number(Rational(numerator: Int($0[2]), denominator: 10))) %" }.joined(separator: ", ")
      return "alleenwonende aanvragers met aanspraak op studiefinanciering: \(bands)"
    }
  }
}

import ExactArithmetic
import Testing

@Suite("Kalenderdatums")
struct CivilDateTests {
  @Test("Datums heen en terug", arguments: ["1970-01-01", "2024-02-29", "1900-03-01", "2000-12-31", "1949-12-31"])
  func roundTrip(iso: String) {
    #expect(CivilDate(iso: iso)?.iso == iso)
  }

  @Test("Niet-bestaande datums worden geweigerd", arguments: ["2025-02-29", "2025-13-01", "2025-04-31", "25-01-01", "2025-1-1"])
  func invalid(iso: String) {
    #expect(CivilDate(iso: iso) == nil)
  }

  @Test("Leeftijd in voltooide jaren en maanden")
  func age() {
    let born = CivilDate(iso: "2007-03-01")!
    #expect(born.age(on: CivilDate(iso: "2025-02-28")!) == (17, 11))
    #expect(born.age(on: CivilDate(iso: "2025-03-01")!) == (18, 0))
    #expect(CivilDate(iso: "1958-05-15")!.age(on: CivilDate(iso: "2025-06-14")!) == (67, 0))
  }

  @Test("Wie op 29 februari is geboren, wordt in een gewoon jaar op 1 maart ouder")
  func leapDay() {
    let born = CivilDate(iso: "2008-02-29")!
    #expect(born.adding(years: 18).iso == "2026-03-01")
    #expect(born.age(on: CivilDate(iso: "2026-02-28")!).years == 17)
    #expect(born.age(on: CivilDate(iso: "2026-03-01")!).years == 18)
  }

  @Test("Rekenen voorbij het jaar 9999 loopt door in plaats van te vallen")
  func beyondYear9999() {
    let last = CivilDate(iso: "9999-12-31")!
    let next = last.adding(months: 1)
    #expect(next.year == 10_000 && next.month == 1 && next.day == 31)
    #expect(next.dayNumber - last.dayNumber == 31)
    #expect(last.firstOfNextMonth.dayNumber == last.dayNumber + 1)
    #expect(last.adding(years: 1_000_000).year == 1_009_999)
    #expect(next.firstOfMonth.dayNumber == last.dayNumber + 1 && next.firstOfYear == next.firstOfMonth)
    // Within the calendar nothing changed: 31 January plus a month is 1 March in 2026 (no 31 February).
    #expect(CivilDate(iso: "2026-01-31")!.adding(months: 1).iso == "2026-03-01")
  }

  @Test("Eerste dag van de volgende maand")
  func nextMonth() {
    #expect(CivilDate(iso: "2025-12-15")!.firstOfNextMonth.iso == "2026-01-01")
    #expect(CivilDate(iso: "2025-01-31")!.firstOfNextMonth.iso == "2025-02-01")
    #expect(CivilDate(iso: "2025-01-31")!.adding(months: 1).iso == "2025-03-01")
  }
}

import Analyses
import ExactArithmetic
import LegalSource

extension ReportBuilder {
  /// Budget constraints and the armoedeval: net income of typical households against the gross wage,
  /// the kinks with the regulations that cause them, and what a bijstand household keeps when it
  /// starts working.
  mutating func budgetSection() -> Report.Section {
    var paragraphs: [Report.Paragraph] = []
    var tables: [Report.Table] = []
    var charts: [Report.Chart] = []
    if let b = inputs.budget {
      let wml = Format.eurosCents(Int128(b.minimumWage)).display
      paragraphs.append(paragraph(
        "Budgetlijnen: het netto-inkomen per jaar van zes voorbeeldhuishoudens bij een bruto loon van de aanvrager van 0 tot 200 % van het minimumloon (100 % = twaalf keer het minimummaandloon, \(wml) per jaar, zonder vakantiebijslag), in stappen van 5 %. Ieder punt is een exacte doorrekening van het huishouden; een knik is een punt waar het deel van een extra euro dat het huishouden houdt, met meer dan twee procentpunten verandert, met de regelingen die dat veroorzaken. Aannames van de voorbeelden: aanvrager 35 jaar, partner 34, kinderen van 5 en 8, huurders met een rekenhuur van € 700 per maand, geen vermogen; de tweede verdiener verdient de helft van het minimumloon.",
        emphasis: true))
      var kinkRows: [[Report.Cell]] = []
      var refs: [Report.Reference] = []
      for (i, line) in b.lines.enumerated() {
        let decided = line.points.filter { $0.net != nil }
        if !decided.isEmpty {
          charts.append(Report.Chart(
            id: "budgetlijn-\(i + 1)", title: "Netto-inkomen per jaar: \(line.household.label)", kind: "lijn",
            labels: decided.map { "\($0.percent) %" }, values: decided.map { Double($0.net!) / 100 },
            valueLabels: decided.map { Format.eurosCents(Int128($0.net!)).display }, unit: "euro per jaar"))
        }
        if let open = line.points.first(where: { $0.net == nil }), let reason = open.reason {
          paragraphs.append(paragraph("\(line.household.label): \(line.points.count - decided.count) van de \(line.points.count) punten zijn onbepaald, bijvoorbeeld bij \(open.percent) %: \(reason)."))
        }
        for k in line.kinks {
          for c in k.causes { if let cit = c.citation { let r = cite(cit); if !refs.contains(r) { refs.append(r) } } }
          let causes = k.causes.map { c in c.citation.map { "\(c.id) (\($0.short))" } ?? c.id }.joined(separator: "; ")
          kinkRows.append([
            Format.text(line.household.label), Format.text("\(k.percent) %"), Format.eurosCents(Int128(k.gross)),
            Format.promille(k.keptBefore), Format.promille(k.keptAfter), Format.text(k.isCliff ? "klif: netto daalt" : "knik"),
            Format.text(causes.isEmpty ? "—" : causes),
          ])
        }
      }
      tables.append(Report.Table(
        id: "budgetlijn-knikken", title: "Knikken en kliffen in de budgetlijnen",
        columns: [.init(name: "huishouden", kind: "tekst"), .init(name: "bij", kind: "tekst"), .init(name: "bruto loon per jaar", kind: "euro"),
                  .init(name: "gehouden van een extra euro, ervoor", kind: "percentage"), .init(name: "erna", kind: "percentage"),
                  .init(name: "soort", kind: "tekst"), .init(name: "oorzaak (uitkomst en artikel)", kind: "tekst")],
        rows: kinkRows, note: "Een knik ligt tussen twee roosterpunten (5 % van het minimumloon); het punt is het midden.", citations: refs))
    }
    if let t = inputs.povertyTrap {
      paragraphs.append(paragraph(
        "Armoedeval: wat een huishouden in de bijstand overhoudt als de aanvrager gaat werken voor 50, 80 of 100 % van het minimumloon, met de vrijlating van 25 % van de inkomsten uit arbeid (Participatiewet art. 31 lid 2 onder n) en na de zes maanden waarin die geldt. De druk is het deel van het bruto loon dat het huishouden niet overhoudt, over belasting, bijstand en toeslagen samen. Zonder de Zvw-bijdrage, de kinderopvangtoeslag en gemeentelijke regelingen (niet gecodeerd)."))
      let rows = t.rows.map { r -> [Report.Cell] in
        let gain = zip2(r.netWith, r.netWithout).map { Format.eurosCents(Int128($0 - $1)) } ?? Format.text("onbepaald")
        return [
          Format.text(r.household), Format.text("\(r.percent) %"), Format.eurosCents(Int128(r.gross)),
          r.netWithout.map { Format.eurosCents(Int128($0)) } ?? Format.text("onbepaald"),
          r.netWith.map { Format.eurosCents(Int128($0)) } ?? Format.text("onbepaald"), gain,
          r.burdenPromille.map { Format.promille($0) } ?? Format.text("onbepaald"),
        ]
      }
      tables.append(Report.Table(
        id: "armoedeval", title: "Van bijstand naar werk: wat het huishouden overhoudt (per jaar)",
        columns: [.init(name: "huishouden", kind: "tekst"), .init(name: "werk", kind: "tekst"), .init(name: "bruto loon", kind: "euro"),
                  .init(name: "netto zonder werk", kind: "euro"), .init(name: "netto met werk", kind: "euro"), .init(name: "erop vooruit", kind: "euro"),
                  .init(name: "druk", kind: "percentage")],
        rows: rows, note: "SZW publiceert deze tabel in de begroting (hoofdstuk koopkracht, financiële prikkels bij werkaanvaarding); de cijfers voor 2025 en 2026 zijn niet gevonden om mee te vergelijken.", citations: []))
    }
    return Report.Section(id: "budgetlijnen", title: "Budgetlijnen en armoedeval", paragraphs: paragraphs, tables: tables, charts: charts)
  }

  private func zip2(_ a: Int64?, _ b: Int64?) -> (Int64, Int64)? {
    guard let a, let b else { return nil }
    return (a, b)
  }
}

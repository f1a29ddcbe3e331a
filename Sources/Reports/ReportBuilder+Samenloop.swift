import Analyses
import ExactArithmetic
import LegalSource

extension ReportBuilder {
  /// Samenloop: which regulations meet, the marginal burden and its cliffs, the partner definitions
  /// side by side, and one household explained across all laws.
  mutating func samenloopSection() -> Report.Section {
    let s = inputs.samenloop
    let m = inputs.marginal
    let d = inputs.divergence
    let combos = s.combinations.prefix(12).map { c -> [Report.Cell] in
      [Format.text(c.outputs.isEmpty ? "geen" : c.outputs.joined(separator: " + ")), Format.count(scaled(c.households)), Format.euros(scaled(c.total))]
    }
    let comboRefs = cite(inputs.baseline.ids.compactMap { outputCitation($0) })
    let bandRows = m.bands.map { [Format.text($0.label), Format.count(scaled($0.households)), Format.share($0.households, of: m.counted)] }
    func groupRow(_ g: MarginalBurden.Group) -> [Report.Cell] {
      [Format.text(g.label), Format.count(scaled(g.households)), Format.promille(g.meanPromille), Format.share(g.over80, of: g.households), Format.share(g.over100, of: g.households)]
    }
    let groupColumns: [Report.Column] = [
      .init(name: "groep", kind: "tekst"), .init(name: "werkende aanvragers", kind: "aantal"), .init(name: "gemiddelde druk", kind: "percentage"),
      .init(name: "druk boven 80 %", kind: "percentage"), .init(name: "boven 100 %", kind: "percentage"),
    ]
    let withdrawRefs = cite(m.withdrawnByOutput.compactMap { outputCitation($0.id) })
    let withdrawRows = m.withdrawnByOutput.map { w -> [Report.Cell] in
      let cliffs = m.cliffsByOutput.first { $0.id == w.id }?.households ?? 0
      return [Format.text(w.id), Format.euros(scaled(w.cents)), Format.count(scaled(cliffs))]
    }
    let who = m.includesTax ? "een werkende aanvrager (met loon)" : "de aanvrager"
    let what = m.includesTax ? "de inkomstenbelasting en premies en alle gecodeerde regelingen samen" : "alle gecodeerde regelingen samen"
    let over80 = m.bands.filter { $0.lower > 800 }.reduce(0) { $0 + $1.households }
    let over60 = m.bands.filter { $0.lower > 600 }.reduce(0) { $0 + $1.households }
    var paragraphs = [
      paragraph("Welke regelingen komen in één huishouden samen: \(Format.countText(scaled(s.countsByNumber.dropFirst(2).reduce(0, +)))) huishoudens ontvangen twee of meer betalingen tegelijk."),
      paragraph("Marginale druk: wat \(who) inlevert van € \(Format.countText(Int(m.step / 100))) meer bruto loon, door \(what). Gemiddeld is de druk \(Format.promille(m.meanPromille).display); bij \(Format.countText(scaled(over80))) huishoudens is zij hoger dan 80 %, en \(Format.countText(scaled(m.cliffs))) huishoudens houden er minder dan niets aan over (armoedeval: belasting en regelingen nemen meer dan de loonsverhoging).", emphasis: true),
      paragraph(m.includesTax
        ? "De druk is de stijging van belasting en premies plus de daling van de betalingen. Niet gecodeerd, en dus niet in de druk: de inkomensafhankelijke bijdrage Zvw, de kinderopvangtoeslag, pensioenpremies en gemeentelijke regelingen; CPB en SZW rekenen die wel mee, dus hun druk ligt hoger. " + (inputs.context.population.derivesToetsingsinkomen
          ? "De regels leiden het toetsingsinkomen af uit het loon en de andere inkomensbestanddelen (Awir art. 8), dus het stijgt mee."
          : "Het scenario geeft het toetsingsinkomen op; het stijgt mee met het loon.")
        : "Zonder inkomstenbelasting (het scenario geeft geen inkomensbestanddelen): de werkelijke druk is hoger met het belastingtarief van het huishouden. Een toeslag die op het toetsingsinkomen afbouwt, neemt de afbouwpercentages samen terug; waar ze samenkomen, stapelt de druk."),
    ]
    if let top = m.highBurdenCombinations.first {
      var text = "Boven 80 % komt de druk het vaakst door \(top.outputs.joined(separator: " + ")) samen (\(Format.countText(scaled(top.over80))) huishoudens)"
      if let cliff = m.highBurdenCombinations.filter({ $0.over100 > 0 }).max(by: { $0.over100 < $1.over100 }) {
        text += "; boven 100 % het vaakst door \(cliff.outputs.joined(separator: " + ")) (\(Format.countText(scaled(cliff.over100))) huishoudens)"
      }
      paragraphs.append(paragraph(text + ". De tabel 'Waar de druk boven 80 % komt' geeft alle combinaties.", emphasis: true))
    }
    if m.includesTax {
      paragraphs.append(paragraph(
        "Vergelijking met gepubliceerde cijfers: hier heeft \(Format.share(over60, of: m.counted).display) van de werkende aanvragers een druk boven 60 %. Het CPB vond voor 2022 dat tien procent van de werkenden een marginale druk van meer dan 60 % heeft en de meesten 50 tot 60 % (column E. Jongen, 'Marginale drukte', 24 november 2022); met het microsimulatiemodel Mimosi was dat voor 2023 ongeveer veertien procent (ESB, 3 november 2022). Cijfers voor 2025 en 2026 zijn niet gevonden. Verschillen: hier alleen aanvragers met loon en hun huishouden, niet alle werkenden; het persoonlijk inkomen komt uit de tabel van 2022 (met de indexering van het scenario naar het jaar van de peildatum); de Zvw-bijdrage en de kinderopvangtoeslag ontbreken (dat verlaagt de druk), de bijstand valt bij een loonsverhoging in één keer weg waar het inkomen de norm haalt (keuze vrijlating-alleen-bij-recht; dat verhoogt de druk bij de laagste lonen)."))
    }
    // Definitions side by side.
    var conceptRows: [[Report.Cell]] = []
    var conceptRefs: [Report.Reference] = []
    for concept in d.concepts {
      for member in concept.members {
        for r in cite(member.citations) where !conceptRefs.contains(r) { conceptRefs.append(r) }
        conceptRows.append([Format.text(concept.name), Format.text(member.law), Format.text(member.id.name), Format.text(member.citations.map(\.short).joined(separator: "; "))])
      }
    }
    let partnerNames = d.partnerMembers.map { "\($0.id.name) (\($0.law))" }
    let patternRows = d.patterns.map { p -> [Report.Cell] in
      let answers = p.answers.map { $0.map { $0 ? "ja" : "nee" } ?? "onbepaald" }
      return answers.map(Format.text) + [Format.text(p.agrees ? "eens" : "oneens"), Format.count(p.households), Format.share(p.households, of: d.sampled), Format.count(scaled(d.couples * p.households / max(1, d.sampled)))]
    }
    paragraphs.append(paragraph(
      "Eén begrip, verschillende definities: de wetten bepalen ieder zelf wie partner is en wat inkomen is. Van de \(Format.countText(d.sampled)) doorgerekende stellen (een steekproef met vaste stap uit \(Format.countText(d.couples)) huishoudens met een partner) zijn de partnerbegrippen het bij \(Format.countText(d.disagreeing)) oneens (\(Format.share(d.disagreeing, of: d.sampled).display)): partner voor de ene wet, niet voor de andere.",
      conceptRefs, emphasis: true))
    let tables = [
      Report.Table(id: "samenloop-combinaties", title: "Combinaties van betalingen (Nederland, per jaar)",
                   columns: [.init(name: "regelingen samen", kind: "tekst"), .init(name: "huishoudens", kind: "aantal"), .init(name: "samen per jaar", kind: "euro")],
                   rows: Array(combos), note: "De twaalf meest voorkomende combinaties.", citations: comboRefs),
      Report.Table(id: "marginale-druk", title: "Marginale druk bij € \(Format.countText(Int(m.step / 100))) meer bruto loon (\(m.includesTax ? "werkende aanvrager" : "aanvrager"))",
                   columns: [.init(name: "druk", kind: "tekst"), .init(name: "huishoudens", kind: "aantal"), .init(name: "aandeel", kind: "percentage")],
                   rows: bandRows, note: "Druk = wat belasting en premies stijgen plus wat de betalingen dalen, als deel van de loonsverhoging. \(m.undecided) synthetische huishoudens met een onbepaalde uitkomst tellen niet mee.", citations: withdrawRefs),
      Report.Table(id: "marginale-druk-per-deciel", title: "Marginale druk per inkomensdeciel (huishoudinkomen)", columns: groupColumns,
                   rows: m.byDecile.map(groupRow), note: nil, citations: withdrawRefs),
      Report.Table(id: "marginale-druk-per-type", title: "Marginale druk per huishoudtype", columns: groupColumns,
                   rows: m.byType.map(groupRow), note: nil, citations: withdrawRefs),
      Report.Table(id: "marginale-druk-per-regeling", title: "Wie neemt het terug: afbouw per regeling",
                   columns: [.init(name: "uitkomst", kind: "tekst"), .init(name: "teruggenomen per jaar", kind: "euro"), .init(name: "huishoudens waar deze regeling alleen al meer terugneemt", kind: "aantal")],
                   rows: withdrawRows, note: nil, citations: withdrawRefs),
      Report.Table(id: "marginale-druk-combinaties", title: "Waar de druk boven 80 % komt: welke regels samen terugnemen (Nederland)",
                   columns: [.init(name: "belasting en regelingen die terugnemen", kind: "tekst"), .init(name: "huishoudens boven 80 %", kind: "aantal"), .init(name: "waarvan boven 100 %", kind: "aantal")],
                   rows: m.highBurdenCombinations.prefix(12).map { [Format.text($0.outputs.joined(separator: " + ")), Format.count(scaled($0.over80)), Format.count(scaled($0.over100))] },
                   note: "Per huishouden met een druk boven 80 %: de uitkomsten die bij € \(Format.countText(Int(m.step / 100))) meer loon iets terugnemen (een heffing die stijgt, een betaling die daalt); de twaalf meest voorkomende combinaties.", citations: withdrawRefs),
      Report.Table(id: "begrippen", title: "Begrippen die per wet anders zijn gedefinieerd (uit de regels)",
                   columns: [.init(name: "begrip", kind: "tekst"), .init(name: "wet", kind: "tekst"), .init(name: "naam in de regels", kind: "tekst"), .init(name: "artikelen", kind: "tekst")],
                   rows: conceptRows, note: nil, citations: conceptRefs),
      Report.Table(id: "partnerbegrippen", title: "Partner volgens iedere wet, geteld bij stellen",
                   columns: partnerNames.map { .init(name: $0, kind: "tekst") } + [.init(name: "oordeel", kind: "tekst"), .init(name: "stellen (steekproef)", kind: "aantal"), .init(name: "aandeel", kind: "percentage"), .init(name: "geschat in de populatie (synthetisch)", kind: "aantal")],
                   rows: patternRows, note: nil, citations: conceptRefs),
    ]
    if let (h, explanation) = inputs.citizen {
      paragraphs.append(paragraph("Eén huishouden uitgelegd over alle wetten (huishouden #\(h), gekozen omdat de partnerbegrippen er verschillen):"))
      for p in explanation.paragraphs { paragraphs.append(paragraph(p.text, cite(p.citations))) }
    }
    return Report.Section(
      id: "samenloop", title: "Samenloop: waar regelingen elkaar raken",
      paragraphs: paragraphs, tables: tables,
      charts: [Report.Chart(
        id: "marginale-druk-grafiek", title: "Verdeling van de marginale druk", kind: "staaf", labels: m.bands.map(\.label),
        values: m.bands.map { Double(scaled($0.households)) }, valueLabels: m.bands.map { Format.countText(scaled($0.households)) }, unit: "huishoudens")])
  }
}

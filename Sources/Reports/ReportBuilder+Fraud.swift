import Analyses
import ExactArithmetic
import LegalSource

extension ReportBuilder {
  /// Fraud gaps: the facts by herkomst, what misreporting each declared fact would gain (ranked), per
  /// law, and where the rules do not decide.
  mutating func fraudSection() -> Report.Section {
    let f = inputs.fraud
    let declared = f.facts.filter(\.declared)
    let factRows = f.facts.map { [Format.text($0.field), Format.text($0.origin), Format.text($0.declared ? "opgave burger" : "registratie")] }
    let rankRows = f.results.map { r -> [Report.Cell] in
      [
        Format.text(r.misreport.label), Format.text(r.misreport.field), Format.count(scaled(r.applicable)), Format.count(scaled(r.paying)),
        Format.share(r.paying, of: r.applicable), Format.euros(scaled(r.gain)),
        r.paying == 0 ? Format.text("–") : Format.euros(r.gain / Int128(r.paying)), Format.text(r.misreport.recovery == nil ? "blijvend tot controle" : "tijdelijk: \(r.misreport.recovery!)"),
      ]
    }
    // Per law: which misreport gains most under each output.
    var lawRows: [[Report.Cell]] = []
    var lawRefs: [Report.Reference] = []
    var leefvormShare: [String: (Int128, Int128)] = [:]
    for o in inputs.baseline.payments {
      let id = inputs.baseline.ids[o]
      if let c = outputCitation(id) { lawRefs.append(cite(c)) }
      let ranked = f.results.map { ($0.misreport, $0.gainByOutput[id] ?? 0) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
      let total = ranked.reduce(Int128(0)) { $0 + $1.1 }
      leefvormShare[id] = (ranked.first { $0.0.id == "leefvorm" }?.1 ?? 0, total)
      for (m, gain) in ranked {
        lawRows.append([Format.text(id), Format.text(m.label), Format.euros(scaled(gain)), Format.share(Int(gain / 100), of: Int(max(1, total / 100)))])
      }
    }
    var paragraphs = [
      paragraph("Ieder gegeven in het huishoudendocument noemt zijn herkomst. \(declared.count) van de \(f.facts.count) gegevens geeft de burger zelf op; die zijn het oppervlak waarop een onjuiste opgave kan lonen. Voor iedere opgave is gesimuleerd wat een huishouden zou winnen als het die anders opgeeft, op dezelfde synthetische huishoudens. Dit beoordeelt de regels, niet mensen: er wordt niemand gescoord en geen persoonskenmerk als herkomst of nationaliteit gebruikt."),
    ]
    if let top = f.results.first, top.paying > 0 {
      var text = "Grootste bedrag op het spel: '\(top.misreport.label)', \(Format.euroText(scaled(top.gain))) per jaar over \(Format.countText(scaled(top.paying))) huishoudens voor wie het loont (\(Format.share(top.paying, of: top.applicable).display) van wie het kan)."
      if top.misreport.recovery != nil {
        text += " Die winst is tijdelijk: \(top.misreport.recovery!)."
        if let lasting = f.results.first(where: { $0.misreport.recovery == nil && $0.paying > 0 }) {
          text += " De grootste blijvende winst (tot een controle): '\(lasting.misreport.label)', \(Format.euroText(scaled(lasting.gain))) per jaar bij \(Format.countText(scaled(lasting.paying))) huishoudens."
        }
      }
      paragraphs.append(paragraph(text, emphasis: true))
    }
    if let (leef, total) = leefvormShare["aow.bruto_maandbedrag"], total > 0 {
      let share = Format.share(Int(leef / 100), of: Int(total / 100)).display
      paragraphs.append(paragraph("AOW: de leefvorm (samenwonen verzwijgen) is \(share) van wat een onjuiste opgave bij de AOW kan opleveren. De bronnen melden dat 66 % van de AOW-fraudeonderzoeken in 2018 over de leefvorm ging (ABDTOPConsult 2020); het model vindt de leefvorm \(leef * 2 > total ? "ook" : "niet") het grootste AOW-oppervlak. Het model kent voor de AOW weinig andere opgaven (het inkomen van de partner telt alleen voor de partnertoeslag), dus dit aandeel zegt vooral dat de AOW-regels op de leefvorm draaien.", lawRefs, emphasis: true))
    }
    let gapRows = inputs.gaps.findings.map { g -> [Report.Cell] in
      [Format.text(g.output), Format.text(g.kind.rawValue), Format.text(g.reason), Format.count(scaled(g.households)), Format.text(g.citations.map(\.short).joined(separator: "; "))]
    }
    let gapRefs = cite(inputs.gaps.findings.flatMap(\.citations))
    paragraphs.append(paragraph(
      inputs.gaps.findings.isEmpty
        ? "Waar de regels niet beslissen: in deze bevolking beslissen de regels ieder huishouden."
        : "Waar de regels niet beslissen: per uitkomst de huishoudens zonder beslissing, met de reden die de referentie-evaluator geeft. Dit is een zoektocht in de bevolking, geen bewijs: een hiaat dat geen synthetisch huishouden raakt, wordt niet gevonden. Een statische analyse met een SMT-solver is (nog) niet gebouwd.",
      gapRefs))
    let cliffs = inputs.discontinuities.findings
    let cliffRows = cliffs.map { c -> [Report.Cell] in
      [
        Format.text(c.threshold.field), Format.text(c.threshold.whose), Format.text(c.threshold.parameter.name),
        Format.eurosCents(Int128(c.threshold.cents)), Format.text(c.threshold.citations.map(\.short).joined(separator: "; ")), Format.count(scaled(c.households)),
        Format.eurosCents(Int128(c.largest)),
      ]
    }
    let cliffRefs = cite(cliffs.flatMap(\.threshold.citations))
    if let top = cliffs.first, top.households > 0 {
      paragraphs.append(paragraph(
        "Discontinuïteiten: \(cliffs.count) drempels in de regels vergelijken een gegeven rechtstreeks met een grens. De grootste: één cent \(top.threshold.field) boven \(top.threshold.parameter.name) (\(Format.eurosCents(Int128(top.threshold.cents)).display), \(top.threshold.citations.map(\.short).joined(separator: " en "))) kost tot \(Format.eurosCents(Int128(abs(top.largest))).display) per jaar; dat geldt voor \(Format.countText(scaled(top.households))) huishoudens als zij precies op de grens stonden. Zulke kliffen belonen een opgave net onder de grens.",
        cliffRefs, emphasis: true))
    }
    return Report.Section(
      id: "fraudegevoeligheid", title: "Fraudegevoeligheid: waar een onjuiste opgave loont",
      paragraphs: paragraphs,
      tables: [
        Report.Table(id: "fraude-rangorde", title: "Onjuiste opgaven, gerangschikt naar bedrag op het spel (Nederland, per jaar)",
                     columns: [.init(name: "onjuiste opgave", kind: "tekst"), .init(name: "gegeven", kind: "tekst"), .init(name: "kan (huishoudens)", kind: "aantal"),
                               .init(name: "loont (huishoudens)", kind: "aantal"), .init(name: "aandeel voor wie het loont", kind: "percentage"),
                               .init(name: "op het spel per jaar", kind: "euro"), .init(name: "gemiddeld per huishouden", kind: "euro"), .init(name: "duur", kind: "tekst")],
                     rows: rankRows, note: "Loont = ten minste € 1 per jaar meer aan betalingen samen (toeslagen, AOW en, waar de bestanddelen van het inkomen bekend zijn, de bijstand).", citations: lawRefs),
        Report.Table(id: "fraude-per-regeling", title: "Per regeling: welke opgave het meest oplevert",
                     columns: [.init(name: "uitkomst", kind: "tekst"), .init(name: "onjuiste opgave", kind: "tekst"), .init(name: "op het spel per jaar", kind: "euro"), .init(name: "aandeel binnen de regeling", kind: "percentage")],
                     rows: lawRows, note: nil, citations: lawRefs),
        Report.Table(id: "gegevens-herkomst", title: "Gegevens naar herkomst",
                     columns: [.init(name: "veld", kind: "tekst"), .init(name: "herkomst", kind: "tekst"), .init(name: "soort", kind: "tekst")],
                     rows: factRows, note: nil, citations: []),
        Report.Table(id: "regels-beslissen-niet", title: "Waar de regels niet beslissen",
                     columns: [.init(name: "uitkomst", kind: "tekst"), .init(name: "soort", kind: "tekst"), .init(name: "reden", kind: "tekst"), .init(name: "huishoudens (Nederland, geschat)", kind: "aantal"), .init(name: "artikelen", kind: "tekst")],
                     rows: gapRows, note: "Geschat uit een steekproef per uitkomst van de onbepaalde huishoudens.", citations: gapRefs),
        Report.Table(id: "drempels", title: "Drempels in de regels: wat één cent boven de grens doet",
                     columns: [.init(name: "gegeven", kind: "tekst"), .init(name: "van wie", kind: "tekst"), .init(name: "grens", kind: "tekst"), .init(name: "waarde", kind: "euro"),
                               .init(name: "artikel", kind: "tekst"), .init(name: "huishoudens met een sprong (als zij op de grens stonden)", kind: "aantal"), .init(name: "grootste sprong per jaar", kind: "euro")],
                     rows: cliffRows, note: "Iedere vergelijking van een gegeven met een parameter in de regels, afgetast met één cent eronder, erop en erboven voor de hele bevolking. Drempels die van andere waarden afhangen, zijn niet afgetast.", citations: cliffRefs),
      ],
      charts: [Report.Chart(
        id: "fraude-grafiek", title: "Bedrag op het spel per onjuiste opgave (per jaar)", kind: "staaf", labels: f.results.map(\.misreport.id),
        values: f.results.map { Double(scaled($0.gain)) / 100 }, valueLabels: f.results.map { Format.euroText(scaled($0.gain)) }, unit: "euro per jaar")])
  }
}

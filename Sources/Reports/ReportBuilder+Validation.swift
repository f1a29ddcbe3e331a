import Analyses
import ExactArithmetic
import Foundation

/// The validation report: the synthetic population beside what the Netherlands publishes.
///
/// One section per question a reader asks: how far each regeling's recipients and totals are from the
/// published figure (with the sampling spread over the seeds and the definitional differences), whether
/// the generator draws what the scenario asks (input margins), and how much the figures move when one
/// assumption changes (sensitivity). Nothing here is calibrated to the figures it is compared with.
public enum ValidationReport {
  /// Within this share of the published figure a row counts as matching (the issue's 10 %).
  public static let tolerance = Rational(1) / 10

  public static func build(_ v: PopulationValidation, scenarioName: String, specName: String) -> Report {
    var meta = [
      Report.KeyValue(key: "scenario", value: scenarioName),
      Report.KeyValue(key: "huishoudens per run", value: DutchFormat.groupThousands(String(v.households))),
      Report.KeyValue(key: "zaden", value: v.seeds.map(String.init).joined(separator: ", ")),
      Report.KeyValue(key: "geschaald naar", value: DutchFormat.groupThousands(String(v.nationalHouseholds)) + " particuliere huishoudens (CBS 37975, 1 januari 2024)"),
    ]
    for note in v.incomeNotes { meta.append(Report.KeyValue(key: "inkomen", value: note)) }
    for note in v.rentNotes { meta.append(Report.KeyValue(key: "huren", value: note)) }
    if let note = v.studentNote { meta.append(Report.KeyValue(key: "studenten", value: note)) }
    if let note = v.wealthNote { meta.append(Report.KeyValue(key: "vermogen", value: note)) }
    return Report(
      title: "Validatie: de synthetische bevolking naast de gepubliceerde cijfers", subtitle: specName, meta: meta,
      sections: [figures(v), margins(v)] + (v.deciles.map { [incomeDeciles($0)] } ?? []) + (v.sensitivities.isEmpty ? [] : [sensitivity(v)]),
      articles: [])
  }

  static func figures(_ v: PopulationValidation) -> Report.Section {
    let within = v.rows.filter { $0.deviation.magnitude <= tolerance }.count
    var paragraphs = [
      Report.Paragraph(
        text: "Per gepubliceerd cijfer: hetzelfde cijfer uit de synthetische bevolking, geschaald naar Nederland, als gemiddelde over \(v.seeds.count) zaden met de kleinste en grootste uitkomst (de steekproefonzekerheid). 'Recht' is wat de regels toekennen; 'uitgaven' is dat na het niet-gebruik van het scenario; 'niet_gebruik' is wat dat niet-gebruik laat liggen (wie recht heeft en niet aanvraagt). \(within) van de \(v.rows.count) cijfers liggen binnen 10 %; bij de andere zegt de kolom 'definitie' welk verschil in definitie het model niet nabootst en welke kant dat op werkt.",
        citations: [], emphasis: false),
      Report.Paragraph(
        text: "Geen van deze cijfers is een kalibratiedoel: het scenario neemt de samenstelling, leeftijden, inkomens en woonsituatie uit zijn eigen tabellen, niet uit de uitkomsten hieronder.",
        citations: [], emphasis: false),
    ]
    if !v.missing.isEmpty {
      paragraphs.append(
        Report.Paragraph(text: "Niet gevonden, dus niet getoetst: " + v.missing.joined(separator: " "), citations: [], emphasis: true))
    }
    for row in v.rows where row.deviation.magnitude > tolerance {
      paragraphs.append(
        Report.Paragraph(
          text: "\(row.figure.naam): het model geeft \(display(row.mean, row.figure)) tegen \(display(Int128(row.figure.waarde), row.figure)) gepubliceerd (\(percent(row.deviation))). \(row.figure.definitie)",
          citations: [], emphasis: true))
    }
    let columns = [
      ("cijfer", "tekst"), ("uitvoer", "tekst"), ("grondslag", "tekst"), ("jaar", "jaar"), ("gepubliceerd", "aantal"), ("model", "aantal"),
      ("zaden: laagste", "aantal"), ("zaden: hoogste", "aantal"), ("afwijking", "percentage"), ("onbepaald", "percentage"),
      ("betrouwbaarheid", "tekst"), ("bron", "tekst"), ("definitie", "tekst"),
    ].map { Report.Column(name: $0.0, kind: $0.1) }
    let rows = v.rows.map { r -> [Report.Cell] in
      [
        Format.text(r.figure.naam), Format.text(r.figure.outputs.joined(separator: " + ")), Format.text(r.figure.grondslag), Format.text(String(r.figure.jaar)),
        cell(Int128(r.figure.waarde), r.figure), cell(r.mean, r.figure), cell(r.perSeed.min() ?? 0, r.figure), cell(r.perSeed.max() ?? 0, r.figure),
        Report.Cell(raw: r.deviation.decimalString(fractionDigits: 3), display: percent(r.deviation)), Format.promille(r.undecidedPromille),
        Format.text(r.figure.betrouwbaarheid), Format.text(r.figure.bron), Format.text(r.figure.definitie),
      ]
    }
    let chart = Report.Chart(
      id: "afwijking", title: "Afwijking van het gepubliceerde cijfer per cijfer", kind: "staaf", labels: v.rows.map(\.figure.naam),
      values: v.rows.map { Double($0.deviation.decimalString(fractionDigits: 4)).map { $0 * 100 } ?? 0 },
      valueLabels: v.rows.map { percent($0.deviation) }, unit: "procent; binnen ±10 % telt als overeenstemming")
    return Report.Section(
      id: "cijfers", title: "Ontvangers en totalen naast de gepubliceerde cijfers", paragraphs: paragraphs,
      tables: [
        Report.Table(
          id: "validatie", title: "Model (geschaald naar Nederland) naast het gepubliceerde cijfer", columns: columns, rows: rows,
          note: "Jaartotalen in hele euro's per jaar; 'onbepaald' is het aandeel huishoudens waarvoor de regels geen bedrag gaven (die tellen niet mee en verlagen het modelcijfer).",
          citations: [])
      ], charts: [chart])
  }

  static func margins(_ v: PopulationValidation) -> Report.Section {
    let rows = v.margins.map { m -> [Report.Cell] in
      let diff = m.drawn - m.target
      return [
        Format.text(m.name), Format.text(m.source), share(m.target), share(m.drawn),
        Report.Cell(raw: diff.decimalString(fractionDigits: 5), display: points(diff)),
      ]
    }
    let worst = v.margins.map { $0.drawn - $0.target }.max { $0.magnitude < $1.magnitude } ?? .zero
    return Report.Section(
      id: "invoer", title: "Invoermarges: trekt de generator wat het scenario vraagt?",
      paragraphs: [
        Report.Paragraph(
          text: "De eerste run (zaad \(v.seeds.first.map(String.init) ?? "–")) naast de aandelen uit het scenario. Het grootste verschil is \(points(worst)); een verschil hier is ruis van de steekproef of een fout van de generator, geen bevinding over de regels. Een marge op netto-inkomen is de uitzondering: die rekenen de regels (belasting, toeslagen, bijstand), dus wie haar als ijkpunt neemt, kalibreert deels via de regels; de cijfers van die regelingen hierboven zijn dan geen onafhankelijke toets meer.",
          citations: [], emphasis: worst.magnitude > Rational(2) / 100)
      ],
      tables: [
        Report.Table(
          id: "invoermarges", title: "Invoermarges", columns: [("marge", "tekst"), ("bron", "tekst"), ("scenario", "percentage"), ("getrokken", "percentage"), ("verschil", "percentage")].map { Report.Column(name: $0.0, kind: $0.1) },
          rows: rows, note: nil, citations: [])
      ], charts: [])
  }

  static func sensitivity(_ v: PopulationValidation) -> Report.Section {
    var columns = [Report.Column(name: "cijfer", kind: "tekst"), Report.Column(name: "basis (eerste zaad)", kind: "aantal")]
    columns += v.sensitivities.map { Report.Column(name: "\($0.pad) = \($0.waarde)", kind: "percentage") }
    let rows = v.rows.map { r -> [Report.Cell] in
      let base = r.perSeed.first ?? 0
      return [Format.text(r.figure.naam), cell(base, r.figure)]
        + r.sensitivity.map { value in
          guard base != 0 else { return Report.Cell(raw: "", display: "–") }
          let change = Rational(numeratorDigits: String(value - base), denominatorDigits: String(base))!
          return Report.Cell(raw: change.decimalString(fractionDigits: 4), display: percent(change))
        }
    }
    return Report.Section(
      id: "gevoeligheid", title: "Gevoeligheid: één aanname anders",
      paragraphs: v.sensitivities.map { s in
        Report.Paragraph(text: "\(s.naam): \(s.pad) = \(s.waarde). \(s.reden)", citations: [], emphasis: false)
      } + [
        Report.Paragraph(
          text: "Iedere run gebruikt het eerste zaad, maar een andere waarde verschuift de trekkingen die erna komen: een verandering zo groot als de spreiding over de zaden in de eerste tabel is ruis, geen effect.",
          citations: [], emphasis: false)
      ],
      tables: [
        Report.Table(
          id: "gevoeligheid", title: "Verandering van ieder cijfer ten opzichte van de basis (zelfde zaad)", columns: columns, rows: rows, note: nil,
          citations: [])
      ], charts: [])
  }

  static func cell(_ value: Int128, _ f: ValidationSpec.Figure) -> Report.Cell {
    f.maat == "jaartotaal" ? Format.euros(value * 100) : Format.count(value)
  }

  /// A figure as people read it: households, or whole euros.
  public static func display(_ value: Int128, _ f: ValidationSpec.Figure) -> String { cell(value, f).display }

  /// `+12,3 %` / `−4,0 %`.
  public static func percent(_ r: Rational) -> String {
    let tenths = (r * 1000).rounded(to: .one, mode: .rekenkundig)
    let n = Int(tenths.description) ?? 0
    let m = abs(n)
    return (n < 0 ? "−" : n > 0 ? "+" : "") + "\(m / 10),\(m % 10) %"
  }

  /// A share, e.g. `39,9 %` (one decimal).
  static func share(_ r: Rational) -> Report.Cell {
    let tenths = Int((r * 1000).rounded(to: .one, mode: .rekenkundig).description) ?? 0
    return Report.Cell(raw: r.decimalString(fractionDigits: 5), display: "\(tenths / 10),\(tenths % 10) %")
  }

  /// A difference of shares in percentage points, e.g. `+0,12 procentpunt`.
  static func points(_ r: Rational) -> String {
    let hundredths = Int((r * 10000).rounded(to: .one, mode: .rekenkundig).description) ?? 0
    let m = abs(hundredths)
    return (hundredths < 0 ? "−" : "+") + "\(m / 100),\(String(format: "%02d", m % 100)) procentpunt"
  }
}

import Analyses
import ExactArithmetic
import Foundation
import RuleIR

extension ReportBuilder {
  /// Baseline against variant: budget effect, winners and losers in bands, by decile and household
  /// type, and example households.
  mutating func reformSection() -> Report.Section {
    guard let r = inputs.comparison, let variant = inputs.variant else { return Report.Section(id: "variant", title: "Variant", paragraphs: [], tables: [], charts: []) }
    let program = inputs.context.engine.program
    var changeRefs: [Report.Reference] = []
    var changes: [String] = []
    for p in variant.parameters {
      let parts = p.parameter.split(separator: ".", maxSplits: 1).map(String.init)
      if parts.count == 2, let d = program.parameters[SymbolID(law: parts[0], name: parts[1])] {
        changeRefs.append(cite(d.citation))
        let old = d.value(on: inputs.context.date).map { $0.value.formatted(as: d.type) } ?? "?"
        changes.append("\(parts[1]) (\(d.citation.short)) van \(old) naar \(p.waarde)")
      }
    }
    var amendments = variant.regelingen.map { "gewijzigde regeling \(($0 as NSString).lastPathComponent)" }
    if let d = variant.wetdatum { amendments.append("de regels zoals die golden op \(DutchFormat.date(CivilDate(iso: d)!))") }
    for (code, d) in variant.versieVan.sorted(by: { $0.key < $1.key }) {
      let title = program.laws[code]?.first?.title ?? code
      amendments.append("de \(title) zoals die gold op \(DutchFormat.date(CivilDate(iso: d)!)) in plaats van de versie van de peildatum")
    }
    var paragraphs = [
      paragraph("\(variant.beschrijving)"),
      paragraph("De variant wijzigt: " + (changes + amendments).joined(separator: "; ") + ". Basis en variant zijn op dezelfde huishoudens doorgerekend.", changeRefs),
      paragraph("Budgettair effect op het recht: \(Format.euroText(scaled(r.budgetEffect))) per jaar (Nederland); \(Format.countText(scaled(r.winners))) huishoudens gaan erop vooruit en \(Format.countText(scaled(r.losers))) erop achteruit (vanaf € 1 per jaar).", emphasis: true),
    ]
    if r.hasNonTakeUp {
      // Outputs with the same rates are named together ("bijstand.maandbedrag, bijstand.bruto_jaarbedrag: …").
      var notes: [(note: String, ids: [String])] = []
      for e in r.effects {
        guard let c = e.claimed else { continue }
        let note = e.nonTakeUpNote ?? Format.promille(c.rate).display
        if let i = notes.firstIndex(where: { $0.note == note }) { notes[i].ids.append(e.id) } else { notes.append((note, [e.id])) }
      }
      let rates = notes.map { "\($0.ids.joined(separator: ", ")): \($0.note)" }.joined(separator: "; ")
      let split = r.effects.contains { $0.claimed != nil && $0.byTopUp != nil }
      var same = split ? "in basis en variant dezelfde trekking, en wie in de variant de grens passeert, met het andere percentage" : "in basis en variant dezelfde huishoudens"
      if r.effects.contains(where: { $0.claimed != nil && $0.drawnUsers }) {
        same += "; wie van de leeftijden van de getrokken bijstandsontvangers pas in de variant recht krijgt, vraagt aan naar het percentage van de andere aanvragers"
      }
      paragraphs.append(paragraph("In uitgaven, na het niet-gebruik van het scenario (\(rates); per huishouden getrokken, \(same)): \(Format.euroText(scaled(r.spendingEffect))) per jaar. Het recht is wat de regels toekennen; de uitgaven zijn wat de schatkist betaalt als niet iedereen aanvraagt. Winnaars en verliezers hieronder gaan over het recht.", emphasis: true))
    }
    let spread = inputs.reformSpread
    if spread.count > 1 {
      func range(_ values: [Int128], _ show: (Int128) -> String) -> String {
        values.min() == values.max() ? "steeds \(show(values[0]))" : "tussen \(show(values.min()!)) en \(show(values.max()!))"
      }
      paragraphs.append(paragraph(
        "Steekproefonzekerheid: op \(spread.count) bevolkingen (zaden \(spread.map { String($0.seed) }.joined(separator: ", "))) van elk \(Format.countText(inputs.context.population.householdCount)) huishoudens ligt het budgettair effect op het recht \(range(spread.map(\.budgetEffect), Format.euroText))\(r.hasNonTakeUp ? ", in uitgaven \(range(spread.map(\.spendingEffect), Format.euroText))" : ""); het aantal winnaars \(range(spread.map(\.winners)) { Format.count($0).display }), het aantal verliezers \(range(spread.map(\.losers)) { Format.count($0).display }). De cijfers hierboven en in de tabellen komen van het eerste zaad."))
    } else {
      paragraphs.append(paragraph("Eén bevolking doorgerekend: de cijfers hebben geen interval. Met --seeds K rekent toets de variant op K bevolkingen en geeft het de spreiding."))
    }
    if !r.onlyInOne.isEmpty {
      paragraphs.append(paragraph("Niet vergeleken, want maar aan één kant gecodeerd: \(r.onlyInOne.joined(separator: ", ")). Deze uitkomsten tellen in geen van beide totalen mee.", emphasis: true))
    }
    if r.undecided > 0 {
      paragraphs.append(paragraph("\(Format.countText(r.undecided)) synthetische huishoudens zijn buiten de vergelijking gelaten: een van hun uitkomsten is in basis of variant onbepaald (zie Fraudegevoeligheid: waar de regels niet beslissen)."))
    }
    let effects = r.effects.map { e -> [Report.Cell] in
      let spending = e.claimed.map { Format.euros(scaled($0.variant - $0.baseline)) } ?? Format.text(e.kind == .payment ? "gelijk aan het recht" : "geen betaling")
      if r.onlyInOne.contains(e.id) { return [Format.text(e.id), Format.euros(scaled(e.baseline)), Format.text("geen gecodeerde versie"), Format.text("niet vergeleken"), Format.text("niet vergeleken")] }
      return [Format.text(e.id), Format.euros(scaled(e.baseline)), Format.euros(scaled(e.variant)), Format.euros(scaled(e.variant - e.baseline)), spending]
    }
    let effectRefs = cite(r.effects.compactMap { outputCitation($0.id) })
    let bandRows = r.bands.map { [Format.text($0.label), Format.count(scaled($0.households)), Format.euros(scaled($0.change))] }
    func groupRows(_ groups: [ReformComparison.Group]) -> [[Report.Cell]] {
      groups.map { [Format.text($0.label), Format.count(scaled($0.households)), Format.count(scaled($0.winners)), Format.count(scaled($0.losers)), Format.euros(scaled($0.change))] }
    }
    let groupColumns: [Report.Column] = [
      .init(name: "groep", kind: "tekst"), .init(name: "huishoudens", kind: "aantal"), .init(name: "winnaars", kind: "aantal"),
      .init(name: "verliezers", kind: "aantal"), .init(name: "verschil per jaar", kind: "euro"),
    ]
    let examples = r.examples.map { e -> [Report.Cell] in
      [Format.text(e.group), Format.text("#\(e.household)"), Format.eurosCents(Int128(e.baseline)), Format.eurosCents(Int128(e.variant)), Format.eurosCents(Int128(e.variant - e.baseline))]
    }
    return Report.Section(
      id: "variant", title: "Variant tegen basis: wie wint, wie verliest",
      paragraphs: paragraphs,
      tables: [
        Report.Table(id: "variant-per-regeling", title: "Totaal per regeling per jaar (Nederland)",
                     columns: [.init(name: "uitkomst", kind: "tekst"), .init(name: "basis", kind: "euro"), .init(name: "variant", kind: "euro"), .init(name: "verschil (recht)", kind: "euro"), .init(name: "verschil in uitgaven", kind: "euro")],
                     rows: effects, note: "Basis, variant en het eerste verschil zijn het recht; het laatste verschil telt bij regelingen met niet-gebruik in het scenario alleen de huishoudens die aanvragen.", citations: effectRefs),
        Report.Table(id: "variant-banden", title: "Huishoudens naar verandering per jaar (Nederland)",
                     columns: [.init(name: "verandering", kind: "tekst"), .init(name: "huishoudens", kind: "aantal"), .init(name: "verschil per jaar", kind: "euro")],
                     rows: bandRows, note: "Betalingen samen (zonder de bijstandsnorm), per huishouden per jaar.", citations: changeRefs),
        Report.Table(id: "variant-decielen", title: "Naar inkomensdeciel (huishoudinkomen)", columns: groupColumns, rows: groupRows(r.deciles), note: nil, citations: []),
        Report.Table(id: "variant-huishoudtypen", title: "Naar huishoudtype", columns: groupColumns, rows: groupRows(r.types), note: nil, citations: []),
        Report.Table(id: "variant-voorbeelden", title: "Voorbeeldhuishoudens: per groep het grootste verlies en de grootste winst",
                     columns: [.init(name: "groep", kind: "tekst"), .init(name: "huishouden", kind: "tekst"), .init(name: "basis per jaar", kind: "euro"),
                               .init(name: "variant per jaar", kind: "euro"), .init(name: "verschil", kind: "euro")],
                     rows: examples, note: "Het nummer is de rij in de synthetische bevolking; `toets report` schrijft deze huishoudens ook als JSON-document (voorbeelden/), zodat `toets evaluate --explain` ze artikel voor artikel uitlegt.", citations: []),
      ],
      charts: [
        Report.Chart(id: "variant-banden-grafiek", title: "Huishoudens naar verandering per jaar", kind: "staaf",
                     labels: r.bands.map(\.label), values: r.bands.map { Double(scaled($0.households)) },
                     valueLabels: r.bands.map { Format.countText(scaled($0.households)) }, unit: "huishoudens"),
        Report.Chart(id: "variant-decielen-grafiek", title: "Verschil per jaar naar inkomensdeciel", kind: "staaf",
                     labels: r.deciles.map(\.label), values: r.deciles.map { Double(scaled($0.change)) / 100 },
                     valueLabels: r.deciles.map { Format.euroText(scaled($0.change)) }, unit: "euro per jaar"),
      ])
  }
}

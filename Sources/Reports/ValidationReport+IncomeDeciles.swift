import Analyses
import ExactArithmetic
import Population

extension ValidationReport {
  /// Who sits where in the income distribution: per decile of standardised net income the share of each
  /// household type, the model's first population beside the published table, with the largest
  /// difference per type named. Not a calibration target.
  static func incomeDeciles(_ d: DecileComposition) -> Report.Section {
    var columns = [Report.Column(name: "deciel", kind: "tekst")]
    for type in d.types {
      columns.append(Report.Column(name: "\(type.label): model", kind: "percentage"))
      columns.append(Report.Column(name: "\(type.label): gepubliceerd", kind: "percentage"))
    }
    let rows = (0..<10).map { decile -> [Report.Cell] in
      [Format.text(decile == 0 ? "1e (laag)" : decile == 9 ? "10e (hoog)" : "\(decile + 1)e")]
        + d.types.indices.flatMap { [share(d.model[decile][$0]), share(d.published[decile][$0])] }
    }
    // Per type the decile where model and table differ most.
    let largest = d.types.indices.map { t -> String in
      let diffs = (0..<10).map { d.model[$0][t] - d.published[$0][t] }
      let worst = diffs.indices.max { diffs[$0].magnitude < diffs[$1].magnitude } ?? 0
      return "\(d.types[t].label) \(points(diffs[worst])) in het \(worst + 1)e deciel"
    }
    let levels = d.types.indices.map { "\(d.types[$0].label) \(share(d.overall.model[$0]).display) tegen \(share(d.overall.published[$0]).display)" }
    let open = d.types.indices.filter { d.undecided[$0] > Rational(numerator: 1, denominator: 100) }.map { "\(d.types[$0].label) \(share(d.undecided[$0]).display)" }
    let openText = open.isEmpty ? "" : " Onbepaald en dus niet gerangschikt (boven 1 % van het type): \(open.joined(separator: ", ")); dat deel ontbreekt in de kolom van dat type."
    return Report.Section(
      id: "inkomensverdeling", title: "Wie zit waar in de inkomensverdeling: huishoudtypen per inkomensdeciel",
      paragraphs: [
        Report.Paragraph(
          text: "De huishoudens van de eerste run (zaad, peildatum en aantal als hierboven; \(DutchFormat.groupThousands(String(d.households))) met een bepaald \(d.table.uitvoer)) gerangschikt naar hun \(d.table.uitvoer), gestandaardiseerd met de equivalentiefactoren van het scenario, en in tien even grote groepen verdeeld; per groep het aandeel van ieder huishoudtype, naast de gepubliceerde tabel over \(d.table.jaar). Geen kalibratiedoel: het toont of inkomen en samenstelling samen kloppen, wat de invoermarges per kenmerk apart niet laten zien. Het grootste verschil per type: \(largest.joined(separator: "; ")).",
          citations: [], emphasis: false),
        Report.Paragraph(
          text: "Over alle decielen samen verschillen de typen al in omvang (model tegen tabel): \(levels.joined(separator: "; ")); een verschil per deciel bevat dat verschil in omvang, en wie waar zit, leest men het best in hoe de aandelen over de decielen lopen.\(openText)",
          citations: [], emphasis: false),
        Report.Paragraph(text: "Bron: \(d.table.bron). \(d.table.definitie)", citations: [], emphasis: false),
      ],
      tables: [
        Report.Table(
          id: "inkomensverdeling", title: "Aandeel van ieder huishoudtype per inkomensdeciel: model naast gepubliceerd", columns: columns, rows: rows,
          note: "Per deciel tellen de aandelen van het model en die van de tabel elk op tot 100 % over de genoemde typen (het model telt alleen huishoudens van die typen).", citations: [])
      ], charts: [])
  }
}

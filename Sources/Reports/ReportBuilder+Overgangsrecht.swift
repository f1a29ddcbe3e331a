import Analyses
import ExactArithmetic
import LegalSource

extension ReportBuilder {
  /// Overgangsrecht: the runoff of a transitional regime year by year, the rules it keeps alive, its
  /// end year, a buy-out comparison, and a flag when the law sets no horizon.
  mutating func overgangsrechtSection() -> Report.Section {
    guard let r = inputs.runoff else { return Report.Section(id: "overgangsrecht", title: "Overgangsrecht", paragraphs: [], tables: [], charts: []) }
    let program = inputs.context.engine.program
    let regimeRefs = cite(r.rulesKeptAlive.compactMap { program.definition($0.0, on: inputs.context.date)?.rules.first?.citation })
    let national = Rational(Int(inputs.context.nationalHouseholds)).dividedBy(Rational(max(1, inputs.context.population.householdCount)))!
    let rows = r.years.map { y -> [Report.Cell] in
      [Format.text(String(y.year)), Format.count(y.households * national), Format.count(y.paid * national), Format.euros(y.payments * national)]
    }
    var paragraphs = [
      paragraph("\(r.regime.name): afgeschaft voor nieuwe gevallen per \(DutchFormat.date(r.regime.abolished)), maar wie het recht had, houdt het. \(r.regime.basis)", regimeRefs),
      paragraph("Op de peildatum vallen \(Format.countText(scaled(r.householdsNow))) huishoudens (Nederland, geschat) onder het regime, van wie \(Format.countText(scaled(r.paidNow))) een toeslag krijgen (bij de anderen is het inkomen van de partner te hoog, maar het recht blijft: daalt dat inkomen, dan herleeft de toeslag).\(r.upperBoundNow > 0 ? " Bij \(Format.countText(scaled(r.upperBoundNow))) van hen is het bedrag een bovengrens: de korting van AOW art. 12 is niet gecodeerd." : "") Zij worden jaar voor jaar vooruitgerekend met de overlevingstafel (\(r.table.name)); een huishouden valt af als de partner de pensioengerechtigde leeftijd bereikt of als een van beiden overlijdt."),
    ]
    if let end = r.endYear {
      paragraphs.append(paragraph("Laatste jaar waarin nog een huishouden onder het regime valt: \(end); laatste jaar met een verwachte betaling: \(r.lastPaymentYear.map(String.init) ?? "geen")\(end > 2048 ? " — na 2048, zoals de bronnen verwachten (ABDTOPConsult 2020: 'pas na 2048')" : end == 2048 ? " — in 2048" : " — vóór 2048; de bronnen verwachten 'na 2048'"). \(r.years.first { $0.households * national < Rational.one }.map { "Vanaf \($0.year) is naar verwachting minder dan één huishouden (Nederland) nog onder het regime. " } ?? "")Het eindjaar hangt af van het grootste leeftijdsverschil in de bevolking; dat verschil is een aanname van het scenario.", regimeRefs, emphasis: true))
    }
    if let (other, change) = inputs.runoffSensitivity {
      let otherPV = other.presentValue * national
      paragraphs.append(paragraph(
        "Gevoeligheid: met \(change) (scenario 'partnertoeslag.leeftijdsverschil', een aanname) \(other.endYear == r.endYear ? "blijft het laatste jaar onder het regime \(r.endYear.map(String.init) ?? "geen")" : "is het laatste jaar onder het regime \(other.endYear.map(String.init) ?? "geen") in plaats van \(r.endYear.map(String.init) ?? "geen")"), en is de contante waarde van de resterende betalingen \(Format.euros(otherPV).display) in plaats van \(Format.euros(r.presentValue * national).display). Die bevolking is opnieuw getrokken: een verschil zo groot als de steekproefruis zegt niets.",
        regimeRefs))
    }
    paragraphs.append(paragraph("Regels die in stand moeten blijven zolang er één huishouden onder het regime valt: \(r.rulesKeptAlive.count) (alles wat het gegeven leest, direct of via andere regels): " + r.rulesKeptAlive.map { "\($0.0.name) (\($0.1))" }.joined(separator: ", ") + ".", regimeRefs))
    if r.regime.horizon == nil {
      paragraphs.append(paragraph("Geen horizonbepaling: de wet noemt geen einddatum voor dit overgangsrecht. Het loopt tot het laatste recht vanzelf vervalt. De bronnen stellen een generieke horizonbepaling of afkoop voor (ABDTOPConsult 2020).", regimeRefs, emphasis: true))
    }
    let pv = r.presentValue * national
    var buyout = "Afkoop: de contante waarde van alle verwachte resterende betalingen is \(Format.euros(pv).display) (disconteringsvoet \(DutchFormat.percentage(r.regime.discountRate)), \(r.regime.discountSource)). Afkopen tegen die waarde kost evenveel als doorbetalen, maar bespaart de instandhouding van de oude regels: € 1 per jaar aan instandhouding over de resterende looptijd is nu \(DutchFormat.number(r.annuityFactor, maxFractionDigits: 2)) euro waard."
    if let upkeep = r.regime.upkeepPerYear {
      buyout += " Met de in het scenario opgegeven \(Format.euros(upkeep).display) per jaar aan instandhouding is dat \(Format.euros(upkeep * r.annuityFactor).display)."
    } else {
      buyout += " Het scenario geeft geen kosten van instandhouding op; vermenigvuldig de jaarlijkse kosten met deze factor."
    }
    paragraphs.append(paragraph(buyout))
    return Report.Section(
      id: "overgangsrecht", title: "Overgangsrecht: hoe lang het oude regime doorloopt",
      paragraphs: paragraphs,
      tables: [Report.Table(
        id: "overgangsrecht-afbouw", title: "\(r.regime.name): verwacht aantal huishoudens op 1 januari en betalingen per jaar (Nederland, prijzen van de peildatum)",
        columns: [.init(name: "jaar", kind: "jaar"), .init(name: "huishoudens onder het regime", kind: "aantal"), .init(name: "waarvan met toeslag", kind: "aantal"), .init(name: "betalingen", kind: "euro")],
        rows: rows, note: "Verwachtingswaarden: de som van de overlevingskansen. De AOW-leeftijd na \(r.regime.lastFixedYear) is aangenomen op \(r.regime.pensionAgeAfterTable); stijgt hij, dan loopt het regime langer.",
        citations: regimeRefs)],
      charts: [Report.Chart(
        id: "overgangsrecht-grafiek", title: "\(r.regime.name): verwachte betalingen per jaar", kind: "lijn", labels: r.years.map { String($0.year) },
        values: r.years.map { Double(Format.euros($0.payments * national).raw) ?? 0 }, valueLabels: r.years.map { Format.euros($0.payments * national).display },
        unit: "euro per jaar")])
  }
}

import Analyses
import ExactArithmetic
import Foundation
import LegalSource
import LegalText
import Population
import RuleIR
import Toetssteen

/// Everything one report is made of: the run and the outcomes of each analysis.
/// The headline figures of a variant comparison on one population, scaled to the country.
public struct ReformHeadline: Sendable {
  public let seed: UInt64
  /// Cents per year: the change in entitlement and in spending after non-take-up.
  public let budgetEffect: Int128
  public let spendingEffect: Int128
  public let winners: Int128
  public let losers: Int128

  public init(seed: UInt64, comparison r: ReformComparison, context: AnalysisContext) {
    self.seed = seed
    budgetEffect = context.scaled(r.budgetEffect)
    spendingEffect = context.scaled(r.spendingEffect)
    winners = context.scaled(Int128(r.winners))
    losers = context.scaled(Int128(r.losers))
  }
}

public struct ReportInputs: Sendable {
  public var context: AnalysisContext
  public var seed: UInt64
  public var variant: Variant?
  public var comparison: ReformComparison?
  public var variantOutcomes: Outcomes?
  public var baseline: Outcomes
  public var samenloop: Samenloop
  public var marginal: MarginalBurden
  public var divergence: DefinitionDivergence
  public var citizen: (household: Int, explanation: CitizenExplanation)?
  public var fraud: FraudGaps
  public var gaps: RuleGaps
  public var discontinuities: Discontinuities
  public var runoff: TransitionalRunoff?
  /// Budget constraints of the typical households and the armoedeval (absent without a minimumloon).
  public var budget: BudgetConstraint?
  public var povertyTrap: PovertyTrap?
  /// The variant's headline figures on every seed (the report's own seed first), scaled to the country:
  /// their spread is the sampling uncertainty of the figure.
  public var reformSpread: [ReformHeadline] = []
  /// The runoff on a population with the scenario's age-gap tail doubled, and what was changed.
  public var runoffSensitivity: (runoff: TransitionalRunoff, change: String)?

  public init(
    context: AnalysisContext, seed: UInt64, variant: Variant?, comparison: ReformComparison?, variantOutcomes: Outcomes?,
    baseline: Outcomes, samenloop: Samenloop, marginal: MarginalBurden, divergence: DefinitionDivergence,
    citizen: (household: Int, explanation: CitizenExplanation)?, fraud: FraudGaps, gaps: RuleGaps, discontinuities: Discontinuities,
    runoff: TransitionalRunoff?
  ) {
    self.context = context
    self.seed = seed
    self.variant = variant
    self.comparison = comparison
    self.variantOutcomes = variantOutcomes
    self.baseline = baseline
    self.samenloop = samenloop
    self.marginal = marginal
    self.divergence = divergence
    self.citizen = citizen
    self.fraud = fraud
    self.gaps = gaps
    self.discontinuities = discontinuities
    self.runoff = runoff
  }
}

/// Turns the analyses into a ``Report``: one section per analysis, figures scaled to the national
/// population, every finding with the articles it comes from, and the text of those articles.
public struct ReportBuilder {
  let inputs: ReportInputs
  var cited: [Citation] = []

  public init(_ inputs: ReportInputs) { self.inputs = inputs }

  public mutating func build() -> Report {
    let c = inputs.context
    let title = inputs.variant.map { "Toets vóór invoering: \($0.naam)" } ?? "Toets vóór invoering: de regelingen op \(DutchFormat.date(c.date))"
    var sections: [Report.Section] = [overview()]
    if inputs.comparison != nil { sections.append(reformSection()) }
    sections.append(samenloopSection())
    sections.append(fraudSection())
    if inputs.budget != nil || inputs.povertyTrap != nil { sections.append(budgetSection()) }
    if inputs.runoff != nil { sections.append(overgangsrechtSection()) }
    sections.append(methodSection())
    return Report(
      title: title,
      subtitle: "Synthetische bevolking \(c.scenario.naam), peildatum \(DutchFormat.date(c.date)); bedragen en aantallen opgeschaald naar \(Format.countText(Int(c.nationalHouseholds))) huishoudens",
      meta: [
        .init(key: "scenario", value: c.scenario.naam),
        .init(key: "peildatum", value: c.date.iso),
        .init(key: "zaad", value: String(inputs.seed)),
        .init(key: "huishoudens (synthetisch)", value: String(c.population.householdCount)),
        .init(key: "huishoudens (Nederland, CBS 37975)", value: String(c.nationalHouseholds)),
        .init(key: "variant", value: inputs.variant?.naam ?? "geen"),
      ],
      sections: sections, articles: appendix())
  }

  /// A reference to `citation`'s article, remembered for the appendix.
  mutating func cite(_ citation: Citation) -> Report.Reference {
    let article = citation.artikel == nil ? citation : citation.article
    if !cited.contains(article) { cited.append(article) }
    return Report.Reference(anchor: Self.anchor(article), label: citation.short)
  }

  mutating func cite(_ citations: [Citation]) -> [Report.Reference] {
    var seen: [Report.Reference] = []
    for c in citations {
      let r = cite(c)
      if !seen.contains(r) { seen.append(r) }
    }
    return seen
  }

  /// The citation of an output's declaration.
  func outputCitation(_ id: String) -> Citation? {
    inputs.context.engine.program.outputs(on: inputs.context.date).first { $0.id == id }?.citation
  }

  static func anchor(_ c: Citation) -> String {
    let raw = "art-\(c.bwb)-\(c.artikel ?? "wet")-\(c.version?.iso ?? "")"
    return String(raw.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
  }

  func scaled(_ v: Int128) -> Int128 { inputs.context.scaled(v) }
  func scaled(_ n: Int) -> Int { Int(inputs.context.scaled(Int128(n))) }

  func paragraph(_ text: String, _ refs: [Report.Reference] = [], emphasis: Bool = false) -> Report.Paragraph {
    Report.Paragraph(text: text, citations: refs, emphasis: emphasis)
  }

  /// The appendix: each cited article with its text as the regulation file has it.
  func appendix() -> [Report.Article] {
    cited.map { c in
      Report.Article(anchor: Self.anchor(c), label: c.text, url: c.url, jci: c.jci, text: articleText(c))
    }
  }

  func articleText(_ c: Citation) -> [String] {
    let documents = inputs.context.engine.documents.filter { $0.header.bwb == c.bwb && $0.header.toestand == c.version }
    var lines: [String] = []
    for d in documents {
      for case .text(let line, let at, _) in d.elements where at.artikel == c.artikel && c.artikel != nil {
        let plain = line.replacingOccurrences(of: #"\[([^\]]*)\]\{[^}]*\}"#, with: "$1", options: .regularExpression)
        if !plain.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(plain) }
      }
    }
    return lines
  }

  mutating func overview() -> Report.Section {
    let c = inputs.context
    let b = inputs.baseline
    var rows: [[Report.Cell]] = []
    var refs: [Report.Reference] = []
    for (o, id) in b.ids.enumerated() {
      let recipients = (0..<b.householdCount).filter { !b.undecided[o][$0] && b.yearly[o][$0] != 0 }.count
      let total = b.yearly[o].reduce(Int128(0)) { $0 + Int128($1) }
      let open = b.undecided[o].filter { $0 }.count
      if let cit = outputCitation(id) { refs.append(cite(cit)) }
      rows.append([
        Format.text(id), Format.text(Self.kindLabel(b.kinds[o])), Format.count(scaled(recipients)),
        Format.euros(scaled(total)), Format.count(scaled(open)),
      ])
    }
    // Open interpretation decisions under the rules valid on the date.
    let validPaths = Set(c.engine.program.laws.values.flatMap { $0 }.filter { $0.isValid(on: c.date) }.map(\.path))
    let decisions = c.engine.program.decisions.filter { $0.status == .open && validPaths.contains($0.range.file.path) }
    var decisionRefs: [Report.Reference] = []
    let decisionRows = decisions.map { d -> [Report.Cell] in
      let r = cite(d.citation)
      if !decisionRefs.contains(r) { decisionRefs.append(r) }
      return [Format.text(d.title), Format.text(d.citation.short), Format.text(d.choice), Format.text(d.affects.map(\.description).joined(separator: ", ")), Format.text(d.status.rawValue)]
    }
    return Report.Section(
      id: "overzicht", title: "Overzicht",
      paragraphs: [
        paragraph("Deze cijfers rusten op \(decisions.count) open interpretatiekeuzes: plaatsen waar de vertaling van wettekst naar regels een keuze vroeg die nog niet met beleid en wetgeving is afgestemd (tabel hieronder). Een andere keuze geeft andere cijfers; zulke keuzes horen niet buiten het zicht van beleid en wetgeving door ICT te worden gemaakt.", decisionRefs, emphasis: !decisions.isEmpty),
        paragraph("Dit rapport rekent de gecodeerde regelingen door op een synthetische bevolking van \(Format.countText(c.population.householdCount)) huishoudens en schaalt de uitkomsten op naar Nederland. Het beoordeelt het ontwerp van de regels, nooit personen: de huishoudens zijn verzonnen volgens het scenario, en er worden geen kenmerken als herkomst of nationaliteit gebruikt."),
        paragraph("Ieder getal verwijst naar de artikelen waar het uit volgt; de tekst van die artikelen staat achterin (Bijlage: artikelen)."),
      ],
      tables: [Report.Table(
        id: "uitkomsten", title: "Uitkomsten per regeling (per jaar, Nederland)",
        columns: [.init(name: "uitkomst", kind: "tekst"), .init(name: "soort", kind: "tekst"), .init(name: "ontvangers", kind: "aantal"),
                  .init(name: "totaal per jaar", kind: "euro"), .init(name: "onbepaald", kind: "aantal")],
        rows: rows, note: "Maandbedragen tellen twaalf keer. Alleen betalingen tellen op bij wat huishoudens ontvangen; de bijstandsnorm is een norm, de inkomstenbelasting een heffing, het netto-inkomen een maatstaf. Dit zijn aanspraken op de peildatum, zonder niet-gebruik.",
        citations: refs),
        Report.Table(
          id: "open-keuzes", title: "Open interpretatiekeuzes onder deze cijfers",
          columns: [.init(name: "keuze", kind: "tekst"), .init(name: "artikel", kind: "tekst"), .init(name: "gekozen", kind: "tekst"),
                    .init(name: "raakt de regels", kind: "tekst"), .init(name: "status", kind: "tekst")],
          rows: decisionRows, note: "De volledige keuze (vraag, alternatieven, reden, wie besliste) staat bij het artikel in de regeling en in `toets spec`.",
          citations: decisionRefs),
      ],
      charts: [])
  }

  /// How the overview names an output's kind.
  static func kindLabel(_ kind: OutputKind) -> String {
    switch kind {
    case .payment: return "betaling"
    case .norm: return "norm (geen betaling)"
    case .levy: return "heffing (belasting en premies)"
    case .measure: return "maatstaf (geen betaling)"
    }
  }

  mutating func methodSection() -> Report.Section {
    let sources = inputs.context.scenario.bronnen.map { paragraph("Bron scenario: \($0)") }
    return Report.Section(
      id: "methode", title: "Werkwijze en grenzen",
      paragraphs: [
        paragraph("Alle bedragen zijn exact gerekend (gehele centen, exacte breuken); afronding alleen waar de wet die voorschrijft. De rekenkern is per run nagerekend met de referentie-evaluator waar hij een rij niet exact kan bewijzen."),
        paragraph("Niet gecodeerd en dus niet in de cijfers: de inkomensafhankelijke bijdrage Zvw, box 2, aftrekposten, de kinderopvangtoeslag, de kinderbijslag, de bijzondere bijstand en gemeentelijke regelingen. De inkomstenbelasting rekent box 1 en box 3 (het vermogen als banktegoed); de bijstand is de algemene bijstand met de vrijlatingen die het huishoudendocument kan beslissen. Waar het scenario geen inkomensbestanddelen geeft, zijn belasting, bijstand en netto-inkomen onbepaald en is de marginale druk alleen de afbouw van de betalingen."),
      ] + sources,
      tables: [], charts: [])
  }
}

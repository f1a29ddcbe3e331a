import ExactArithmetic
import LegalSource
import ReferenceEvaluator
import RuleIR
import Toetssteen

/// One household across all laws, in plain Dutch a citizen could follow: what each regulation gives,
/// from which article, and where the laws see the household differently.
public struct CitizenExplanation: Sendable {
  public struct Paragraph: Sendable {
    public let text: String
    public let citations: [Citation]
  }

  public let paragraphs: [Paragraph]

  /// Explains `evaluation`; `partnerConcepts` are the partner definitions of the laws (from
  /// ``DefinitionDivergence``), so the explanation can say who counts as partner under which law.
  public init(evaluation: Evaluation, program: Program, partnerConcepts: [DefinitionDivergence.Member]) {
    var paragraphs: [Paragraph] = []
    let names: [String: String] = [
      "aow.bruto_maandbedrag": "AOW-pensioen (bruto, samen met een eventuele partnertoeslag)",
      "bijstand.maandnorm": "bijstandsnorm (het bedrag waar de gemeente van uitgaat; of u bijstand krijgt hangt ook af van uw inkomen en vermogen)",
      "huurtoeslag.maandbedrag": "huurtoeslag",
      "kindgebonden_budget.jaarbedrag": "kindgebonden budget",
      "zorgtoeslag.jaarbedrag": "zorgtoeslag",
    ]
    for o in evaluation.outputs {
      let what = names[o.declaration.id] ?? o.declaration.id
      let type = program.symbols[o.declaration.symbol]?.type ?? .money(.any)
      let step = o.step.map { evaluation.trace.steps[$0] }
      let article = step?.rule ?? o.declaration.citation
      switch o.result {
      case .success(let v):
        let amount = v.number ?? .zero
        let text = amount.isZero
          ? "U hebt geen recht op \(what). Dat volgt uit \(article.text)."
          : "U krijgt \(v.formatted(as: type)) \(what). Het bedrag volgt uit \(article.text)."
        paragraphs.append(Paragraph(text: text, citations: [article]))
      case .failure(let u):
        paragraphs.append(Paragraph(
          text: "Over \(what) kan het model nog niet beslissen: \(u). Hier moet een mens (of een nog te coderen artikel) beslissen.",
          citations: [o.declaration.citation]))
      }
    }
    let evaluator = Evaluator(program: program, household: evaluation.household)
    var views: [String] = []
    var cites: [Citation] = []
    for m in partnerConcepts {
      guard case .success(.boolean(let b)) = evaluator.value(of: m.id, on: evaluation.date), let c = m.citations.first else { continue }
      views.append("voor de \(c.shortTitle) \(b ? "bent u" : "bent u geen") \(m.id.name) (\(c.short))")
      cites.append(c)
    }
    if !views.isEmpty {
      paragraphs.append(Paragraph(
        text: "Elke wet bepaalt zelf wie uw partner is: " + views.joined(separator: "; ") + ". Daarom kan dezelfde situatie bij de ene instantie als samenwonend gelden en bij de andere niet.",
        citations: cites))
    }
    self.paragraphs = paragraphs
  }
}

import LegalSource
import RuleIR

/// Checks every rounding that rests on an interpretation choice (`… afgerond op centen volgens keuze
/// maandbedrag-centen`): the keuze must exist in the same law and name the rounded rule's definition
/// under `raakt`, so the explanation's citation leads to a recorded question with its alternatives.
/// A rounding the law does not order may not cite an article, and may not cite a keuze that does not
/// own it either. Problems are reported at the rounding, with the rule's article.
enum RoundingChoiceCheck {
  static func check(laws: [String: [LawVersion]], decisions: [InterpretationDecision], diagnostics: inout DiagnosticEngine) {
    for (code, versions) in laws.sorted(by: { $0.key < $1.key }) {
      let ownDecisions = decisions.filter { d in versions.contains { $0.path == d.range.file.path } }
      for version in versions {
        for definition in version.definitions.values.sorted(by: { $0.id < $1.id }) {
          for rule in definition.rules {
            var nodes: [TypedExpression] = []
            if case .value(let e) = rule.body { nodes.append(e) }
            if let c = rule.condition { nodes.append(c) }
            for root in nodes {
              root.walk { node in
                guard case .round(_, _, _, .choice(let id)) = node.kind else { return }
                let known = ownDecisions.map(\.id)
                let sameDocument = ownDecisions.first { $0.id == id && $0.range.file.path == version.path }
                guard let decision = sameDocument ?? ownDecisions.first(where: { $0.id == id }) else {
                  diagnostics.emit(.roundingChoiceUnknown(id, law: code), at: node.range, citation: rule.citation, notes: .suggestion(Spelling.suggestion(for: id, among: known)))
                  return
                }
                if !decision.affects.contains(definition.id) {
                  diagnostics.emit(.roundingChoiceNotAffecting(definition.id.name, choice: id), at: node.range, citation: rule.citation)
                }
              }
            }
          }
        }
      }
    }
  }
}

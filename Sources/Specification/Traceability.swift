import LegalSource
import LegalText
import RuleIR

/// The traceability matrix of one law version: for every article, the rules that formalise it, the
/// inputs (gegevens and parameters) those rules read, the outputs they produce, and the worked
/// examples written under the article.
enum Traceability {
  static func rows(document: LegalDocument, version: LawVersion, program: Program) -> [LawPage.TraceRow] {
    var rows: [LawPage.TraceRow] = []
    let outputs = Dictionary(grouping: version.outputs, by: \.symbol)
    for article in document.articles {
      var rules: [String] = []
      var inputs: Set<String> = []
      var outs: [String] = []
      for (id, d) in version.definitions.sorted(by: { $0.key < $1.key }) {
        let here = d.rules.filter { $0.citation.artikel == article.artikel }
        guard !here.isEmpty else { continue }
        rules.append(id.name)
        for r in here {
          var exprs: [TypedExpression] = r.condition.map { [$0] } ?? []
          if case .value(let e) = r.body { exprs.append(e) }
          for e in exprs {
            for (symbol, node) in e.references {
              switch node.kind {
              case .fact: inputs.insert("gegeven \(program.facts[symbol]?.field ?? symbol.name)")
              case .parameter: inputs.insert("parameter \(symbol.name)")
              case .definition where symbol.law != version.code: inputs.insert("\(symbol.law).\(symbol.name)")
              default: break
              }
            }
          }
        }
        outs += (outputs[id] ?? []).map(\.id)
      }
      let blocks = document.blocks.filter { $0.kind == .voorbeeld && $0.citation.artikel == article.artikel }
      let examples: [String] = blocks.map { block in
        let lines = block.content.text.split(separator: "\n")
        guard let name = lines.first(where: { $0.hasPrefix("naam:") }) else { return "voorbeeld" }
        return String(name.dropFirst(5)).trimmingCharacters(in: .whitespaces)
      }
      rows.append(LawPage.TraceRow(article: article, rules: rules, inputs: inputs.sorted(), outputs: outs, examples: examples))
    }
    return rows
  }
}

import ExactArithmetic
import RuleIR

/// The specification of one law version as Markdown, for review in a repository or a document
/// system: the same sections as the HTML page.
public enum SpecMarkdown {
  public static func page(_ p: LawPage) -> String {
    var m = ["# \(p.title)", "", "\(p.header.shortTitle) · \(p.header.bwb) · geldig \(p.validity) · toestand \(p.header.toestand.iso)", "", "Bron: \(p.header.source)", ""]
    let open = p.decisions.filter { $0.status == .open }
    if !open.isEmpty { m += ["> **\(open.count) open interpretatiekeuze(s)**: " + open.map(\.title).joined(separator: "; "), ""] }
    m += ["## Tekst en regels", ""]
    for a in p.articles {
      m += ["### \(a.title)", ""]
      for part in a.parts {
        if let h = part.heading { m += ["#### \(h)", ""] }
        m += part.text.map(AnnotatedText.markdown) + [""]
        for r in part.rules { m += ["```regels", r.trimmingCharacters(in: .newlines), "```", ""] }
        if !part.examples.isEmpty { m += ["Rekenvoorbeelden: \(part.examples.count)", ""] }
      }
    }
    m += ["## Parameters", "", "| parameter | vanaf | tot | waarde | artikel | bron |", "|---|---|---|---:|---|---|"]
    for r in p.parameters { m.append("| \(r.name) | \(r.from.iso) | \(r.until?.iso ?? "–") | \(r.value) | \(r.citation.short) | \(cell(r.source ?? "de wettekst")) |") }
    m += ["", "## Begrippen", "", "| begrip | soort | type | artikelen | elders anders gedefinieerd |", "|---|---|---|---|---|"]
    for b in p.begrippen { m.append("| \(b.name) | \(b.kind) | \(b.type) | \(b.citations.map(\.short).joined(separator: ", ")) | \(cell(b.elsewhere.joined(separator: "; "))) |") }
    m += ["", "## Traceerbaarheid", "", "| artikel | regels | invoer | uitvoer | rekenvoorbeelden |", "|---|---|---|---|---|"]
    for t in p.trace { m.append("| \(t.article.short) | \(cell(t.rules.joined(separator: ", "))) | \(cell(t.inputs.joined(separator: ", "))) | \(t.outputs.joined(separator: ", ")) | \(cell(t.examples.joined(separator: "; "))) |") }
    m += ["", "## Dekking", "", "\(p.formalised) van \(p.formalised + p.open.count) te formaliseren annotaties geformaliseerd; \(p.open.count) open.", ""]
    for o in p.open { m.append("- \(o.formulering) (\(o.jasClass.rawValue), \(o.citation.short))") }
    m += ["", "## Interpretatiekeuzes", ""]
    for d in p.decisions {
      m += ["### \(d.title) (\(d.status.rawValue))", "", "- artikel: \(d.citation.short)", "- vraag: \(d.question)"]
      m += ["- alternatieven:"] + d.alternatives.map { "  - \($0)" }
      m += ["- keuze: \(d.choice)", "- reden: \(d.reason)", "- besloten door: \(d.decidedBy)", "- raakt: \(d.affects.map(\.description).joined(separator: ", "))", ""]
    }
    return m.joined(separator: "\n") + "\n"
  }

  static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}

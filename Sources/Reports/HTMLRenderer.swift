import Toetssteen

/// The report as one self-contained HTML file: inline CSS and SVG, no scripts, no network. Citations
/// are links to the article's entry in the appendix, which links on to wetten.overheid.nl.
public enum HTMLRenderer {
  public static func render(_ r: Report) -> String {
    var h = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    h += "<title>\(HTMLText.escape(r.title))</title><style>\(style)</style></head><body>"
    h += "<header><h1>\(HTMLText.escape(r.title))</h1><p class=\"sub\">\(HTMLText.escape(r.subtitle))</p><dl class=\"meta\">"
    for kv in r.meta { h += "<dt>\(HTMLText.escape(kv.key))</dt><dd>\(HTMLText.escape(kv.value))</dd>" }
    h += "</dl><nav><ol>"
    for s in r.sections { h += "<li><a href=\"#\(s.id)\">\(HTMLText.escape(s.title))</a></li>" }
    h += "<li><a href=\"#bijlage\">Bijlage: artikelen</a></li></ol></nav></header><main>"
    for s in r.sections {
      h += "<section id=\"\(s.id)\"><h2>\(HTMLText.escape(s.title))</h2>"
      for p in s.paragraphs { h += paragraph(p) }
      for c in s.charts { h += "<figure id=\"\(c.id)\">\(SVGChart.render(c))<figcaption>\(HTMLText.escape(c.title)) (\(HTMLText.escape(c.unit)))</figcaption></figure>" }
      for t in s.tables { h += table(t) }
      h += "</section>"
    }
    h += "<section id=\"bijlage\"><h2>Bijlage: artikelen</h2>"
    for a in r.articles {
      h += "<article id=\"\(a.anchor)\" class=\"artikel\"><h3>\(HTMLText.escape(a.label))</h3><p class=\"bron\"><a href=\"\(HTMLText.escape(a.url))\">wetten.overheid.nl</a> · <code>\(HTMLText.escape(a.jci))</code></p>"
      for line in a.text { h += "<p>\(HTMLText.escape(line))</p>" }
      if a.text.isEmpty { h += "<p class=\"leeg\">De tekst van dit artikel staat niet in de gecodeerde regeling.</p>" }
      h += "</article>"
    }
    h += "</section></main><footer>Gemaakt met toets report. Synthetische huishoudens; geen personen, geen profilering.</footer></body></html>\n"
    return h
  }

  static func paragraph(_ p: Report.Paragraph) -> String {
    var s = "<p\(p.emphasis ? " class=\"bevinding\"" : "")>\(HTMLText.escape(p.text))"
    if !p.citations.isEmpty { s += " " + citations(p.citations) }
    return s + "</p>"
  }

  static func citations(_ refs: [Report.Reference]) -> String {
    "<span class=\"bronnen\">[" + refs.map { "<a href=\"#\($0.anchor)\">\(HTMLText.escape($0.label))</a>" }.joined(separator: ", ") + "]</span>"
  }

  static func table(_ t: Report.Table) -> String {
    var s = "<table id=\"\(t.id)\"><caption>\(HTMLText.escape(t.title))"
    if !t.citations.isEmpty { s += " " + citations(t.citations) }
    s += "</caption><thead><tr>"
    for c in t.columns { s += "<th class=\"\(c.kind)\">\(HTMLText.escape(c.name))</th>" }
    s += "</tr></thead><tbody>"
    for row in t.rows {
      s += "<tr>"
      for (i, cell) in row.enumerated() { s += "<td class=\"\(i < t.columns.count ? t.columns[i].kind : "tekst")\">\(HTMLText.escape(cell.display))</td>" }
      s += "</tr>"
    }
    s += "</tbody></table>"
    if let note = t.note { s += "<p class=\"noot\">\(HTMLText.escape(note))</p>" }
    return s
  }

  static let style = """
    body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;max-width:1100px;margin:0 auto;padding:0 1.2em 3em}
    header{border-bottom:3px solid #154273;margin-bottom:1em}h1{color:#154273;margin-bottom:.2em}.sub{color:#555;margin-top:0}
    .meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;font-size:.9em}.meta dt{color:#555}.meta dd{margin:0}
    nav ol{columns:2}h2{color:#154273;border-bottom:1px solid #ccc;margin-top:2em}
    table{border-collapse:collapse;margin:1em 0;width:100%;font-size:.92em}caption{text-align:left;font-weight:600;padding:.3em 0}
    th,td{border-bottom:1px solid #ddd;padding:.25em .5em;vertical-align:top}th{background:#eef3f8;text-align:left}
    td.aantal,td.euro,td.percentage,th.aantal,th.euro,th.percentage{text-align:right;font-variant-numeric:tabular-nums}
    .bevinding{background:#fff8e1;border-left:4px solid #e0a800;padding:.4em .7em}.noot{font-size:.85em;color:#555;margin-top:-.6em}
    .bronnen{font-size:.85em;color:#555}a{color:#154273}figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
    svg .pos{fill:#3a7bbf}svg .neg{fill:#c0392b}svg .as{stroke:#333;stroke-width:1}svg text{font-size:12px;fill:#333}
    svg .lijn{fill:none;stroke:#3a7bbf;stroke-width:2}svg .punt{fill:#154273}
    .artikel{border-left:3px solid #ccc;padding-left:.8em;margin:1em 0}.artikel h3{margin:.2em 0}.bron{font-size:.85em}
    footer{margin-top:3em;font-size:.85em;color:#555}@media print{nav{display:none}}
    """
}


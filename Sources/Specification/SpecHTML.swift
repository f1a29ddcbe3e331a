import ExactArithmetic
import Foundation
import LegalSource
import LegalText
import RuleIR
import Toetssteen

/// The specification site as HTML: one self-contained page per law version (text with colour-coded
/// annotations and the rules beside it, parameters, begrippen, traceability, coverage, open
/// choices), and an index. No scripts, no network.
public enum SpecHTML {
  public static func page(_ p: LawPage, all: [LawPage]) -> String {
    var h = head("\(p.title) (\(p.validity))")
    h += "<header><p><a href=\"index.html\">Alle regelingen</a></p><h1>\(escape(p.title))</h1>"
    h += "<p class=\"sub\">\(escape(p.header.shortTitle)) · \(escape(p.header.bwb)) · geldig \(escape(p.validity)) · toestand \(DutchFormat.date(p.header.toestand))</p>"
    h += "<p class=\"bron\">Bron: \(escape(p.header.source))</p>"
    let openChoices = p.decisions.filter { $0.status == .open }
    if !openChoices.isEmpty {
      h += "<div class=\"open\"><strong>\(openChoices.count) open interpretatiekeuze\(openChoices.count == 1 ? "" : "s")</strong> — nog niet afgestemd met beleid en wetgeving: "
      h += openChoices.map { "<a href=\"#keuze-\($0.id)\">\(escape($0.title))</a>" }.joined(separator: ", ") + "</div>"
    }
    h += "<nav><a href=\"#tekst\">Tekst en regels</a> · <a href=\"#parameters\">Parameters</a> · <a href=\"#begrippen\">Begrippen</a> · <a href=\"#traceerbaarheid\">Traceerbaarheid</a> · <a href=\"#dekking\">Dekking</a> · <a href=\"#keuzes\">Interpretatiekeuzes</a></nav></header><main>"
    h += legend()
    h += "<section id=\"tekst\"><h2>Tekst en regels</h2>"
    for a in p.articles {
      h += "<article id=\"\(anchor(a.citation))\"><h3>\(escape(a.title))</h3>"
      for part in a.parts {
        h += "<div class=\"rij\"><div class=\"wettekst\">"
        if let heading = part.heading { h += "<h4>\(escape(heading))</h4>" }
        for paragraph in paragraphs(part.text) { h += "<p>\(AnnotatedText.html(paragraph))</p>" }
        h += "</div><div class=\"regels\">"
        for r in part.rules { h += "<pre class=\"regelblok\">\(escape(r))</pre>" }
        for id in part.decisions {
          if let d = p.decisions.first(where: { $0.id == id }) {
            h += "<p class=\"keuzeverwijzing \(d.status.rawValue)\">Interpretatiekeuze (\(d.status.rawValue)): <a href=\"#keuze-\(d.id)\">\(escape(d.title))</a></p>"
          }
        }
        for e in part.examples { h += "<details class=\"voorbeeld\"><summary>Rekenvoorbeeld</summary><pre>\(escape(e))</pre></details>" }
        h += "</div></div>"
      }
      h += "</article>"
    }
    h += "</section><section id=\"parameters\"><h2>Parameters</h2><table><thead><tr><th>parameter</th><th>type</th><th>vanaf</th><th>tot</th><th>waarde</th><th>artikel</th><th>bron</th></tr></thead><tbody>"
    for r in p.parameters {
      h += "<tr><td>\(escape(r.name))</td><td>\(escape(r.type))</td><td>\(r.from.iso)</td><td>\(r.until?.iso ?? "–")</td><td class=\"getal\">\(escape(r.value))</td><td>\(link(r.citation, in: p))</td><td>\(escape(r.source ?? "de wettekst"))</td></tr>"
    }
    h += "</tbody></table></section><section id=\"begrippen\"><h2>Begrippen</h2><table><thead><tr><th>begrip</th><th>soort</th><th>type</th><th>artikelen</th><th>elders anders gedefinieerd</th></tr></thead><tbody>"
    for b in p.begrippen {
      h += "<tr><td>\(escape(b.name))</td><td>\(b.kind)</td><td>\(escape(b.type))</td><td>\(b.citations.map { link($0, in: p) }.joined(separator: ", "))</td><td>\(escape(b.elsewhere.joined(separator: "; ")))</td></tr>"
    }
    h += "</tbody></table></section><section id=\"traceerbaarheid\"><h2>Traceerbaarheid: artikel ↔ regel ↔ invoer/uitvoer ↔ rekenvoorbeeld</h2><table><thead><tr><th>artikel</th><th>regels</th><th>invoer</th><th>uitvoer</th><th>rekenvoorbeelden</th></tr></thead><tbody>"
    for t in p.trace {
      h += "<tr><td>\(link(t.article, in: p))</td><td>\(escape(t.rules.joined(separator: ", ")))</td><td>\(escape(t.inputs.joined(separator: ", ")))</td><td>\(escape(t.outputs.joined(separator: ", ")))</td><td>\(t.examples.isEmpty ? "–" : escape(t.examples.joined(separator: "; ")))</td></tr>"
    }
    let total = p.formalised + p.open.count
    h += "</tbody></table></section><section id=\"dekking\"><h2>Dekking van de annotaties</h2><p>\(p.formalised) van \(total) te formaliseren annotaties zijn geformaliseerd; \(p.open.count) open.</p>"
    if !p.open.isEmpty {
      h += "<table><thead><tr><th>formulering</th><th>klasse</th><th>artikel</th></tr></thead><tbody>"
      for o in p.open { h += "<tr><td>\(escape(o.formulering))</td><td><mark class=\"jas jas-\(o.jasClass.rawValue)\">\(o.jasClass.rawValue)</mark></td><td>\(link(o.citation, in: p))</td></tr>" }
      h += "</tbody></table>"
    }
    h += "</section><section id=\"keuzes\"><h2>Interpretatiekeuzes</h2><p>Waar de vertaling van tekst naar regels een keuze vroeg. Een open keuze is nog niet afgestemd met beleid en wetgeving; zij hoort niet buiten hun zicht door ICT te worden gemaakt.</p>"
    if p.decisions.isEmpty { h += "<p>Geen keuzes voor deze regeling vastgelegd.</p>" }
    for d in p.decisions {
      h += "<div class=\"keuze \(d.status.rawValue)\" id=\"keuze-\(d.id)\"><h3>\(escape(d.title)) <span class=\"status\">\(d.status.rawValue)</span></h3>"
      h += "<dl><dt>artikel</dt><dd>\(link(d.citation, in: p))</dd><dt>vraag</dt><dd>\(escape(d.question))</dd><dt>alternatieven</dt><dd><ul>"
      h += d.alternatives.map { "<li>\(escape($0))</li>" }.joined() + "</ul></dd><dt>keuze</dt><dd>\(escape(d.choice))</dd><dt>reden</dt><dd>\(escape(d.reason))</dd>"
      h += "<dt>besloten door</dt><dd>\(escape(d.decidedBy))</dd><dt>raakt de regels</dt><dd>\(escape(d.affects.map { $0.law == p.code ? $0.name : $0.description }.joined(separator: ", ")))</dd></dl></div>"
    }
    h += "</section></main></body></html>\n"
    return h
  }

  public static func index(_ pages: [LawPage]) -> String {
    var h = head("Specificaties van de gecodeerde regelingen")
    h += "<header><h1>Specificaties</h1><p class=\"sub\">Per regeling en versie: de wettekst met JAS-annotaties, de regels ernaast, parameters met bronnen, begrippen, traceerbaarheid, dekking en open interpretatiekeuzes.</p></header><main><table><thead><tr><th>regeling</th><th>versie</th><th>artikelen</th><th>dekking</th><th>open keuzes</th></tr></thead><tbody>"
    for p in pages {
      let openChoices = p.decisions.filter { $0.status == .open }.count
      let coverage = "\(p.formalised)/\(p.formalised + p.open.count)"
      h += "<tr><td><a href=\"\(p.fileName).html\">\(escape(p.title))</a></td><td>\(escape(p.validity))</td>"
      h += "<td class=\"getal\">\(p.articles.count)</td><td class=\"getal\">\(coverage)</td><td class=\"getal\">\(openChoices)</td></tr>"
    }
    return h + "</tbody></table></main></body></html>\n"
  }

  /// Lines joined into paragraphs: a blank line ends one, and so does a line that opens a list item
  /// (`1.`, `a.`, `-`), as the law's own numbering starts a new lid or onderdeel.
  static func paragraphs(_ lines: [String]) -> [String] {
    var out: [String] = []
    var current: [String] = []
    func flush() {
      if !current.isEmpty { out.append(current.joined(separator: " ")) }
      current = []
    }
    for raw in lines {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { flush(); continue }
      if line.range(of: #"^(\d+[a-z]?\.|[a-z]{1,3}\.|-|\*|#)\s"#, options: .regularExpression) != nil || line.hasPrefix("|") { flush() }
      current.append(line)
    }
    flush()
    return out
  }

  static func legend() -> String {
    "<aside class=\"legenda\" id=\"legenda\"><strong>Legenda JAS-klassen:</strong> " + JASClass.allCases.map { "<mark class=\"jas jas-\($0.rawValue)\">\($0.rawValue)</mark>" }.joined(separator: " ") + "</aside>"
  }

  /// A link to an article: inside this page when the article is here, else to wetten.overheid.nl.
  static func link(_ c: Citation, in p: LawPage) -> String {
    if c.bwb == p.header.bwb, p.articles.contains(where: { $0.citation.artikel == c.artikel }) {
      let target = p.articles.first { $0.citation.artikel == c.artikel }!.citation
      return "<a href=\"#\(anchor(target))\">\(escape(c.short))</a>"
    }
    return "<a href=\"\(escape(c.url))\">\(escape(c.short))</a>"
  }

  static func anchor(_ c: Citation) -> String {
    "art-" + String((c.artikel ?? "inleiding").map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }

  static func head(_ title: String) -> String {
    "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(escape(title))</title><style>\(style)\(AnnotatedText.css)</style></head><body>"
  }

  static let style = """
    body{font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:1280px;margin:0 auto;padding:0 1.2em 3em}
    h1,h2{color:#154273}h2{border-bottom:1px solid #ccc;margin-top:2em}.sub,.bron{color:#555}.bron{font-size:.85em}
    nav{margin:.5em 0}.open{background:#fff3cd;border-left:4px solid #e0a800;padding:.5em .8em;margin:.8em 0}
    .rij{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2em;border-top:1px dotted #ddd;padding:.4em 0}
    .regelblok{background:#f4f7fb;border-left:3px solid #3a7bbf;padding:.5em;white-space:pre-wrap;font-size:.85em;margin:0 0 .5em}
    .voorbeeld pre{white-space:pre-wrap;font-size:.8em;background:#fafafa;padding:.4em}
    mark.jas{padding:0 .15em;border-radius:3px}mark sub{font-size:.6em;color:#555;margin-left:.15em}
    .legenda{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.4em 0;font-size:.85em;z-index:1}
    table{border-collapse:collapse;width:100%;font-size:.9em;margin:.8em 0}th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
    th{background:#eef3f8}td.getal{text-align:right;font-variant-numeric:tabular-nums}
    .keuze dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}.keuze dd{margin:0}.keuze dd ul{margin:0;padding-left:1.2em}
    .keuzeverwijzing{font-size:.85em;background:#fff8e1;padding:.2em .5em}.keuze{border-left:4px solid #999;padding:.2em .8em;margin:.8em 0}.keuze.open{border-color:#e0a800}.status{font-size:.75em;background:#eee;padding:.1em .4em;border-radius:3px}
    @media (max-width:800px){.rij{grid-template-columns:1fr}}
    """

  static func escape(_ s: String) -> String { HTMLText.escape(s) }

}

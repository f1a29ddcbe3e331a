#if Beslisservice
/// The workbench's script (``WorkbenchPage``): posts the document to `/v1/evaluate`, renders the
/// answer with Dutch number and date conventions, and builds the explanation tree from the trace on
/// demand (a step's inputs are rendered when it is opened, so a trace of thousands of steps stays quick).
/// Text from the answer is only ever inserted as text, never as markup.
enum WorkbenchScript {
  static let source = #"""
    // Examples/huishouden-met-loon.json (a test keeps the two equal).
    const voorbeeld = {"partnerschap": "gehuwd", "personen": [{"id": "a", "rol": "aanvrager", "geboortedatum": "1985-03-01", "loon": "32000.00", "vermogen": "12000.00"}, {"id": "p", "rol": "partner", "geboortedatum": "1987-07-15", "loon": "9000.00", "uitkering": "3000.00"}, {"id": "k1", "rol": "kind", "geboortedatum": "2019-06-01"}], "relatie": {"gezamenlijk_kind": true}, "woning": {"huurder": true, "zelfstandig": true, "rekenhuur": "768.00"}};
    const maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    const $ = id => document.getElementById(id);

    function el(tag, props, ...children) {
      const node = document.createElement(tag);
      Object.assign(node, props || {});
      for (const child of children) if (child !== null && child !== undefined) node.append(child);
      return node;
    }
    function datum(iso) {
      const [j, m, d] = iso.split("-").map(Number);
      return d + " " + maanden[m - 1] + " " + j;
    }
    function euro(text) {
      if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
      const negatief = text.startsWith("-");
      let [heel, deel = ""] = (negatief ? text.slice(1) : text).split(".");
      heel = heel.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
      if (deel.length < 2) deel = (deel + "00").slice(0, 2);
      return (negatief ? "− " : "") + "€ " + heel + "," + deel;
    }
    function artikelLink(a) {
      return el("a", { href: a.url, target: "_blank", rel: "noopener", title: a.artikel }, a.kort);
    }

    function stapNode(trace, index, diepte) {
      const stap = trace[index];
      const kop = el("summary", {},
        el("code", {}, stap.naam), stap.persoon ? " (" + stap.persoon + ")" : "", " = ",
        el("span", { className: "waarde" }, stap.onbepaald ? "onbepaald: " + stap.onbepaald.reden : stap.weergave),
        stap.artikel ? " · " : "", stap.artikel ? artikelLink(stap.artikel) : null);
      const node = el("details", {}, kop);
      let gevuld = false;
      node.addEventListener("toggle", () => {
        if (!node.open || gevuld) return;
        gevuld = true;
        if (stap.regel) node.append(el("div", { className: "regel" }, stap.regel));
        if (stap.formule) node.append(el("div", {}, "formule: ", el("code", {}, stap.formule)));
        for (const invoer of stap.invoer || []) node.append(el("div", {}, "invoer ", el("code", {}, invoer.naam), " = " + invoer.waarde + " (" + invoer.bron + ")"));
        for (const r of stap.regels || []) node.append(el("div", {}, r.artikel + ": " + r.uitkomst + (r.uitzondering ? " (uitzondering)" : "")));
        if (diepte > 60) { node.append(el("div", {}, "…")); return; }
        for (const gebruikt of stap.gebruikt || []) node.append(stapNode(trace, gebruikt, diepte + 1));
      });
      return node;
    }

    function toonUitkomst(antwoord, ms) {
      const doel = $("uitkomst");
      doel.replaceChildren();
      const uitkomsten = Object.entries(antwoord.outputs || {});
      const onbepaald = Object.entries(antwoord.onbepaald || {});
      $("status").textContent = "Berekend voor " + datum(antwoord.date) + " in " + ms + " ms: " + uitkomsten.length +
        " uitkomsten, " + onbepaald.length + " onbepaald.";
      for (const w of antwoord.waarschuwingen || []) doel.append(el("div", { className: "waarschuwing" }, w));
      const tabel = el("table", {}, el("tr", {}, el("th", {}, "uitkomst"), el("th", {}, "bedrag")));
      for (const [id, waarde] of uitkomsten) tabel.append(el("tr", {}, el("td", {}, el("code", {}, id)), el("td", { className: "bedrag" }, euro(waarde))));
      doel.append(tabel);
      if (onbepaald.length) {
        doel.append(el("h3", {}, "Onbepaald"));
        const lijst = el("table", {}, el("tr", {}, el("th", {}, "uitkomst"), el("th", {}, "waarom"), el("th", {}, "artikelen")));
        for (const [id, u] of onbepaald) {
          const artikelen = el("td", {});
          u.artikelen.forEach((a, i) => { if (i) artikelen.append(", "); artikelen.append(artikelLink(a)); });
          lijst.append(el("tr", {}, el("td", {}, el("code", {}, id)), el("td", {}, u.reden), artikelen));
        }
        doel.append(lijst);
      }
      if (antwoord.trace) {
        doel.append(el("h3", {}, "Uitleg per uitkomst"));
        for (const [id] of uitkomsten.concat(onbepaald)) {
          const index = (antwoord.uitvoerstappen || {})[id];
          if (index === undefined) continue;
          const boom = stapNode(antwoord.trace, index, 0);
          boom.querySelector("summary").prepend(el("strong", {}, id + ": "));
          doel.append(boom);
        }
      }
    }

    function toonFout(status, fout) {
      const doel = $("uitkomst");
      $("status").textContent = "De service antwoordde " + status + ".";
      const blok = el("div", { className: "fout" }, el("strong", {}, fout.melding || "onbekende fout"));
      if (fout.veld) blok.append(el("div", {}, "veld: ", el("code", {}, fout.veld)));
      if (fout.verwacht) blok.append(el("div", {}, "verwacht: " + fout.verwacht));
      const problemen = el("ul", {});
      for (const p of fout.problemen || []) {
        const plaats = p.regel === null ? "" : "regel " + p.regel + ", kolom " + p.kolom + ": ";
        problemen.append(el("li", {}, plaats, p.veld ? el("code", {}, p.veld) : "", " " + p.melding));
      }
      blok.append(problemen);
      doel.replaceChildren(blok);
    }

    async function bereken(event) {
      if (event) event.preventDefault();
      const uitleg = $("uitleg").checked ? "ja" : "nee";
      const begin = performance.now();
      $("status").textContent = "bezig…";
      try {
        const antwoord = await fetch("/v1/evaluate?datum=" + encodeURIComponent($("datum").value) + "&uitleg=" + uitleg,
          { method: "POST", headers: { "Content-Type": "application/json" }, body: $("huishouden").value });
        const inhoud = await antwoord.json();
        if (antwoord.ok) toonUitkomst(inhoud, Math.round(performance.now() - begin));
        else toonFout(antwoord.status, inhoud);
      } catch (fout) {
        toonFout("niet", { melding: "de service is niet bereikbaar: " + fout });
      }
    }

    async function regelingen() {
      const lijst = $("regelingen");
      try {
        const antwoord = await (await fetch("/v1/regulations")).json();
        lijst.replaceChildren(...antwoord.regelingen.map(r => el("li", {}, el("strong", {}, r.citeertitel), " — " +
          r.versies.map(v => "vanaf " + datum(v.geldigVanaf) + (v.geldigTot ? " tot " + datum(v.geldigTot) : "")).join("; "))));
      } catch (fout) {
        lijst.replaceChildren(el("li", {}, "niet te laden: " + fout));
      }
    }

    function voorbeeldTerug() { $("huishouden").value = JSON.stringify(voorbeeld, null, 2); }
    $("invoer").addEventListener("submit", bereken);
    $("voorbeeld").addEventListener("click", voorbeeldTerug);
    voorbeeldTerug();
    regelingen();
    bereken();
    """#
}
#endif

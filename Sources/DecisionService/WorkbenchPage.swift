#if Beslisservice
import Hummingbird

/// `GET /`: the workbench. One page with its own script and style (`/werkbank.js`, `/werkbank.css`;
/// nothing from elsewhere, nothing inline) on which a team enters
/// a household document and a date, and reads what the service answers: every outcome in euros as
/// people write them, every undecided outcome with its reason and articles, the warnings, and per
/// outcome the explanation as a tree of the values it used, each with its article linked to
/// wetten.overheid.nl. It calls the same `POST /v1/evaluate` any client calls, and shows the service's
/// own error messages (with line and column) when the document is wrong.
enum WorkbenchPage {
  /// The page, its script or its style, with a policy that allows only this service's own files: no
  /// inline script, no other origin, no framing.
  static func response(_ text: String, type: String) -> Response {
    Response(
      status: .ok,
      headers: [
        .contentType: "\(type); charset=utf-8",
        .contentSecurityPolicy: "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        .init("X-Content-Type-Options")!: "nosniff",
      ],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  static let style = """
    body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f3; }
    header { background: #154273; color: #fff; padding: .8em 1.5em; display: flex; gap: 2em; align-items: baseline; }
    header h1 { font-size: 1.25em; margin: 0; }
    header a { color: #cfe0f4; }
    main { display: grid; grid-template-columns: minmax(22em, 1fr) 2fr; gap: 1.5em; padding: 1.5em; }
    section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1em 1.2em; }
    label { display: block; margin: .6em 0 .2em; font-weight: 600; }
    textarea { width: 100%; box-sizing: border-box; min-height: 26em; font: 13px/1.4 ui-monospace, monospace; }
    button { margin-top: .8em; padding: .45em 1.2em; font-size: 1em; background: #154273; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    button.secondary { background: #e4e4e0; color: #1b1b1b; }
    table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
    th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid #eee; vertical-align: top; }
    td.bedrag { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .fout { background: #fdecea; border-left: 4px solid #b3261e; padding: .6em .9em; }
    .waarschuwing { background: #fff6dd; border-left: 4px solid #c58a00; padding: .4em .9em; margin: .3em 0; }
    .status { color: #555; margin: .3em 0 .8em; }
    details { margin-left: 1.1em; }
    summary { cursor: pointer; }
    .waarde { font-weight: 600; }
    .regel { color: #555; font-style: italic; }
    code { background: #f0f0ec; padding: 0 .25em; }

    """

  static let html = """
    <!doctype html>
    <html lang="nl">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Toetssteen — werkbank</title>
    <link rel="stylesheet" href="/werkbank.css">
    </head>
    <body>
    <header><h1>Toetssteen — werkbank</h1>
      <span>Eén huishouden, alle gecodeerde regelingen, met de uitleg per artikel.</span>
      <a href="/v1/openapi.json">OpenAPI</a> <a href="/v1/regulations">regelingen</a> <a href="/healthz">status</a></header>
    <main>
    <section>
      <form id="invoer">
        <label for="datum">Peildatum</label>
        <input id="datum" type="date" value="2026-01-01" required>
        <label><input id="uitleg" type="checkbox" checked> met uitleg per artikel</label>
        <label for="huishouden">Huishoudendocument (JSON, zie het integratiecontract)</label>
        <textarea id="huishouden" spellcheck="false"></textarea>
        <button type="submit">Bereken</button>
        <button type="button" class="secondary" id="voorbeeld">Voorbeeld terugzetten</button>
      </form>
      <h2>Regelingen</h2>
      <ul id="regelingen"><li>laden…</li></ul>
    </section>
    <section>
      <h2>Uitkomsten</h2>
      <p class="status" id="status">nog niet berekend</p>
      <div id="uitkomst"></div>
    </section>
    </main>
    <script src="/werkbank.js"></script>
    </body>
    </html>

    """
}
#endif

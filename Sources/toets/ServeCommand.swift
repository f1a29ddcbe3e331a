#if Beslisservice
import ArgumentParser
import DecisionService
import Foundation
import Hummingbird
import Logging
import Toetssteen

/// `toets serve`: the decision service on loopback (``DecisionService``), until interrupted.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "De beslisservice: de regels achter HTTP, met een werkbank in de browser.",
    discussion: """
      Start een HTTP-server (standaard alleen op 127.0.0.1:8080) die huishoudens doorrekent zoals \
      'toets evaluate --format json', en een werkbank op / waarin je een huishouden invoert en de \
      uitkomsten met hun uitleg per artikel leest.

        POST /v1/evaluate?datum=2026-01-01   body: het huishoudendocument (JSON)
                                             &uitleg=nee: zonder trace (veel sneller)
        GET  /v1/regulations                 regelingen, versies, artikelen, uitvoer
        GET  /v1/openapi.json                de OpenAPI-beschrijving
        GET  /healthz                        draait de service? lopende berekeningen
        GET  /                               de werkbank

      Grenzen: een huishoudendocument van ten hoogste 1 MiB; ten hoogste --concurrency berekeningen \
      tegelijk en --queue wachtend (daarboven meteen 503 te-druk); een berekening die niet binnen \
      --timeout seconden klaar is, wordt afgebroken (503 tijdslimiet); een verzoek moet binnen \
      --read-timeout seconden binnen zijn en een antwoord binnen --write-timeout seconden \
      afgenomen, anders sluit de verbinding. Een verzoek zonder Content-Type: application/json \
      krijgt 415.

      Met --port 0 kiest het systeem een vrije poort; de regel 'luistert op http://…' noemt hem. \
      Stoppen: Ctrl-C of SIGTERM (lopende verzoeken worden afgemaakt).

      Voorbeelden:
        toets serve
        toets serve --port 9000 --timeout 5
        curl -s -H 'Content-Type: application/json' --data-binary @huishouden.json \\
          'http://127.0.0.1:8080/v1/evaluate?datum=2026-01-01&uitleg=nee'
      """)

  @Option(name: .customLong("host"), help: ArgumentHelp("Adres om op te luisteren; 0.0.0.0 voor alle netwerken.", valueName: "adres"))
  var host = "127.0.0.1"

  @Option(name: .customLong("port"), help: ArgumentHelp("Poort (0: een vrije poort).", valueName: "poort"))
  var port = 8080

  @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconden van verzoek tot antwoord (wachten en rekenen).", valueName: "seconden"))
  var timeout: Double = 10

  @Option(name: .customLong("concurrency"), help: ArgumentHelp("Berekeningen tegelijk (standaard: het aantal kernen).", valueName: "n"))
  var concurrency = ProcessInfo.processInfo.activeProcessorCount

  @Option(name: .customLong("queue"), help: ArgumentHelp("Verzoeken die op een rekenplaats mogen wachten.", valueName: "n"))
  var queue = 64

  @Option(name: .customLong("read-timeout"), help: ArgumentHelp("Seconden om een heel verzoek te sturen.", valueName: "seconden"))
  var readTimeout: Double = 15

  @Option(name: .customLong("write-timeout"), help: ArgumentHelp("Seconden waarin een client een antwoord moet afnemen.", valueName: "seconden"))
  var writeTimeout: Double = 60

  @OptionGroup var regulations: RegulationOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port moet tussen 0 en 65535 liggen, niet \(port)") }
    guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency moet tussen 1 en 1024 liggen, niet \(concurrency)") }
    guard (0...100_000).contains(queue) else { throw ValidationError("--queue moet tussen 0 en 100000 liggen, niet \(queue)") }
    for (name, seconds) in [("--timeout", timeout), ("--read-timeout", readTimeout), ("--write-timeout", writeTimeout)] where !(0.001...3600).contains(seconds) {
      throw ValidationError("\(name) moet tussen 0,001 en 3600 seconden liggen, niet \(seconds)")
    }
  }

  func run() async throws {
    let (engine, directory) = try regulations.engine()
    let limits = DecisionService.Limits(
      timeout: .milliseconds(Int64((timeout * 1000).rounded())), concurrent: concurrency, waiting: queue,
      readTimeout: .milliseconds(Int64((readTimeout * 1000).rounded())), writeTimeout: .milliseconds(Int64((writeTimeout * 1000).rounded())))
    let service = DecisionService(engine: engine, limits: limits)
    var logger = Logger(label: "toets serve")
    logger.logLevel = .warning
    let laws = engine.program.laws.count
    let app = service.application(host: host, port: port, logger: logger) { channel in
      let bound = channel.localAddress?.port ?? port
      let shown = host.contains(":") ? "[\(host)]" : host
      Terminal.error("toets serve: \(laws) regelingen uit \(directory); luistert op http://\(shown):\(bound)/ (werkbank op /, stoppen met Ctrl-C)")
    }
    do { try await app.runService() } catch {
      Terminal.error("toets serve: kan niet luisteren op \(host):\(port): \(error)")
      throw ExitCode(1)
    }
  }
}
#endif

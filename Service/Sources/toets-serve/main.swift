import DecisionService
import Foundation
import Hummingbird
import Toetssteen

/// `toets-serve [--port P] [--host H] [--regulations MAP]`: the decision service on loopback by default
/// (`--regelingen` is the Dutch spelling of earlier versions, still accepted).
let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}
if arguments.contains("--help") || arguments.contains("-h") {
  print("""
    toets-serve: de beslisservice van Toetssteen.

      toets-serve [--host 127.0.0.1] [--port 8080] [--regulations Regulations]

      POST /v1/evaluate?datum=2025-01-01   body: het huishoudendocument; antwoord als `toets evaluate --format json`
      GET  /v1/regulations                 regelingen, versies, artikelen, uitvoer
      GET  /v1/openapi.json                de OpenAPI-beschrijving
    """)
  exit(0)
}
let directory = option("--regulations") ?? option("--regelingen") ?? RegulationLoader.defaultDirectory() ?? "Regulations"
let compiled = Engine.compile(directory: directory)
guard let engine = compiled.engine else {
  FileHandle.standardError.write(Data("toets-serve: de regelingen in '\(directory)' bevatten fouten; zie 'toets check'.\n".utf8))
  exit(2)
}
guard let port = Int(option("--port") ?? "8080"), (1...65535).contains(port) else {
  FileHandle.standardError.write(Data("toets-serve: --port moet een poortnummer zijn\n".utf8))
  exit(2)
}
let service = DecisionService(engine: engine)
let app = Application(router: service.router(), configuration: .init(address: .hostname(option("--host") ?? "127.0.0.1", port: port)))
FileHandle.standardError.write(Data("toets-serve: \(engine.program.laws.count) regelingen uit \(directory), luistert op \(option("--host") ?? "127.0.0.1"):\(port)\n".utf8))
try await app.runService()

import Foundation
import TestSupport
import Testing

/// `toets report`: the files it writes, and clear errors for a variant it cannot use.
@Suite("toets report", .serialized)
struct ReportCommandTests {
  typealias CLI = CommandLineTests

  @Test("schrijft HTML, JSON, een CSV per tabel en de voorbeeldhuishoudens")
  func writesFiles() throws {
    let dir = try Scratch.directory("toets-report")
    defer { try? FileManager.default.removeItem(at: dir) }
    let variant = CLI.root.appendingPathComponent("Scenarios/varianten/kgb-afbouw-7,60.yaml").path
    let out = dir.appendingPathComponent("rapport").path
    let r = try CLI.run(["report", "--variant", variant, "--households", "2000", "--steekproef", "300", "--uit", out])
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(Set(files).isSuperset(of: ["rapport.html", "rapport.json", "tabellen"]))
    let tables = try FileManager.default.contentsOfDirectory(atPath: out + "/tabellen")
    #expect(tables.contains("variant-banden.csv") && tables.contains("overgangsrecht-afbouw.csv") && tables.contains("fraude-rangorde.csv"))
    #expect(!files.contains { $0.contains(".tmp") })
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/rapport.json"))) as? [String: Any])
    // Overview, variant, samenloop, fraud, budget lines and armoedeval, overgangsrecht, method.
    #expect((json["sections"] as? [Any])?.count == 7)
    #expect(tables.contains("armoedeval.csv") && tables.contains("budgetlijn-knikken.csv") && tables.contains("marginale-druk-combinaties.csv"))
    // The default three seeds give the budget effect an interval; spending stands beside entitlement.
    let text = try String(contentsOfFile: out + "/rapport.json", encoding: .utf8)
    #expect(text.contains("Steekproefonzekerheid: op 3 bevolkingen (zaden 2025, 2026, 2027)"))
    #expect(text.contains("In uitgaven, na het niet-gebruik van het scenario"))
    #expect(text.contains("Gevoeligheid: met het gewicht van de breedste band leeftijdsverschil (30 tot 40 jaar) verdubbeld"))
    let one = try CLI.run(["report", "--variant", variant, "--households", "2000", "--steekproef", "300", "--seeds", "1", "--uit", out])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(try String(contentsOfFile: out + "/rapport.json", encoding: .utf8).contains("Eén bevolking doorgerekend: de cijfers hebben geen interval."))
    let bad = try CLI.run(["report", "--variant", variant, "--seeds", "0", "--uit", out])
    #expect(bad.status != 0 && bad.stderr.contains("--seeds: van 1 tot en met 20 zaden"))
  }

  @Test("een variant met een onbekende parameter of een verkeerd getal: melding met de bekende namen, exit 2")
  func badVariant() throws {
    let dir = try Scratch.directory("toets-report")
    defer { try? FileManager.default.removeItem(at: dir) }
    let unknown = dir.appendingPathComponent("onbekend.yaml")
    try "naam: fout\nparameters:\n  - parameter: kindgebonden_budget.afbouwprocent\n    waarde: 7 %\n".write(to: unknown, atomically: true, encoding: .utf8)
    let r = try CLI.run(["report", "--variant", unknown.path, "--households", "100", "--uit", dir.appendingPathComponent("r").path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("onbekende parameter 'kindgebonden_budget.afbouwprocent'"))
    #expect(r.stderr.contains("afbouwpercentage"))
    let wrong = dir.appendingPathComponent("getal.yaml")
    try "naam: fout\nparameters:\n  - parameter: kindgebonden_budget.afbouwpercentage\n    waarde: 7,6\n".write(to: wrong, atomically: true, encoding: .utf8)
    let w = try CLI.run(["report", "--variant", wrong.path, "--households", "100", "--uit", dir.appendingPathComponent("r").path])
    #expect(w.status == 2)
    #expect(w.stderr.contains("is een percentage"))
  }
}

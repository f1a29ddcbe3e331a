import Foundation
import TestSupport
import Testing

/// `toets validate`: the published figures beside the model, written whole, and bad input refused.
@Suite("toets validate", .serialized)
struct ValidateCommandTests {
  typealias CLI = CommandLineTests

  @Test("schrijft HTML, JSON, Markdown en CSV en noemt ieder cijfer met zijn afwijking")
  func writes() throws {
    let dir = try Scratch.directory("toets-validatie")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("validatie").path
    let r = try CLI.run(["validate", "--households", "3000", "--seeds", "2", "--uit", out])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("huishoudens met huurtoeslag: "))
    #expect(r.stdout.contains(" tegen 1.500.000 ("))
    for name in ["rapport.html", "rapport.json", "rapport.md", "tabellen/validatie.csv", "tabellen/invoermarges.csv", "tabellen/gevoeligheid.csv"] {
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "\(name) ontbreekt")
    }
    let html = try String(contentsOfFile: "\(out)/rapport.html", encoding: .utf8)
    #expect(html.contains("<svg") && html.contains("Invoermarges"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "tijdelijke bestanden: \(leftovers)")
  }

  @Test("een verschreven uitvoer in het validatiebestand en een onbekende regeling in niet_gebruik: exit 2 met suggestie")
  func refused() throws {
    let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/validatie.yaml"), encoding: .utf8)
    let spec = try Scratch.file("validatie", ext: "yaml", text.replacingOccurrences(of: "uitvoer: aow.bruto_maandbedrag", with: "uitvoer: aow.bruto_maandbedrg"))
    defer { try? FileManager.default.removeItem(at: spec) }
    let r = try CLI.run(["validate", "--households", "1000", "--seeds", "1", "--validatie", spec.path, "--uit", "/tmp/niet-geschreven"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("bedoelt u 'aow.bruto_maandbedrag'?"), "\(r.stderr)")
    let scenarioText = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/nederland.yaml"), encoding: .utf8)
    let scenario = try Scratch.file("scenario", ext: "yaml", scenarioText.replacingOccurrences(of: "  huurtoeslag: 110", with: "  huurtoeslg: 110"))
    defer { try? FileManager.default.removeItem(at: scenario) }
    let s = try CLI.run(["simulate", "--households", "100", "--scenario", scenario.path])
    #expect(s.status == 2)
    #expect(s.stderr.contains("niet_gebruik.huurtoeslg: geen regeling met een betaling; bedoelt u 'huurtoeslag'?"), "\(s.stderr)")
  }

  @Test("een lege --uit, te weinig huishoudens, een uitvoer zonder versie op de peildatum of uitgaven zonder niet-gebruik: geweigerd")
  func refusedBeforeComputing() throws {
    let empty = try CLI.run(["validate", "--uit", ""])
    #expect(empty.status != 0 && empty.stderr.contains("--output: geef een map"), "\(empty.stderr)")
    let few = try CLI.run(["validate", "--households", "10", "--uit", "/tmp/niet-geschreven"])
    #expect(few.status != 0 && few.stderr.contains("ten minste 1000 huishoudens"), "\(few.stderr)")
    let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/validatie.yaml"), encoding: .utf8)
    let future = try Scratch.file("validatie", ext: "yaml", text.replacingOccurrences(of: "peildatum: 2025-07-01", with: "peildatum: 2031-07-01"))
    defer { try? FileManager.default.removeItem(at: future) }
    let r = try CLI.run(["validate", "--households", "1000", "--seeds", "1", "--validatie", future.path, "--uit", "/tmp/niet-geschreven"])
    #expect(r.status == 2 && r.stderr.contains("aow.bruto_maandbedrag heeft geen versie die geldt op 2031-07-01"), "\(r.stderr)")
    let aowFigure = "uitvoer: aow.bruto_maandbedrag\n    samen_met: [aow.vakantie_uitkering]\n    maat: jaartotaal\n    grondslag: "
    let spendingText = text.replacingOccurrences(of: aowFigure + "recht", with: aowFigure + "uitgaven")
    #expect(spendingText != text, "het AOW-cijfer in Scenarios/validatie.yaml ziet er anders uit dan deze test verwacht")
    let spending = try Scratch.file("validatie", ext: "yaml", spendingText)
    defer { try? FileManager.default.removeItem(at: spending) }
    let s = try CLI.run(["validate", "--households", "1000", "--seeds", "1", "--validatie", spending.path, "--uit", "/tmp/niet-geschreven"])
    #expect(s.status == 2 && s.stderr.contains("grondslag 'uitgaven', maar het scenario heeft geen niet_gebruik voor aow"), "\(s.stderr)")
  }
}

import Foundation
import TestSupport
import Testing

/// `toets simulate` as the contract fixes it: the summary's fields, the same totals on any number of
/// threads, `--verify`, and exports that appear whole.
@Suite("toets simulate", .serialized)
struct SimulateCommandTests {
  typealias CLI = CommandLineTests

  static func simulate(_ extra: [String]) throws -> CommandLineTests.Run {
    try CLI.run(["simulate", "--date", "2025-01-01", "--households", "3000", "--seed", "11"] + extra)
  }

  @Test("de JSON-samenvatting heeft per uitvoer total, recipients en mean")
  func summaryFields() throws {
    let r = try Self.simulate(["--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["date"] as? String == "2025-01-01")
    #expect(json["seed"] as? Int == 11)
    let outputs = try #require(json["outputs"] as? [String: [String: Any]])
    for id in ["zorgtoeslag.jaarbedrag", "huurtoeslag.maandbedrag"] {
      let o = try #require(outputs[id], "uitvoer \(id) ontbreekt")
      let total = try #require(o["total"] as? String)
      #expect(total.allSatisfy { $0.isNumber || $0 == "." }, "total is een exacte decimale string: \(total)")
      #expect((o["recipients"] as? Int ?? 0) > 0)
      #expect(o["mean"] is String)
    }
  }

  @Test("hetzelfde zaad geeft dezelfde samenvatting met 1 en 2 threads")
  func threads() throws {
    let one = try Self.simulate(["--format", "json", "--threads", "1"])
    let two = try Self.simulate(["--format", "json", "--threads", "2"])
    #expect(one.status == 0 && two.status == 0)
    #expect(one.stdout == two.stdout)
  }

  @Test("--verify rekent huishoudens na met de referentie-evaluator")
  func verify() throws {
    let r = try Self.simulate(["--format", "json", "--verify", "300"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("verify: 300 huishoudens"))
    #expect(r.stderr.contains("gelijk aan de referentie-evaluator"))
  }

  @Test("--csv, --sqlite en --personen-csv schrijven complete bestanden en geen tijdelijke resten")
  func exports() throws {
    let dir = try Scratch.directory("toets-export")
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("huishoudens.csv").path
    let persons = dir.appendingPathComponent("personen.csv").path
    let sqlite = dir.appendingPathComponent("huishoudens.sqlite").path
    let r = try Self.simulate(["--csv", csv, "--sqlite", sqlite, "--personen-csv", persons])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
    #expect(rows.count == 3001)
    #expect(rows[0].hasPrefix("huishouden,huishoudtype,personen,toetsingsinkomen_huishouden,"))
    #expect(rows[0].contains("zorgtoeslag.jaarbedrag,zorgtoeslag.jaarbedrag.status"))
    let people = try String(contentsOfFile: persons, encoding: .utf8).split(separator: "\n")
    #expect(people[0].hasPrefix("huishouden,rol,"))
    #expect(people.count > 3001)
    let header = try #require(FileManager.default.contents(atPath: sqlite)?.prefix(16))
    #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3\u{0}")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "tijdelijke bestanden achtergebleven: \(leftovers)")
  }

  @Test("een export naar een map die niet bestaat faalt met een melding, zonder half bestand")
  func failedExport() throws {
    let missing = try Self.simulate(["--csv", "/bestaat/niet/huishoudens.csv"])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("kan '/bestaat/niet/huishoudens.csv' niet schrijven: de map '/bestaat/niet' bestaat niet"), "\(missing.stderr)")
    // A parent that is a file: the write fails even for root, and nothing is left beside that file.
    let dir = try Scratch.directory("toets-export-mislukt")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bestand.txt")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let target = file.appendingPathComponent("huishoudens.csv").path
    let r = try Self.simulate(["--csv", target])
    #expect(r.status != 0)
    #expect(r.stderr.contains("kan '\(target)' niet schrijven: '\(file.path)' is geen map"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bestand.txt"])
    #expect(try String(contentsOf: file, encoding: .utf8) == "x")
  }
}

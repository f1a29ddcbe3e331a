import Foundation
import TestSupport
import Testing

/// `toets simulate --tables` and `toets sql` as a user meets them: the three tables appear together
/// in the directory, their columns are the ones `toets sql --tables` declares, and a directory that
/// cannot be used ends in a message naming it — exit 1, nothing half written, never a signal.
@Suite("toets simulate --tables en toets sql", .serialized)
struct TablesCommandTests {
  typealias CLI = CommandLineTests

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("toets-tables-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("De drie tabellen verschijnen samen, met de kolommen die toets sql verwacht")
  func tablesMatchTheSchema() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = root.appendingPathComponent("bevolking/2025")
    let run = try CLI.run(["simulate", "--date", "2025-07-01", "--households", "200", "--tables", dir.path])
    #expect(run.status == 0, "\(run.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["huishoudens.csv", "personen.csv", "uitkomsten.csv"], "geen achtergebleven tijdelijke bestanden: \(names)")
    let ddl = try CLI.run(["sql", "--tables"])
    #expect(ddl.status == 0, "\(ddl.stderr)")
    for table in ["huishoudens", "personen"] {
      let header = try String(contentsOf: dir.appendingPathComponent("\(table).csv"), encoding: .utf8).prefix { $0 != "\n" }
      let body = ddl.stdout.components(separatedBy: "CREATE TABLE \(table) (")[1].components(separatedBy: ");")[0]
      let declared = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        .map { String($0.split(separator: " ")[0]) }
      #expect(header.split(separator: ",").map(String.init) == declared, "\(table): \(header) tegen \(declared)")
    }
    let outcomes = try String(contentsOf: dir.appendingPathComponent("uitkomsten.csv"), encoding: .utf8)
    #expect(outcomes.hasPrefix("huishouden,aow_bruto_maandbedrag,aow_bruto_maandbedrag_reden,"))
    #expect(outcomes.split(separator: "\n").count == 201)
  }

  @Test("Een pad dat geen map is, of een koppeling waar een tabel moet komen: exit 1 met de naam, niets geschreven")
  func unusableDirectory() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("een-bestand")
    try Data("x".utf8).write(to: file)
    let notDirectory = try CLI.run(["simulate", "--households", "20", "--tables", file.path])
    #expect(notDirectory.status == 1)
    #expect(notDirectory.stderr.contains("bestaat en is geen map"), "\(notDirectory.stderr)")
    let below = try CLI.run(["simulate", "--households", "20", "--tables", file.appendingPathComponent("sub").path])
    #expect(below.status == 1)
    #expect(below.stderr.contains("niet aanmaken: Not a directory"), "\(below.stderr)")
    let dir = root.appendingPathComponent("tabellen")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("personen.csv"), withDestinationURL: file)
    let link = try CLI.run(["simulate", "--households", "20", "--tables", dir.path])
    #expect(link.status == 1)
    #expect(link.stderr.contains("personen.csv' bestaat en is geen gewoon bestand"), "\(link.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["personen.csv"])
    #expect(try String(contentsOf: file, encoding: .utf8) == "x")
  }

  @Test("toets sql: een onbekend dialect en een kapotte variant zijn fouten met uitleg")
  func sqlErrors() throws {
    let dialect = try CLI.run(["sql", "--dialect", "oracle"])
    #expect(dialect.status == 64)
    #expect(dialect.stderr.contains("'duckdb' and 'spark'"), "\(dialect.stderr)")
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let variant = root.appendingPathComponent("v.yaml")
    try Data("naam: x\r\nparametres:\r\n  a: 1\r\n".utf8).write(to: variant)
    let broken = try CLI.run(["sql", "--variant", variant.path])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("onbekende sleutel 'parametres'; bedoelt u 'parameters'?"), "\(broken.stderr)")
  }
}

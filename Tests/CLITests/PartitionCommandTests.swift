import Foundation
import TestSupport
import Testing

/// `toets simulate --partition i/n` and `--table-format` as a cluster job meets them: the parts' tables,
/// put one after the other, are the tables of one run byte for byte; every mistake in the arguments is
/// refused before any work, with what is wrong.
@Suite("toets simulate --partition en --table-format", .serialized)
struct PartitionCommandTests {
  typealias CLI = CommandLineTests

  @Test("De tabellen van drie delen zijn samen die van één run, tot op de byte")
  func partsJoinToTheWhole() throws {
    let root = try TablesCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let whole = root.appendingPathComponent("heel")
    let parts = root.appendingPathComponent("delen")
    let common = ["simulate", "--date", "2025-07-01", "--households", "40000", "--seed", "7"]
    let one = try CLI.run(common + ["--tables", whole.path])
    #expect(one.status == 0, "\(one.stderr)")
    for i in 1...3 {
      let run = try CLI.run(common + ["--partition", "\(i)/3", "--tables", parts.path, "--format", "json"])
      #expect(run.status == 0, "\(run.stderr)")
      let block = "\"partition\": {\n    \"index\": \(i),\n    \"count\": 3,\n    \"first_household\": \((i - 1) * 16384),\n    \"population_households\": 40000\n  }"
      #expect(run.stdout.contains(block), "\(run.stdout.prefix(400))")
    }
    for table in ["huishoudens", "personen", "uitkomsten"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: parts.appendingPathComponent(table).path).sorted()
      #expect(names == ["deel-1-van-3.csv", "deel-2-van-3.csv", "deel-3-van-3.csv"], "\(table): \(names)")
      var joined = ""
      for (k, name) in names.enumerated() {
        let text = try String(contentsOf: parts.appendingPathComponent(table).appendingPathComponent(name), encoding: .utf8)
        joined += k == 0 ? text : String(text.drop { $0 != "\n" }.dropFirst())
      }
      let expected = try String(contentsOf: whole.appendingPathComponent("\(table).csv"), encoding: .utf8)
      #expect(joined == expected, "\(table): de delen samen wijken af van één run")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parts.path).sorted() == ["delen", "huishoudens", "personen", "uitkomsten"])
    // Every part names the population it belongs to, the same for all three, and its own households.
    let manifests = try (1...3).map { try String(contentsOf: parts.appendingPathComponent("delen/deel-\($0)-van-3.txt"), encoding: .utf8) }
    #expect(Set(manifests.map { $0.prefix { $0 != "\n" } }).count == 1)
    #expect(manifests[0].hasPrefix("bevolking: huishoudens=40000 zaad=7 peildatum=2025-07-01 scenario="), "\(manifests[0])")
    #expect(manifests[2].hasSuffix("deel: 3 van 3, huishoudens 32768 tot en met 39999\n"), "\(manifests[2])")
  }

  @Test("Het manifest van een deel neemt de regelingen mee: een gewijzigd bestand geeft een andere bevolking, een kopie elders dezelfde")
  func manifestFingerprintsRegulations() throws {
    let root = try TablesCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let copy = root.appendingPathComponent("regels")
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Regulations"), to: copy)
    func origin(_ regulations: URL?, _ name: String) throws -> String {
      let out = root.appendingPathComponent(name)
      let run = try CLI.run(["simulate", "--date", "2025-07-01", "--households", "20000", "--seed", "7", "--partition", "1/2", "--tables", out.path]
        + (regulations.map { ["--regulations", $0.path] } ?? []))
      #expect(run.status == 0, "\(run.stderr)")
      let manifest = try String(contentsOf: out.appendingPathComponent("delen/deel-1-van-2.txt"), encoding: .utf8)
      return String(manifest.prefix { $0 != "\n" })
    }
    let original = try origin(nil, "a")
    #expect(original.contains(" regelingen="), "\(original)")
    #expect(try origin(copy, "b") == original, "dezelfde bestanden op een andere plek zijn dezelfde regelingen")
    let article = try #require(FileManager.default.enumerator(atPath: copy.path)?.compactMap { $0 as? String }.sorted().first { $0.hasSuffix(".md") })
    let file = copy.appendingPathComponent(article)
    try (try String(contentsOf: file, encoding: .utf8) + "\n").write(to: file, atomically: true, encoding: .utf8)
    let changed = try origin(copy, "c")
    #expect(changed != original, "\(article) gewijzigd, maar het manifest bleef gelijk")
    #expect(changed.components(separatedBy: " regelingen=")[0] == original.components(separatedBy: " regelingen=")[0], "alleen de regelingen verschillen")
  }

  @Test("Een deel dat er niet is, of meer delen dan blokken: geweigerd voor er iets gebeurt", arguments: [
    (["--partition", "4/3"], "het deel moet van 1 tot en met 3 zijn"),
    (["--partition", "drie"], "is geen deel; schrijf i/n"),
    (["--partition", "0/2"], "het deel moet van 1 tot en met 2 zijn"),
    (["--partition", "3/8"], "3 blokken van hoogstens 16384 huishoudens, en een blok wordt niet gesplitst; verdeel in hoogstens 3 delen"),
    (["--table-format", "parquet"], "--table-format geldt voor --tables"),
    (["--table-format", "xlsx", "--tables", "x"], "'csv' and 'parquet'"),
  ])
  func refusals(_ extra: [String], _ message: String) throws {
    let run = try CLI.run(["simulate", "--households", "40000"] + extra)
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test("Een deel dat niet in het geheugen past noemt het deel, niet de hele bevolking, en raadt meer delen aan")
  func partTooLarge() throws {
    let run = try CLI.run(["simulate", "--households", "9223372036854775807", "--partition", "1/2"])
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains("--partition 1/2 (4611686018427387904 huishoudens) vraagt meer dan een 64-bits machine"), "\(run.stderr)")
    #expect(run.stderr.contains("Verdeel de bevolking in meer delen (--partition i/n)"), "\(run.stderr)")
  }

  @Test("Parquet zonder bruikbare DuckDB: exit 2 met wat er mis is en hoe het te verhelpen, voor het genereren")
  func parquetNeedsDuckDB() throws {
    let root = try TablesCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = root.appendingPathComponent("t").path
    for (value, message) in [("nergens/duckdb", "DUCKDB='nergens/duckdb' is geen uitvoerbaar programma"), ("/nergens/duckdb", "DUCKDB='/nergens/duckdb' is geen uitvoerbaar programma")] {
      let run = try CLI.run(["simulate", "--households", "100", "--tables", dir, "--table-format", "parquet"], environment: ["DUCKDB": value])
      #expect(run.status == 2, "\(run.stderr)")
      #expect(run.stderr.contains(message) && run.stderr.contains("pip install duckdb-cli"), "\(run.stderr)")
    }
    let none = try CLI.run(["simulate", "--households", "100", "--tables", dir, "--table-format", "parquet"], environment: ["DUCKDB": "", "PATH": "/nergens"])
    #expect(none.status == 2, "\(none.stderr)")
    #expect(none.stderr.contains("geen duckdb gevonden op PATH"), "\(none.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir), "niets geschreven")
  }
}

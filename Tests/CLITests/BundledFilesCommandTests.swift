import Foundation
import TestSupport
import Testing

/// A `toets` binary copied out of its checkout: it finds the regulations, the scenario, the variants
/// and the example households built into it, unpacks them into the user's cache, repairs a copy that
/// was changed, and refuses a cache it cannot trust with a clear message.
@Suite("toets buiten de checkout", .serialized)
struct BundledFilesCommandTests {
  typealias CLI = CommandLineTests

  /// A directory with a copy of the binary and an empty cache, far from any checkout.
  struct Elsewhere {
    let root: URL
    var binary: URL { root.appendingPathComponent("bin/toets") }
    var cache: URL { root.appendingPathComponent("cache") }
    var work: URL { root.appendingPathComponent("werk") }

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("toets-elders-\(UUID().uuidString)")
      for folder in ["bin", "werk"] {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
      }
      try FileManager.default.copyItem(at: CLI.executable, to: binary)
    }

    func run(_ arguments: [String], cache: URL? = nil) throws -> CLI.Run {
      try CLI.run(
        arguments, environment: ["TOETS_CACHE": (cache ?? self.cache).path], binary: binary, in: work,
        unset: ["TOETS_REGELINGEN", "TOETS_SCENARIO", "XDG_CACHE_HOME"])
    }

    /// The directory the built-in files were unpacked into.
    func unpacked() throws -> URL {
      let base = cache.appendingPathComponent("ingebouwd")
      let names = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { !$0.hasPrefix(".") }
      try #require(names.count == 1, "\(names)")
      return base.appendingPathComponent(names[0])
    }
  }

  @Test("check, simulate en evaluate werken met de ingebouwde bestanden en geven hetzelfde als in de checkout")
  func runsOutsideTheCheckout() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    let check = try elsewhere.run(["check", "--skip-examples"])
    #expect(check.status == 0, "\(check.stderr)")
    let unpacked = try elsewhere.unpacked()
    #expect(check.stdout.contains("gelezen uit \(unpacked.path)/Regulations"), "\(check.stdout)")
    let simulate = ["simulate", "--date", "2025-07-01", "--households", "2000", "--seed", "3", "--format", "json"]
    let outside = try elsewhere.run(simulate)
    let inside = try CLI.run(simulate)
    #expect(outside.status == 0, "\(outside.stderr)")
    #expect(outside.stdout == inside.stdout)
    let evaluate = try elsewhere.run(["evaluate", "--date", "2026-01-01", "--household", "Examples/huishouden-met-loon.json"])
    #expect(evaluate.status == 0, "\(evaluate.stderr)")
    #expect(evaluate.stderr.contains("'Examples/huishouden-met-loon.json' staat niet in de werkmap; toets gebruikt de ingebouwde versie"))
    #expect(evaluate.stdout == (try CLI.run(["evaluate", "--date", "2026-01-01", "--household", "Examples/huishouden-met-loon.json"])).stdout)
    let mode = try FileManager.default.attributesOfItem(atPath: elsewhere.cache.path)[.posixPermissions] as? Int
    #expect(mode == 0o700)
  }

  @Test("een gewijzigde, ontbrekende of toegevoegde regeling in de cache wordt hersteld")
  func repairsTheCopy() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    #expect(try elsewhere.run(["check", "--skip-examples"]).status == 0)
    let unpacked = try elsewhere.unpacked()
    let zorgtoeslag = unpacked.appendingPathComponent("Regulations/zorgtoeslag/2025-01-01.md")
    let original = try Data(contentsOf: zorgtoeslag)
    let broken = unpacked.appendingPathComponent("Regulations/extra.md")
    try Data("# kapot\n".utf8).write(to: broken)
    try Data(original.prefix(500)).write(to: zorgtoeslag)
    try FileManager.default.removeItem(at: unpacked.appendingPathComponent("Regulations/aow/2025-01-01.md"))
    let again = try elsewhere.run(["check", "--skip-examples"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: zorgtoeslag) == original)
    #expect(!FileManager.default.fileExists(atPath: broken.path))
    #expect(FileManager.default.fileExists(atPath: unpacked.appendingPathComponent("Regulations/aow/2025-01-01.md").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: elsewhere.cache.appendingPathComponent("ingebouwd").path)
    #expect(Set(leftovers) == [unpacked.lastPathComponent, ".slot"], "geen tijdelijke mappen achtergelaten: \(leftovers)")
  }

  @Test("een cache die een bestand is of die anderen kunnen beschrijven: een duidelijke fout, niets geschreven")
  func untrustedCache() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    let file = elsewhere.root.appendingPathComponent("bestand")
    try Data("x".utf8).write(to: file)
    let shared = elsewhere.root.appendingPathComponent("gedeeld")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared.path)
    for (cache, reason) in [(file, "geen map"), (shared, "niet alleen van deze gebruiker schrijfbaar")] {
      let r = try elsewhere.run(["simulate", "--households", "1000"], cache: cache)
      #expect(r.status != 0)
      #expect(r.stderr.contains("de ingebouwde regelingen zijn niet te gebruiken") && r.stderr.contains(reason), "\(r.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).isEmpty)
  }

  @Test("vier processen die tegelijk uitpakken: alle vier rekenen goed, één kopie, geen resten")
  func concurrentUnpacking() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    let reference = try CLI.run(["simulate", "--date", "2025-07-01", "--households", "1000", "--seed", "9", "--format", "json"])
    let results = ConcurrentRuns()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      results.add(try? elsewhere.run(["simulate", "--date", "2025-07-01", "--households", "1000", "--seed", "9", "--format", "json"]))
    }
    #expect(results.runs.count == 4)
    for r in results.runs { #expect(r.status == 0 && r.stdout == reference.stdout, "\(r.stderr)") }
    let names = try FileManager.default.contentsOfDirectory(atPath: elsewhere.cache.appendingPathComponent("ingebouwd").path)
    #expect(names.filter { !$0.hasPrefix(".") }.count == 1 && names.filter { $0.hasPrefix(".") } == [".slot"], "\(names)")
  }

  @Test("een eigen scenario in de werkmap gaat voor het ingebouwde")
  func localScenarioComesFirst() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    let scenarios = elsewhere.work.appendingPathComponent("Scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/nederland.yaml"), encoding: .utf8)
    try Data(text.replacingOccurrences(of: "naam: Nederland (CBS 2022-2024)", with: "naam: Eigen scenario").utf8)
      .write(to: scenarios.appendingPathComponent("nederland.yaml"))
    let r = try elsewhere.run(["simulate", "--date", "2025-07-01", "--households", "1000"])
    #expect(r.status == 0 && r.stdout.hasPrefix("Simulatie Eigen scenario"), "\(r.stdout.prefix(200)) \(r.stderr)")
  }

  @Test("een map Regulations in de werkmap gaat voor de ingebouwde")
  func editedFolderComesFirst() throws {
    let elsewhere = try Elsewhere()
    defer { try? FileManager.default.removeItem(at: elsewhere.root) }
    try FileManager.default.copyItem(
      at: CLI.root.appendingPathComponent("Tests/CLITests/Fixtures/gebroken"), to: elsewhere.work.appendingPathComponent("Regulations"))
    let r = try elsewhere.run(["check"])
    #expect(r.status != 0 && r.stdout.contains("gelezen uit Regulations."), "\(r.stdout)")
    #expect(!FileManager.default.fileExists(atPath: elsewhere.cache.path), "de ingebouwde regelingen zijn niet uitgepakt")
  }
}

/// The runs of several processes started side by side.
final class ConcurrentRuns: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var runs: [CommandLineTests.Run] = []

  func add(_ run: CommandLineTests.Run?) {
    guard let run else { return }
    lock.lock()
    runs.append(run)
    lock.unlock()
  }
}

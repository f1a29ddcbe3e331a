import Foundation
import TestSupport
import Testing

/// `--backend native` as a user meets it: compiling once with a message, the same summary as the
/// interpreter, and every way the compiler or the cache can be wrong ending in a clear message —
/// exit 2 for a compiler the user named that does not work, the interpreter with a warning for a
/// cache that cannot be used or has been damaged; never a signal.
@Suite("toets simulate --backend", .serialized)
struct BackendCommandTests {
  typealias CLI = CommandLineTests

  static func simulate(_ backend: String, cache: URL, environment: [String: String] = [:]) throws -> CommandLineTests.Run {
    try CLI.run(
      ["simulate", "--date", "2025-07-01", "--households", "300", "--seed", "5", "--format", "json", "--backend", backend],
      environment: ["TOETS_CACHE": cache.path].merging(environment) { _, new in new })
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("toets-backend-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("native compileert eenmalig, haalt daarna uit de cache, herbouwt een beschadigde bibliotheek; steeds dezelfde samenvatting")
  func compileCacheAndDamage() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let cache = root.appendingPathComponent("cache")
    let interpreter = try Self.simulate("interpreter", cache: cache)
    #expect(interpreter.status == 0, "\(interpreter.stderr)")
    let cold = try Self.simulate("native", cache: cache)
    #expect(cold.status == 0, "\(cold.stderr)")
    #expect(cold.stderr.contains("als C gecompileerd"), "\(cold.stderr)")
    #expect(cold.stdout == interpreter.stdout)
    let warm = try Self.simulate("native", cache: cache)
    #expect(warm.status == 0 && !warm.stderr.contains("gecompileerd"), "\(warm.stderr)")
    #expect(warm.stdout == interpreter.stdout)
    // The cache directory is private to this account.
    let mode = try FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions] as? Int
    #expect(mode == 0o700)
    // Truncate every library: dlopen would map the missing pages and die of SIGBUS; it must rebuild.
    let kernels = cache.appendingPathComponent("kernels")
    let libraries = try FileManager.default.contentsOfDirectory(atPath: kernels.path).filter { $0.hasSuffix(".so") }
    #expect(!libraries.isEmpty)
    for name in libraries {
      let url = kernels.appendingPathComponent(name)
      try Data(try Data(contentsOf: url).prefix(1_000)).write(to: url)
    }
    let damaged = try Self.simulate("native", cache: cache)
    #expect(damaged.status == 0, "\(damaged.stderr)")
    #expect(damaged.stderr.contains("als C gecompileerd"), "\(damaged.stderr)")
    #expect(damaged.stdout == interpreter.stdout)
  }

  @Test("een cachemap die een bestand is of die anderen kunnen beschrijven: waarschuwing, de interpreter rekent")
  func unusableCache() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("bestand")
    try Data("x".utf8).write(to: file)
    let shared = root.appendingPathComponent("gedeeld")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared.path)
    let reference = try Self.simulate("interpreter", cache: file)
    for (cache, message) in [(file, "geen map"), (shared, "niet alleen van deze gebruiker schrijfbaar")] {
      let r = try Self.simulate("native", cache: cache)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.contains("waarschuwing: --backend native") && r.stderr.contains(message), "\(r.stderr)")
      #expect(r.stdout == reference.stdout)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).isEmpty, "niets geschreven in een gedeelde map")
  }

  @Test("TOETS_CC die niet werkt of geen absoluut pad is: exit 2 met de reden, geen andere compiler ervoor in de plaats")
  func explicitCompiler() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    for (compiler, message) in [("/bin/false", "antwoordt niet op --version"), ("clang", "absoluut pad"), ("/nonexistent/cc", "absoluut pad")] {
      let r = try Self.simulate("native", cache: root, environment: ["TOETS_CC": compiler])
      #expect(r.status == 2, "\(compiler): \(r.stderr)")
      #expect(r.stderr.contains("TOETS_CC=\(compiler)") && r.stderr.contains(message), "\(r.stderr)")
    }
  }
}

import Foundation
import TestSupport
import Testing

/// The targets Package.swift compiles with -O in debug builds too (Population, Synthesis, RuleKernel):
/// under -O an `assert` is never evaluated, so a check written as one would pass `swift test` unseen.
/// Those targets state their checks with `precondition` or a thrown error instead.
@Suite("Doelen die ook in debug geoptimaliseerd zijn")
struct OptimisedDebugTargetsTests {
  /// The targets whose declaration in Package.swift carries `-O` for the debug configuration.
  static func optimisedTargets() throws -> [String] {
    let manifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    // Each declaration runs from `.target(` to the next; the name is its first `name: "…"`.
    return manifest.components(separatedBy: ".target(").dropFirst().compactMap { declaration in
      guard declaration.contains(#"unsafeFlags(["-O"], .when(configuration: .debug))"#),
        let start = declaration.range(of: #"name: ""#),
        let end = declaration[start.upperBound...].firstIndex(of: "\"")
      else { return nil }
      return String(declaration[start.upperBound..<end])
    }
  }

  @Test("Population, Synthesis en RuleKernel zijn het, en geen van hun bestanden leunt op assert")
  func noAssertions() throws {
    let targets = try Self.optimisedTargets()
    #expect(targets.sorted() == ["Population", "RuleKernel", "Synthesis"])
    var offenders: [String] = []
    for target in targets {
      let folder = Repository.root.appendingPathComponent("Sources/\(target)")
      let files = (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { $0.hasSuffix(".swift") }
      #expect(!files.isEmpty, "Sources/\(target) heeft geen Swift-bestanden")
      for file in files {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains("assert(") || line.contains("assertionFailure(") {
          offenders.append("Sources/\(target)/\(file):\(n + 1)")
        }
      }
    }
    #expect(offenders.isEmpty, "assert onder -O wordt niet uitgevoerd: \(offenders.joined(separator: ", "))")
  }
}

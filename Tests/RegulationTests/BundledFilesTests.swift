import Foundation
import Testing
import Toetssteen

/// What is built into toets is the checkout's Regulations/, scenarios and examples, byte for byte: the
/// build-tool plugin missed nothing and embedded nothing stale. (On a fresh clone this always holds;
/// after a file is added and then edited without the package being planned again, it fails and says
/// how to rebuild.)
@Suite("De ingebouwde bestanden")
struct BundledFilesTests {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The files the plugin is meant to build in, found here independently of it.
  static func expectedPaths() -> [String] {
    let fm = FileManager.default
    var paths: [String] = []
    if let walker = fm.enumerator(atPath: root.appendingPathComponent("Regulations").path) {
      while let item = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = "Regulations/" + item
        if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue,
          !item.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        {
          paths.append(path)
        }
      }
    }
    for (folder, suffix) in [("Scenarios", ".yaml"), ("Scenarios/varianten", ".yaml"), ("Examples", ".json")] {
      let names = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      paths += names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
    }
    return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  @Test("dezelfde bestanden als in de checkout, byte voor byte")
  func sameAsCheckout() throws {
    let hint = "bouw opnieuw na 'touch Package.swift' (de plugin EmbedBundledFiles zag een wijziging niet)"
    let expected = Self.expectedPaths()
    #expect(expected.contains("Regulations/zorgtoeslag/2026-01-01.md") && expected.contains("Scenarios/nederland.yaml"))
    #expect(BundledFiles.paths == expected, "\(hint)")
    for path in expected {
      let onDisk = try Data(contentsOf: Self.root.appendingPathComponent(path))
      #expect(BundledFiles.bytes(of: path) == onDisk, "\(path): \(hint)")
    }
  }
}

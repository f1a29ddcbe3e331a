import Foundation
import LegalSource
import Toetssteen

/// The first line of a part's manifest (`delen/deel-i-van-n.txt`): what makes the population and its
/// outcomes. The parts of one run of N households agree on it; parts of another size, seed, date,
/// scenario, variant or set of regulations do not, and the Spark and DuckDB jobs refuse to read them
/// as one table.
enum PopulationOrigin {
  /// `huishoudens=… zaad=… peildatum=… scenario=… variant=… regelingen=…`, each file a 64-bit
  /// FNV-1a fingerprint. `regelingen` covers every file under the regulations directory (the
  /// outcomes follow from all of them) and the amended documents a variant names.
  static func line(_ s: Simulation, regulations: String, scenario: String, variant: String?, amended: [String]) throws -> String {
    var rules = FNV1a()
    for (name, path) in try files(under: regulations) + amended.sorted().map({ ("variant:" + $0, $0) }) {
      rules.add(Array(name.utf8) + [0])
      try add(path, to: &rules)
    }
    return "huishoudens=\(s.populationHouseholds) zaad=\(s.seed) peildatum=\(s.date.iso) "
      + "scenario=\(try fingerprint(scenario)) variant=\(try variant.map(fingerprint) ?? "geen") regelingen=\(rules.hex)"
  }

  /// Every regular file below `directory`, by its path relative to it, sorted; hidden entries
  /// (an editor's swap file, `.DS_Store`) are left out.
  static func files(under directory: String) throws -> [(name: String, path: String)] {
    let root = URL(fileURLWithPath: directory)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
      throw OriginError(description: "kan de map '\(directory)' niet lezen")
    }
    var found: [(String, String)] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
      let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)).trimmingPrefix("/")
      found.append((String(relative), url.path))
    }
    return found.sorted { $0.0 < $1.0 }
  }

  static func fingerprint(_ path: String) throws -> String {
    var hash = FNV1a()
    try add(path, to: &hash)
    return hash.hex
  }

  /// Mixes a file's length and bytes into `hash`; a file that cannot be read is an error, never a
  /// fingerprint that would match another unreadable file.
  static func add(_ path: String, to hash: inout FNV1a) throws {
    guard let data = FileManager.default.contents(atPath: path) else { throw OriginError(description: "kan '\(path)' niet lezen voor de vingerafdruk van de bevolking") }
    hash.add(length: data.count)
    hash.add(data)
  }
}

/// A file the manifest must fingerprint cannot be read.
struct OriginError: Error, CustomStringConvertible {
  let description: String
}

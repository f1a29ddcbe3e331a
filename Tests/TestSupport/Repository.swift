import Foundation
import Toetssteen

/// The checkout the tests run in: its root, the real regulations compiled once, and paths under it.
public enum Repository {
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// `Regulations/` of the checkout.
  public static var regulations: String { path("Regulations") }

  /// The real regulations, compiled once per test process.
  public static let engine: Engine = {
    guard let engine = Engine.compile(directory: regulations).engine else { fatalError("de regelingen in \(regulations) compileren niet; draai 'toets check'") }
    return engine
  }()

  /// An absolute path for `relative` inside the checkout.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

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

  /// A household document of 100 persons (an earner and 99 children), the most a document may hold
  /// and the slowest to evaluate: for tests of time limits.
  public static let largestHouseholdJSON: String = {
    var persons = [#"{"id": "a", "rol": "aanvrager", "geboortedatum": "1960-03-01", "loon": "30000.00", "vermogen": "0"}"#]
    persons += (0..<99).map { #"{"id": "k\#($0)", "rol": "kind", "geboortedatum": "2015-06-01"}"# }
    return #"{"personen": [\#(persons.joined(separator: ", "))], "woning": {"huurder": true, "zelfstandig": true, "rekenhuur": "768.00"}}"#
  }()

  /// An absolute path for `relative` inside the checkout.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

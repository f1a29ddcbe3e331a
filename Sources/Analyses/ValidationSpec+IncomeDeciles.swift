import Foundation
import Population
import LegalSource
import Synthesis

extension ValidationSpec {
  /// A published table of households per decile of standardised disposable income, by household type
  /// (`inkomensverdeling` in the validation file): who sits where in the income distribution. The model
  /// gives the same table from its own net income (``uitvoer``), standardised with the scenario's
  /// equivalence factors, on the first population.
  public struct IncomeDeciles: Sendable, Codable {
    public var bron: String
    /// The year the published table is about.
    public var jaar: Int64
    /// The net income output the model ranks households by (`netto.jaarinkomen`).
    public var uitvoer: String
    /// The model's household types, in the order of the columns (``HouseholdType/label``).
    public var typen: [String]
    /// Ten rows, lowest decile first: per type the households, in any one unit (only the shares count).
    public var decielen: [[Int64]]
    /// How the published table is defined differently from the model's.
    public var definitie: String

    static let shape = YAMLShape.mapping([
      "bron": .value, "jaar": .value, "uitvoer": .value, "typen": .list(.value), "decielen": .value, "definitie": .value,
    ])

    /// The household types of ``typen``, in order (checked by ``check(path:outputs:)``).
    public var types: [HouseholdType] { typen.compactMap { name in HouseholdType.allCases.first { $0.label == name } } }

    /// Every type a model type, each once; ten rows of one count per type, 0 to 10¹², no decile empty;
    /// an existing output; a source.
    func check(path: String, outputs: Set<String>) throws {
      func fail(_ s: String) -> ValidationSpecError { ValidationSpecError(description: "\(path): inkomensverdeling: \(s)") }
      let labels = HouseholdType.allCases.map(\.label)
      guard !typen.isEmpty, typen.count <= labels.count else { throw fail("typen: van 1 tot en met \(labels.count) huishoudtypen, niet \(typen.count)") }
      for name in typen where !labels.contains(name) {
        let hint = Spelling.suggestion(for: name, among: Set(labels)).map { "; bedoelt u '\($0)'?" } ?? ""
        throw fail("typen: '\(name)' is geen huishoudtype van het model (\(labels.joined(separator: ", ")))\(hint)")
      }
      if let twice = typen.first(where: { name in typen.filter { $0 == name }.count > 1 }) { throw fail("typen: '\(twice)' staat er twee keer in") }
      guard decielen.count == 10 else { throw fail("decielen: tien rijen, de laagste eerst, niet \(decielen.count)") }
      for (i, row) in decielen.enumerated() {
        guard row.count == typen.count else { throw fail("decielen[\(i)]: één aantal per type (\(typen.count)), niet \(row.count)") }
        guard row.allSatisfy({ (0...1_000_000_000_000).contains($0) }) else {
          throw fail("decielen[\(i)]: aantallen van 0 tot en met 1.000.000.000.000")
        }
        guard row.contains(where: { $0 > 0 }) else { throw fail("decielen[\(i)]: een deciel zonder huishoudens") }
      }
      guard outputs.contains(uitvoer) else {
        let hint = Spelling.suggestion(for: uitvoer, among: outputs).map { "; bedoelt u '\($0)'?" } ?? ""
        throw fail("uitvoer '\(uitvoer)' bestaat niet\(hint)")
      }
      guard (1900...2199).contains(jaar) else { throw fail("jaar: een jaar van 1900 tot en met 2199, niet \(jaar)") }
      guard !bron.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("een tabel zonder bron telt niet") }
    }
  }
}

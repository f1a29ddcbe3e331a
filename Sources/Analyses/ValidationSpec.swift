import ExactArithmetic
import Foundation
import LegalSource
import Synthesis

/// The published figures a synthetic population is checked against (`Scenarios/validatie.yaml`): per
/// figure the output it compares with, what is counted (households that receive, or the yearly total),
/// whether it is entitlement or spending after non-take-up, the published value with its source and
/// confidence, and how the published definition differs from the model's. Plus the sensitivity runs:
/// one scenario value changed at a time.
public struct ValidationSpec: Sendable, Codable {
  public var naam: String
  public var cijfers: [Figure]
  public var gevoeligheid: [Sensitivity]?
  /// Figures searched for and not found (with what was tried), so the report says what it cannot check.
  public var ontbreekt: [String]?
  /// Households per decile of standardised disposable income and household type (optional).
  public var inkomensverdeling: IncomeDeciles?

  public struct Figure: Sendable, Codable {
    public var naam: String
    /// The output id (`huurtoeslag.maandbedrag`).
    public var uitvoer: String
    /// Outputs counted together with ``uitvoer`` (`zorgtoeslag.medebewoners_jaarbedrag` beside
    /// `zorgtoeslag.jaarbedrag`): a household receives when any of them is non-zero, and the yearly
    /// total is their sum.
    public var samenMet: [String]?
    /// `ontvangers` (households with a non-zero amount) or `jaartotaal` (euros per year).
    public var maat: String
    /// `recht` (entitlement), `uitgaven` (after the scenario's non-take-up) or `niet_gebruik` (what the
    /// scenario's non-take-up leaves: entitled households that do not claim, and their amounts).
    public var grondslag: String
    /// The year the published figure is about.
    public var jaar: Int64
    /// The peildatum the population is computed on for this figure.
    public var peildatum: String
    /// The published figure: households, or whole euros per year.
    public var waarde: Int64
    public var bron: String
    /// H (official table), M (official figure relayed), L (one secondary source).
    public var betrouwbaarheid: String
    /// How the published figure is defined differently from the model's, and which way that moves it.
    public var definitie: String

    /// ``uitvoer`` followed by ``samenMet``.
    public var outputs: [String] { [uitvoer] + (samenMet ?? []) }

    enum CodingKeys: String, CodingKey {
      case naam, uitvoer, samenMet = "samen_met", maat, grondslag, jaar, peildatum, waarde, bron, betrouwbaarheid, definitie
    }
  }

  public struct Sensitivity: Sendable, Codable {
    public var naam: String
    /// A scenario key path (`partnertoeslag.jonge_partner_promille`).
    public var pad: String
    /// The YAML value it gets (`20`).
    public var waarde: String
    public var reden: String
  }

  public static let measures = ["ontvangers", "jaartotaal"]
  public static let bases = ["recht", "uitgaven", "niet_gebruik"]

  static let shape = YAMLShape.mapping([
    "naam": .value,
    "cijfers": .list(.mapping([
      "naam": .value, "uitvoer": .value, "samen_met": .list(.value), "maat": .value, "grondslag": .value, "jaar": .value, "peildatum": .value,
      "waarde": .value, "bron": .value, "betrouwbaarheid": .value, "definitie": .value,
    ])),
    "gevoeligheid": .list(.mapping(["naam": .value, "pad": .value, "waarde": .value, "reden": .value])),
    "ontbreekt": .value,
    "inkomensverdeling": IncomeDeciles.shape,
  ])

  /// Reads and checks a validation file; `outputs` are the output ids the rules have.
  public static func load(path: String, outputs: Set<String>) throws -> ValidationSpec {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ValidationSpecError(description: "kan validatiebestand '\(path)' niet lezen")
    }
    let spec: ValidationSpec
    do { spec = try YAMLDocument.decode(ValidationSpec.self, from: text, path: path, shape: shape) } catch {
      throw ValidationSpecError(description: error.description)
    }
    try spec.check(path: path, outputs: outputs)
    return spec
  }

  func check(path: String, outputs: Set<String>) throws {
    func fail(_ i: Int, _ s: String) -> ValidationSpecError { ValidationSpecError(description: "\(path): cijfers[\(i)] (\(cijfers[i].naam)): \(s)") }
    guard !cijfers.isEmpty else { throw ValidationSpecError(description: "\(path): 'cijfers' heeft ten minste één cijfer nodig") }
    guard cijfers.count <= 200 else { throw ValidationSpecError(description: "\(path): ten hoogste 200 cijfers, niet \(cijfers.count)") }
    guard dates.count <= 12 else { throw ValidationSpecError(description: "\(path): ten hoogste 12 verschillende peildata (iedere peildatum kost een bevolking per zaad), niet \(dates.count)") }
    guard (gevoeligheid ?? []).count <= 20 else { throw ValidationSpecError(description: "\(path): ten hoogste 20 gevoeligheden, niet \((gevoeligheid ?? []).count)") }
    var names = Set<String>()
    for f in cijfers where !names.insert(f.naam).inserted {
      throw ValidationSpecError(description: "\(path): de naam '\(f.naam)' komt twee keer voor; ieder cijfer heeft een eigen naam")
    }
    for (i, f) in cijfers.enumerated() {
      for id in f.outputs where !outputs.contains(id) {
        let hint = Spelling.suggestion(for: id, among: outputs).map { "; bedoelt u '\($0)'?" } ?? ""
        throw fail(i, "uitvoer '\(id)' bestaat niet\(hint)")
      }
      if let again = f.samenMet?.first(where: { $0 == f.uitvoer }) { throw fail(i, "samen_met noemt '\(again)', dat al de uitvoer van dit cijfer is") }
      if let extra = f.samenMet, let twice = extra.first(where: { id in extra.filter { $0 == id }.count > 1 }) {
        throw fail(i, "samen_met noemt '\(twice)' twee keer")
      }
      guard f.outputs.count <= 10 else { throw fail(i, "ten hoogste 10 uitvoeren samen, niet \(f.outputs.count)") }
      guard Self.measures.contains(f.maat) else { throw fail(i, "maat is 'ontvangers' of 'jaartotaal', niet '\(f.maat)'") }
      guard Self.bases.contains(f.grondslag) else { throw fail(i, "grondslag is 'recht', 'uitgaven' of 'niet_gebruik', niet '\(f.grondslag)'") }
      guard let d = CivilDate(iso: f.peildatum), DateRange.contains(d) else { throw fail(i, "peildatum: een datum JJJJ-MM-DD \(DateRange.description)") }
      guard (1900...2199).contains(f.jaar) else { throw fail(i, "jaar: een jaar van 1900 tot en met 2199, niet \(f.jaar)") }
      guard f.waarde > 0 else { throw fail(i, "waarde: het gepubliceerde cijfer is positief, niet \(f.waarde)") }
      guard ["H", "M", "L"].contains(f.betrouwbaarheid) else { throw fail(i, "betrouwbaarheid is H, M of L, niet '\(f.betrouwbaarheid)'") }
      guard !f.bron.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(i, "een cijfer zonder bron telt niet") }
    }
    try inkomensverdeling?.check(path: path, outputs: outputs)
  }

  /// The distinct peildata, in order.
  public var dates: [CivilDate] {
    Array(Set(cijfers.compactMap { CivilDate(iso: $0.peildatum) })).sorted()
  }
}

/// A validation file that cannot be read or does not fit the rules, with its message.
public struct ValidationSpecError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

import ExactArithmetic
import Population

extension Scenario {
  /// The yearly rent rises per sector (`wonen.huurstijging`): the distributions `huur_sociaal` and
  /// `huur_vrij` are the rents of their own `basisjaar` (after that year's 1 July), and each listed rise
  /// takes effect on 1 July of its year: regulated rents rise on 1 July, and CBS measures the rise July
  /// on July.
  public struct RentRises: Sendable, Codable {
    /// Rises of the rents of housing associations' homes (`huur_sociaal`).
    public var sociaal: YearlyRises?
    /// Rises of the rents of other landlords' homes (`huur_vrij`).
    public var vrij: YearlyRises?

    public init(sociaal: YearlyRises? = nil, vrij: YearlyRises? = nil) {
      self.sociaal = sociaal
      self.vrij = vrij
    }

    static let shape = YAMLShape.mapping(["sociaal": YearlyRises.shape, "vrij": YearlyRises.shape])

    func validate(_ fail: (String) -> ScenarioError) throws {
      try sociaal?.validate(at: "wonen.huurstijging.sociaal", fail)
      try vrij?.validate(at: "wonen.huurstijging.vrij", fail)
    }
  }
}

/// The factors the scenario's rent ranges are multiplied by at a peildatum: per sector the rises from its
/// `basisjaar` through the last 1 July on or before the date, exact. A sector without rises keeps its
/// range as written; a date past the last listed rise gets no further one, and ``note`` says so.
public struct RentIndexing: Sendable, Equatable {
  /// The factor of the housing associations' rents (`huur_sociaal`).
  public let social: Indexing
  /// The factor of the other landlords' rents (`huur_vrij`).
  public let free: Indexing

  public init(_ rises: Scenario.RentRises?, date: CivilDate) {
    // A rise of year Y counts from 1 July Y: before July, the last rise is that of the year before.
    let year = Int64(date.month >= 7 ? date.year : date.year - 1)
    social = Indexing(rises?.sociaal, year: year)
    free = Indexing(rises?.vrij, year: year)
    hasRises = rises != nil
  }

  /// Whether the scenario has a `huurstijging` section at all.
  let hasRises: Bool

  /// One line for summaries and reports: what the rents stand for (nil without `huurstijging`).
  public var note: String? {
    guard hasRises else { return nil }
    // Both sectors, so a reader never has to guess whether one was indexed.
    let parts = [("corporaties", social), ("overige verhuurders", free)].map {
      Self.note($0.0, $0.1) ?? "\($0.0): niet geïndexeerd (het scenario noemt voor deze sector geen huurstijging)"
    }
    return "kale huren van " + parts.joined(separator: "; van ")
  }

  /// `corporaties: van 2023 naar 1 juli 2025 (× 1,1099)`, or why there is no rise.
  static func note(_ sector: String, _ i: Indexing) -> String? {
    guard let base = i.baseYear else { return nil }
    guard let years = i.years else {
      return "\(sector): die van \(base), niet geïndexeerd (geen stijging na \(base) op of vóór de peildatum)"
    }
    let f = i.factor.dutchDecimal(fractionDigits: 4)
    var s = "\(sector): die van \(base) naar 1 juli \(years.upperBound) (× \(f))"
    if let last = i.lastListedYear, i.year > last { s += ", na 1 juli \(last) staat geen stijging in het scenario" }
    return s
  }
}

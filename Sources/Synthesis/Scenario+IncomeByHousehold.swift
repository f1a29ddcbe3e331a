/// Income follows the place in the household: the published mean primary income per household of each
/// leefvorm, below an age (`inkomen.naar_leefvorm`).
///
/// Drawn by age alone, a single person earns what every adult of that age earns, partners of a
/// breadwinner included, and a couple with young children no more than two such adults: CBS finds the
/// primary income of a couple with children under 18 three times that of a single person below the AOW
/// age, the model without this section under two and a half times. With the section the classes of the
/// aanvrager, the partner and the adult children at home below ``totLeeftijd`` are raked per age band and
/// place (``IncomePlace``) to the band's mean times a weight per place, the weights scaled per band so that
/// the band keeps its mean over everyone with income in it (``IncomeByPlace``), and calibrated so that the
/// expected loon per household of each leefvorm stands to that of the single person as the published means
/// do (``PlaceCalibration``). The means describe single persons and couples without children whose
/// aanvrager is below ``totLeeftijd``, and every family (with its adult children's income); only their
/// ratios count. Housemates, the aanvrager of a household with housemates and anyone from ``totLeeftijd``
/// on draw by age alone.
extension Scenario {
  public struct IncomeByHousehold: Sendable, Codable, Equatable {
    /// The section applies to aanvragers and partners younger than this.
    public var totLeeftijd: Int64
    /// The mean primary income per household of each place (any unit; only the ratios count): a single
    /// person, a one-parent family with all children under 18 and with at least one of 18 or over, a
    /// couple without children, with all children under 18 and with at least one of 18 or over.
    public var alleenstaand: Int64
    public var alleenstaandeOuder: Int64
    public var alleenstaandeOuderMeerderjarigKind: Int64
    public var paarZonderKinderen: Int64
    public var paarMetKinderen: Int64
    public var paarMeerderjarigKind: Int64

    enum CodingKeys: String, CodingKey {
      case totLeeftijd = "tot_leeftijd"
      case alleenstaand
      case alleenstaandeOuder = "alleenstaande_ouder"
      case alleenstaandeOuderMeerderjarigKind = "alleenstaande_ouder_meerderjarig_kind"
      case paarZonderKinderen = "paar_zonder_kinderen"
      case paarMetKinderen = "paar_met_kinderen"
      case paarMeerderjarigKind = "paar_meerderjarig_kind"
    }

    static let shape = YAMLShape.mapping([
      "tot_leeftijd": .value, "alleenstaand": .value, "alleenstaande_ouder": .value, "alleenstaande_ouder_meerderjarig_kind": .value,
      "paar_zonder_kinderen": .value, "paar_met_kinderen": .value, "paar_meerderjarig_kind": .value,
    ])

    /// The means in the order of ``IncomePlace/households``.
    public var weights: [Int64] {
      [alleenstaand, alleenstaandeOuder, alleenstaandeOuderMeerderjarigKind, paarZonderKinderen, paarMetKinderen, paarMeerderjarigKind]
    }

    /// An age from 19 to 130 (below, no adult draws by place); every mean from 1 to 10.000.000, the largest
    /// at most four times the smallest (beyond that a band's mean times a weight leaves what the classes
    /// reach).
    func validate(_ fail: (String) -> ScenarioError) throws {
      let name = "inkomen.naar_leefvorm"
      // Below 19 no adult would draw by place: the section would silently do nothing.
      guard (19...130).contains(totLeeftijd) else {
        throw fail("\(name).tot_leeftijd: een leeftijd van 19 tot en met 130 (jonger dan 18 wordt geen inkomen getrokken), niet \(totLeeftijd)")
      }
      for (key, weight) in zip(IncomePlace.households.map(\.key), weights)
      where !(1...10_000_000).contains(weight) {
        throw fail("\(name).\(key): een gemiddeld primair inkomen per huishouden (of een verhoudingsgetal) van 1 tot en met 10.000.000, niet \(weight)")
      }
      let (low, high) = (weights.min()!, weights.max()!)
      guard high <= 4 * low else {
        throw fail("\(name): de grootste verhouding (\(high)) is meer dan vier keer de kleinste (\(low)); zo ver uiteen kunnen de inkomensklassen de leefvormen niet trekken")
      }
    }
  }
}

extension Scenario.Income {
  /// The means the place weights are applied to: every age band's (``Scenario/IncomeByAge``), and the
  /// mean of the classes for ages outside every band.
  var placeBandMeans: [Int64] {
    let national = classMeanEuros
    return (naarLeeftijd.map { byAge in byAge.banden.map { byAge.target(band: $0, classMean: national) } } ?? []) + [national]
  }
}

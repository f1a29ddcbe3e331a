import ExactArithmetic
import Population

/// The income classes per age band and place in the household (`inkomen.naar_leefvorm`): for the
/// aanvrager, the partner and an adult child at home below the section's age, the classes raked to the
/// band's mean times the place's weight, scaled per band so that those persons together keep the band's
/// mean.
///
/// Per band `b` with mean `T` (``Scenario/Income/placeBandMeans``) and `nₚ` persons with income of place
/// `p` (counted in a pilot, ``Generator/incomeByPlace()``), place `p` gets the mean
/// `T · wₚ · Σnₚ / Σ(nₚ · wₚ)` with the weights `wₚ` of ``PlaceCalibration``: the weighted mean over the
/// places is `T`, and everyone else in the band (housemates, the aanvrager of a household with
/// housemates, anyone from the age on) keeps drawing with mean `T`, so the band's mean holds over all its persons with income. The ratio of
/// two places' means within a band is the ratio of their weights. A mean beyond what the classes reach
/// (``IncomeRaking/reachable(counts:means:)``) stops at the edge; the scenario check keeps the published
/// means within a factor four of each other, and `toets validate` shows the ratios the population gets.
///
/// The classes of every cell and of each band's persons who draw by age alone are raked together
/// (``IncomeClassRaking``): each keeps its mean, and all persons with income together keep the
/// scenario's classes. For that the band means are first scaled by one factor
/// (``PlaceCalibration/meanScale``) so that they add up to the classes' mean.
struct IncomeByPlace: Sendable {
  /// Ages below this draw by place.
  let belowAge: Int64
  /// The age bands of `inkomen.naar_leeftijd`; ages outside every band use the last row of ``cells``.
  let bands: [Range<Int64>]
  /// Per band (and the row for ages outside every band), per place of ``IncomePlace/allCases``:
  /// the raked classes and the mean they are raked to, in euros.
  let cells: [[(mean: Int64, distribution: IncomeDistribution)]]
  /// The calibrated weight per place (per 10⁹, the alleenstaande one).
  let weights: [Int128]
  /// The cells (band, place) whose mean stopped at the edge of what the classes reach.
  let clamped: [(band: Int, place: IncomePlace)]
  /// Per band (and the row for ages outside every band): the classes of everyone who draws by age
  /// alone (housemates, anyone from ``belowAge`` on), raked to the band's mean.
  let unplaced: [IncomeDistribution]
  /// The joint raking of every cell and band over the classes (``IncomeClassRaking``).
  let raking: IncomeClassRaking
  /// The factor all band means were scaled by (``PlaceCalibration/meanScale``).
  let meanScale: (numerator: Int128, denominator: Int128)

  /// - Parameter weights: per place, the calibrated weight (``PlaceCalibration``, per 10⁹); the counts
  ///   that scale them per band are the calibration's, so the means come from ``PlaceCalibration/means(_:)``.
  init(_ income: Scenario.Income, calibration: PlaceCalibration, weights: [Int128]) {
    belowAge = income.naarLeefvorm!.totLeeftijd
    bands = income.naarLeeftijd?.banden.map { $0[0]..<$0[1] } ?? []
    self.weights = weights
    clamped = calibration.clamped(weights)
    let classes = income.drawnClasses
    let means = calibration.means(weights)
    let bandMeans = calibration.scaledBandMeans
    meanScale = calibration.meanScale
    // The groups row by row: the places of a band, then its unplaced persons.
    let groups = zip(means, calibration.persons).enumerated().flatMap { b, row in
      zip(row.0, row.1).map { IncomeClassRaking.Group(persons: $1, target: Int64($0)) }
        + [IncomeClassRaking.Group(persons: calibration.unplaced[b], target: bandMeans[b])]
    }
    raking = IncomeClassRaking(counts: classes.map { UInt64($0[2]) }, means: classes.map(IncomeDistribution.mean), groups: groups)
    let width = IncomePlace.allCases.count + 1
    let raked = raking.weights
    cells = means.enumerated().map { b, row in
      row.enumerated().map { q, mean in (Int64(mean), IncomeDistribution(classes: classes, weights: raked[b * width + q])) }
    }
    unplaced = bandMeans.indices.map { IncomeDistribution(classes: classes, weights: raked[$0 * width + width - 1]) }
  }

  /// The row of ``cells`` for `age`.
  func row(age: Int64) -> Int { bands.firstIndex { $0.contains(age) } ?? bands.count }

  /// The classes of a person of `age` in `place`: the cell's below ``belowAge``, else the band's for
  /// those who draw by age alone.
  func distribution(age: Int64, place: IncomePlace?) -> IncomeDistribution {
    guard age < belowAge, let place else { return unplaced[row(age: age)] }
    return cells[row(age: age)][place.rawValue].distribution
  }
}

extension IncomeByPlace {
  /// One line for summaries: the weight of each calibrated place against a single person's, and a
  /// warning where a weight stopped at its bound or a band's mean at the edge of the classes (there the
  /// published ratio is not reached).
  var note: String {
    func weight(_ w: Int128) -> String {
      DutchFormat.number(Rational(numerator: Int(w), denominator: Int(PlaceCalibration.one)), maxFractionDigits: 2, minFractionDigits: 2, exactFractionDigits: 2)
    }
    let own = IncomePlace.allCases.dropFirst().filter { $0.calibratedAs == $0 }
    let listed = own.map { "\($0.label) \(weight(weights[$0.rawValue]))" }.joined(separator: ", ")
    var text = "onder \(belowAge) jaar volgt het inkomen de leefvorm zoals het primair inkomen per huishouden (inkomen.naar_leefvorm): het gemiddelde van een leeftijdsband krijgt per leefvorm een gewicht, een alleenstaande 1: \(listed) (de ouders van een kind van 18 of ouder als het gezin met jonge kinderen)"
    let bound = own.filter { PlaceCalibration.isBound(weights[$0.rawValue]) }
    if !bound.isEmpty {
      text += "; let op: het gewicht van \(bound.map(\.label).joined(separator: ", ")) staat op de grens (1/16 of 16 keer): de gevraagde verhouding is met deze inkomensklassen niet te halen"
    }
    if !clamped.isEmpty {
      let cells = clamped.map { "\(bandLabel($0.band)), \($0.place.label)" }.joined(separator: "; ")
      text += "; let op: in \(cells) ligt het gevraagde gemiddelde buiten wat de inkomensklassen halen en stopt het aan de rand"
    }
    return text + "; " + classesNote
  }

  /// How the classes of all bands and places were raked together (``IncomeClassRaking``): the range of
  /// the class factors, the factor on the band means where it is not one, and a warning when the
  /// classes were not met.
  var classesNote: String {
    let factors = raking.factors.map { Rational(numerator: Int($0), denominator: Int(IncomeClassRaking.one)) }
    let low = DutchFormat.number(factors.min() ?? .zero, maxFractionDigits: 2, minFractionDigits: 2, exactFractionDigits: 2)
    let high = DutchFormat.number(factors.max() ?? .zero, maxFractionDigits: 2, minFractionDigits: 2, exactFractionDigits: 2)
    let rounds = raking.rounds > 0 ? ", in \(raking.rounds) rondes" : ""
    var text = "alle leeftijdsbanden en leefvormen samen trekken de landelijke inkomensklassen (inkomen.klassen; geharkt met een factor per klasse van \(low) tot \(high)\(rounds))"
    let (numerator, denominator) = meanScale
    if numerator != denominator {
      let scale = DutchFormat.number(Rational(numeratorDigits: String(numerator), denominatorDigits: String(denominator)) ?? .zero, maxFractionDigits: 3, minFractionDigits: 3, exactFractionDigits: 3)
      text += "; de gemiddelden per leeftijdsband zijn daarvoor met \(scale) vermenigvuldigd, zodat alle personen met inkomen samen het gemiddelde van de klassen hebben"
    }
    if !raking.converged {
      // Shares of persons, not a ratio: beside a nearly empty class a ratio runs into the millions of percents.
      let percent = { (perMillion: Int128) in
        DutchFormat.number(Rational(numeratorDigits: String(perMillion), denominatorDigits: "10000") ?? .zero, maxFractionDigits: 1, minFractionDigits: 1, exactFractionDigits: 1)
      }
      let (published, drawn) = raking.worstShares
      let why =
        raking.isAtBound || raking.targetGap > 1_000
        ? "de gemiddelden per band en leefvorm en de klassen gaan samen niet"
        : "na \(raking.rounds) rondes nog niet binnen een duizendste"
      text += "; let op: de klassen zijn niet gehaald (de klasse die het verst afwijkt, krijgt \(percent(drawn)) % van de personen met inkomen tegen \(percent(published)) % gevraagd; \(why))"
    }
    return text
  }

  /// An age band as people read it; the row after the bands holds the ages outside every band.
  func bandLabel(_ band: Int) -> String {
    band < bands.count ? DutchFormat.ages(bands[band].lowerBound, bands[band].upperBound) : "leeftijden buiten de banden van naar_leeftijd"
  }
}

import ExactArithmetic

/// Vermogen by tenure and age of the aanvrager (`vermogen_naar_woning.mediaan_naar_leeftijd`): per
/// tenure, the classes raked (``WealthMedianRaking``) so that every age band with a published median has
/// half its households below it while the tenure keeps its published class shares.
///
/// Without it vermogen follows tenure only, and a household of 30 draws as much as one of 80: CBS
/// publishes that renters of 75 and over have in the median seven times the vermogen of all renters.
/// The generator builds this from a pilot sample that already has its tenure profile (who rents
/// follows income, and income follows age), so the age groups are counted as the population has them.
public struct WealthByAge: Sendable {
  /// One tenure: its age bands with a median, the draw per band and for the other ages, and how the
  /// raking went.
  struct Tenure: Sendable {
    let bands: [Range<Int64>]
    let medians: [Int64]
    /// Per band, then the rest of the ages.
    let draws: [Sampler.Bands]
    let rounds: Int
    let converged: Bool
    /// Per band, the pilot's households (drawn here or on the bijstand) and the share of them below the
    /// median the raking reached, per million.
    let households: [Int]
    let belowPerMillion: [Int128]

    /// The draw of a household whose aanvrager is `age` years old.
    func draw(age: Int64) -> Sampler.Bands {
      draws[bands.firstIndex { $0.contains(age) } ?? bands.count]
    }
  }

  /// What the pilot counted for one tenure: per band (then the rest) the households that draw from the
  /// tenure's classes, and per band those that draw elsewhere (``WealthMedianRaking/Outside``).
  struct Counts {
    var drawn: [Int]
    var outside: [WealthMedianRaking.Outside]
  }

  let renters: Tenure?
  let owners: Tenure?

  /// The raked tables for `byTenure` from the pilot's `renterCounts` and `ownerCounts`; `nil` without
  /// medians.
  init?(_ byTenure: Scenario.WealthByTenure, renterCounts: Counts, ownerCounts: Counts) {
    guard let m = byTenure.mediaanNaarLeeftijd else { return nil }
    func tenure(_ classes: [[Int64]], _ rows: [[Int64]]?, _ counts: Counts) -> Tenure? {
      guard let rows, !rows.isEmpty else { return nil }
      let raking = WealthMedianRaking(classes: classes, medians: rows.map { $0[2] }, households: counts.drawn, outside: counts.outside)
      let draws = raking.weights.map { weights in
        Sampler.Bands(zip(raking.pieces, weights).map { [$0.0, $0.1, $1] })
      }
      let households = rows.indices.map { g in counts.drawn[g] + Int(counts.outside[g].households / WealthMedianRaking.one) }
      return Tenure(
        bands: rows.map { $0[0]..<$0[1] }, medians: rows.map { $0[2] }, draws: draws, rounds: raking.rounds,
        converged: raking.converged, households: households, belowPerMillion: raking.belowPerMillion)
    }
    renters = tenure(byTenure.huurders, m.huurders, renterCounts)
    owners = tenure(byTenure.eigenaren, m.eigenaren, ownerCounts)
  }

  /// Why the scenario's medians cannot be drawn, one line per tenure, with its YAML path: a band no
  /// household of the pilot falls in (no aanvrager is that old, or that young), or medians the tenure's
  /// classes cannot give together. Empty when every band is met.
  public var problems: [String] {
    [("huurders", renters), ("eigenaren", owners)].compactMap { name, t -> String? in
      guard let t else { return nil }
      let path = "vermogen_naar_woning.mediaan_naar_leeftijd.\(name)"
      if let empty = t.households.firstIndex(of: 0) {
        let b = t.bands[empty]
        return "\(path): de band [\(b.lowerBound), \(b.upperBound)) heeft geen huishoudens in de proefsteekproef "
          + "(\(DutchFormat.groupThousands(String(Generator.pilotSize))) huishoudens): geen aanvrager die \(name == "huurders" ? "huurt" : "een eigen woning heeft") is zo oud; "
          + "kies een band met aanvragers"
      }
      guard !t.converged else { return nil }
      let reached = zip(t.bands, zip(t.medians, t.belowPerMillion)).map { b, mb in
        let percent = Rational(Int(mb.1)).dividedBy(Rational(10_000))!.dutchDecimal(fractionDigits: 1)
        return "[\(b.lowerBound), \(b.upperBound)) \(percent) % onder € \(DutchFormat.groupThousands(String(mb.0)))"
      }
      return "\(path): de medianen zijn samen met de klassen van vermogen_naar_woning.\(name) niet haalbaar "
        + "(na \(t.rounds) ronden: \(reached.joined(separator: ", ")); de helft hoort onder de mediaan); kies medianen die bij de klassen passen"
    }
  }

  /// The draw for a household that rents or owns, with an aanvrager of `age`; `nil` when its tenure has
  /// no medians (it draws the tenure's own classes).
  func draw(renter: Bool, age: Int64) -> Sampler.Bands? {
    (renter ? renters : owners)?.draw(age: age)
  }

  /// One line for the summary: the medians per tenure and band, and whether the raking met them.
  public var note: String {
    let parts = [("huurders", renters), ("eigenaren", owners)].compactMap { name, t -> String? in
      guard let t else { return nil }
      let bands = zip(t.bands, t.medians).map { b, m in
        let ages = b.upperBound >= 131 ? (b.lowerBound == 0 ? "alle leeftijden" : "vanaf \(b.lowerBound) jaar") : "\(b.lowerBound)–\(b.upperBound - 1) jaar"
        return "\(ages) € \(DutchFormat.groupThousands(String(m)))"
      }
      return "\(name) \(bands.joined(separator: ", "))"
    }
    return "vermogen naar leeftijd van de aanvrager geharkt op de medianen (vermogen_naar_woning.mediaan_naar_leeftijd): "
      + parts.joined(separator: "; ") + "; de aandelen per klasse van huurders en eigenaren blijven die van het scenario"
  }
}

import ExactArithmetic
import LegalSource

/// Non-take-up by the size of what a household would receive (`niet_gebruik_naar_aanvulling`): who is
/// entitled to almost the full norm claims more often than who is entitled to a small top-up.
///
/// `niet_gebruik` gives one rate per regeling, drawn regardless of the amount. For the bijstand the
/// Inspectie SZW found income relative to the norm the strongest predictor of non-take-up; with one rate
/// a population whose entitled households have many small aanvullingen keeps too many of them as
/// recipients. This section splits a regeling's households at a percentage of a norm: an amount
/// (`bedrag`, a payment of the regeling) of at least `grens_procent` of the norm (`norm`, an output of
/// the same regeling) declines at `vanaf_grens` per mille, a smaller one at `onder_grens`. A household
/// whose amount or norm the rules leave undecided, or whose norm is not above zero, declines at the
/// regeling's rate in `niet_gebruik`, which the section requires. The effective rate over the entitled
/// households then depends on how many are above the boundary: the summary and the validation report
/// show what the population claims, not a rate. Whether a household declines still depends on one
/// draw per household and regeling (``NonTakeUp``): with both rates equal to `niet_gebruik` nothing
/// changes, and in a reform a household whose amount crosses the boundary moves to the other rate. For
/// the regeling of `inkomen.bijstand_regeling` the rates hold only for households outside the ages whose
/// users the generator draws (``AssistanceUse``).
extension Scenario {
  public struct NonTakeUpByTopUp: Sendable, Codable, Equatable {
    /// The payment that sorts the households, and the norm it is measured against (output ids).
    public var bedrag: String
    public var norm: String
    /// The boundary: an amount of at least this percentage of the norm counts as (almost) the full norm.
    public var grensProcent: Int64
    /// Non-take-up per mille of the households entitled from the boundary on, and below it.
    public var vanafGrens: Int64
    public var onderGrens: Int64

    enum CodingKeys: String, CodingKey {
      case bedrag, norm
      case grensProcent = "grens_procent"
      case vanafGrens = "vanaf_grens"
      case onderGrens = "onder_grens"
    }

    static let shape = YAMLShape.mapping([
      "bedrag": .value, "norm": .value, "grens_procent": .value, "vanaf_grens": .value, "onder_grens": .value,
    ])

    /// A rate for the regeling in `niet_gebruik`, both outputs of regeling `code` and different, a
    /// boundary from 1 to 100 %, both rates from 0 to 1000 per mille.
    func validate(code: String, flat: [String: Int64]?, _ fail: (String) -> ScenarioError) throws {
      let name = "niet_gebruik_naar_aanvulling.\(Spelling.echo(code))"
      // The regeling first: a misspelled code would otherwise be reported through its outputs.
      guard let flat, flat[code] != nil else {
        let known = (flat ?? [:]).keys.sorted()
        if let near = Spelling.suggestion(for: code, among: Set(known)) {
          throw fail("\(name): geen regeling uit niet_gebruik (\(known.joined(separator: ", "))); bedoelt u '\(near)'?")
        }
        throw fail("\(name): vraagt ook niet_gebruik.\(Spelling.echo(code)), het niet-gebruik van wie de regels geen bedrag of norm geven")
      }
      for (key, id) in [("bedrag", bedrag), ("norm", norm)] where NonTakeUp.regeling(ofOutput: id) != code || !id.contains(".") {
        throw fail("\(name).\(key): een uitvoer van de regeling \(Spelling.echo(code)) (zoals \(Spelling.echo(code)).maandbedrag), niet '\(Spelling.echo(id))'")
      }
      guard bedrag != norm else { throw fail("\(name): bedrag en norm zijn dezelfde uitvoer ('\(Spelling.echo(bedrag))')") }
      guard (1...100).contains(grensProcent) else {
        throw fail("\(name).grens_procent: een percentage van 1 tot en met 100, niet \(grensProcent)")
      }
      for (key, rate) in [("vanaf_grens", vanafGrens), ("onder_grens", onderGrens)] where !(0...1000).contains(rate) {
        throw fail("\(name).\(key): een aantal per duizend van 0 tot en met 1000, niet \(rate)")
      }
    }

    /// One line for summaries and reports, with `otherwise`, the flat rate as the caller formats it, for
    /// the households without amount or norm.
    public func note(otherwise: String) -> String { "\(note); zonder bedrag of norm \(otherwise)" }

    /// The two rates and the boundary, as people read them.
    public var note: String {
      let percent = { (promille: Int64) in DutchFormat.number(Rational(numerator: Int(promille), denominator: 10)) + " %" }
      return "\(percent(vanafGrens)) bij wie ten minste \(grensProcent) % van de norm (\(norm)) zou krijgen, \(percent(onderGrens)) bij wie minder"
    }
  }
}

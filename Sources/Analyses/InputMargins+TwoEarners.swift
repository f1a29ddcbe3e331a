import ExactArithmetic
import Population
import Synthesis

extension InputMargins {
  /// Two-earner couples with about equal loon (scenario `inkomen.tweeverdieners`, counted by
  /// ``TwoEarnerShare``), against the published share the generator's partner coupling is calibrated
  /// to. Empty without the section, without loon in the population or without such couples.
  static func twoEarners(_ p: PopulationData, scenario s: Scenario, date: CivilDate) -> [PopulationValidation.Margin] {
    guard let check = s.inkomen.tweeverdieners, let sources = s.inkomensbron else { return [] }
    let count = TwoEarnerShare.count(p, pensionAge: sources.pensioenVanaf, differencePromille: check.verschilPromille, date: date)
    guard count.couples > 0 else { return [] }
    let v = check.verschilPromille
    let percent = v % 10 == 0 ? "\(v / 10)" : "\(v / 10),\(v % 10)"
    return [
      PopulationValidation.Margin(
        name: "tweeverdieners onder de AOW-leeftijd met een gelijkwaardig loon (minder dan \(percent) % verschil)",
        source: "scenario 'inkomen.tweeverdieners' (CBS, Statistische Trends 'Inkomen van tweeverdieners', 2021); de samenhang van de partnerinkomens is erop gekalibreerd",
        target: Rational(Int(check.gelijkwaardigPromille)) / 1000, drawn: count.share)
    ]
  }
}

import ExactArithmetic
import Foundation
import LegalSource
import Population

/// Which regeling the persons of `inkomen.bijstand_in_inkomen` receive (`inkomen.bijstand_regeling`),
/// so that non-take-up is not drawn twice.
///
/// `bijstand_in_inkomen` counts the users: the persons who receive the bijstand at the ages of
/// `bijstand_naar_leeftijd`. The generator draws them, per unit, without income. Drawing non-take-up on
/// their households again would leave part of the counted users unpaid; and every other household of
/// those ages to which the rules give bijstand is, by the same count, one that does not receive it. So
/// with this key the drawn units claim, the others of those ages leave it, and only households whose
/// aanvrager is of other ages (after the AOW age: the AIO) draw the rates of `niet_gebruik` and
/// `niet_gebruik_naar_aanvulling`. See ``AssistanceUse``.
extension Scenario.Income {
  /// The age bands the persons of `bijstand_in_inkomen` are drawn in, `[van, tot, personen]`: those of
  /// `bijstand_naar_leeftijd`, or one band from 18 to the AOW age of `kalibratie_aow`.
  public func assistanceAgeRows(aowAge: Int64?) -> [[Int64]] {
    bijstandNaarLeeftijd ?? [[18, aowAge ?? 131, 1]]
  }

  /// The ages the draw of the bijstand units covers: from the lowest band's start to the highest band's
  /// end (an age in a gap between bands has no users in the scenario, so its entitled do not claim).
  public func assistanceAges(aowAge: Int64?) -> Range<Int64> {
    Self.span(assistanceAgeRows(aowAge: aowAge).filter { $0.count >= 2 && $0[1] > $0[0] }.map { $0[0]..<$0[1] })
  }

  /// From the lowest band's start to the highest band's end (empty without bands).
  static func span(_ bands: [Range<Int64>]) -> Range<Int64> {
    guard let low = bands.map(\.lowerBound).min(), let high = bands.map(\.upperBound).max() else { return 18..<18 }
    return low..<high
  }
}

extension Scenario {
  /// Checks `inkomen.bijstand_regeling` and `vermogen_bijstand`: both need the units drawn per leefvorm
  /// (`bijstand_naar_leefvorm`, else the generator cannot tell a user from anyone without income); the
  /// regeling needs a rate in `niet_gebruik` for the households outside the ages of the draw.
  func validateAssistanceRegeling(_ fail: (String) -> ScenarioError) throws {
    if vermogenBijstand != nil, inkomen.bijstandNaarLeefvorm == nil {
      throw fail("vermogen_bijstand: vraagt inkomen.bijstand_naar_leefvorm; alleen dan trekt de generator per huishouden wie van de bijstand leeft (voeg die sectie toe, of laat vermogen_bijstand weg)")
    }
    guard let code = inkomen.bijstandRegeling else { return }
    let name = "inkomen.bijstand_regeling"
    guard inkomen.bijstandNaarLeefvorm != nil else {
      throw fail("\(name): vraagt inkomen.bijstand_naar_leefvorm; alleen dan trekt de generator per huishouden wie van de bijstand leeft, en weet het wie de regeling gebruikt (voeg die sectie toe, of laat \(name) weg)")
    }
    guard !code.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw fail("\(name): de code van een regeling uit niet_gebruik (\((nietGebruik ?? [:]).keys.sorted().joined(separator: ", "))), geen lege tekst")
    }
    guard let rates = nietGebruik, rates[code] != nil else {
      let known = (nietGebruik ?? [:]).keys.sorted()
      let fix = Spelling.suggestion(for: code, among: known).map { "; bedoelt u '\($0)'?" }
        ?? "; geef niet_gebruik.\(Spelling.echo(code)): het niet-gebruik van wie buiten de leeftijden van de getrokken ontvangers valt (zoals de AIO na de AOW-leeftijd)"
      throw fail("\(name): '\(Spelling.echo(code))' staat niet in niet_gebruik\(fix)")
    }
  }

  /// One line for summaries and reports: who is drawn without income because their income was the
  /// bijstand (``Scenario/Income/assistanceNote(aow:)``), with their vermogen when `vermogen_bijstand`
  /// gives it; nil when the scenario takes no one out.
  public var assistanceNote: String? {
    inkomen.assistanceNote(aow: kalibratieAow).map { note in
      let classes = (vermogenBijstand ?? []).filter { $0.count >= 2 }
      guard let low = classes.map({ $0[0] }).min(), let high = classes.map({ $0[1] }).max() else { return note }
      return note + "; hun vermogen uit vermogen_bijstand (€ \(DutchFormat.groupThousands(String(low)))–\(DutchFormat.groupThousands(String(high))))"
    }
  }

  /// Who claims regeling `code` among the ages of the drawn users, in words for a summary ("aanvrager
  /// 18–66 jaar: alleen wie …"), or with `members` among the others in the household (the outputs
  /// `<regeling>.medebewoners_…`); nil when the scenario does not name `code` as the bijstand's regeling.
  public func assistanceUseNote(for code: String, members: Bool = false) -> String? {
    guard inkomen.bijstandRegeling == code else { return nil }
    let ages = inkomen.assistanceAges(aowAge: kalibratieAow?.leeftijd)
    let span = DutchFormat.ages(ages.lowerBound, ages.upperBound)
    guard members else {
      return "aanvrager (en partner) \(span): alleen wie als bijstandsontvanger getrokken is (inkomen.bijstand_in_inkomen) vraagt aan"
    }
    return "medebewoners (kinderen van 18 jaar of ouder, huisgenoten) \(span): alleen waar een van hen als bijstandsontvanger getrokken is (inkomen.bijstand_in_inkomen), vragen zij aan"
  }
}

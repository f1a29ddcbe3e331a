import ExactArithmetic
import LegalSource
import RuleIR
import Synthesis

extension Engine {
  /// The problems of a scenario that only the rules can see: a `niet_gebruik` entry must name the
  /// prefix of a payment output (`zorgtoeslag` for `zorgtoeslag.jaarbedrag`), so a misspelling does not
  /// silently leave spending equal to entitlement; `wonen.huur_naar_inkomen.besteedbaar.uitvoer` must
  /// name a measure (the net income), so the check on net income cannot silently vanish. Each problem
  /// names the key and, where one is close, what was probably meant. The outputs that split non-take-up
  /// by the amount (`niet_gebruik_naar_aanvulling`) must also be in force on each of `dates`: on a date
  /// without them every household would silently fall back to the flat rate. The regeling of
  /// `inkomen.bijstand_regeling` must have a norm besides its payment (the bijstand fills up to one), so a
  /// toeslag named there by mistake does not silently lose every claimant who was not drawn on the bijstand.
  public func scenarioProblems(_ scenario: Scenario, path: String, dates: [CivilDate] = []) -> [String] {
    let outputs = declaredOutputs()
    let payments = Set(outputs.filter { $0.value.kind == .payment }.keys.map(NonTakeUp.regeling(ofOutput:)))
    var problems = (scenario.nietGebruik ?? [:]).keys.sorted().compactMap { code -> String? in
      guard !payments.contains(code) else { return nil }
      let hint = Spelling.suggestion(for: code, among: payments).map { "; bedoelt u '\($0)'?" } ?? ""
      return "\(path): niet_gebruik.\(Spelling.echo(code)): geen regeling met een betaling\(hint) (betalingen van: \(payments.sorted().joined(separator: ", ")))"
    }
    if let code = scenario.inkomen.bijstandRegeling, payments.contains(code) {
      let norms = Set(outputs.filter { $0.value.kind == .norm }.keys.map(NonTakeUp.regeling(ofOutput:)))
      if !norms.contains(code) {
        problems.append("\(path): inkomen.bijstand_regeling: '\(Spelling.echo(code))' heeft geen norm, de bijstand wel (regelingen met een norm: \(norms.sorted().joined(separator: ", "))); wie de generator niet in de bijstand trekt, zou deze regeling anders nooit aanvragen")
      }
    }
    if let net = scenario.wonen.huurNaarInkomen?.besteedbaar { problems += netIncomeProblems(net.uitvoer, outputs: outputs, path: path) }
    for (code, split) in (scenario.nietGebruikNaarAanvulling ?? [:]).sorted(by: { $0.key < $1.key }) {
      let place = "\(path): niet_gebruik_naar_aanvulling.\(Spelling.echo(code))"
      let found = topUpProblems(split, outputs: outputs, place: place)
      problems += found
      if found.isEmpty { problems += topUpOutOfForce(split, place: place, dates: dates) }
    }
    return problems
  }

  /// The dates among `dates` on which the amount or the norm of a split has no version in force, one
  /// problem per output and date.
  func topUpOutOfForce(_ split: Scenario.NonTakeUpByTopUp, place: String, dates: [CivilDate]) -> [String] {
    var problems: [String] = []
    for date in Set(dates).sorted() {
      let inForce = Set(program.outputs(on: date).map(\.id))
      for (key, id) in [("bedrag", split.bedrag), ("norm", split.norm)] where !inForce.contains(id) {
        problems.append("\(place).\(key): '\(id)' geldt niet op \(DutchFormat.date(date)) (geen versie van die regeling met deze uitvoer); zonder bedrag of norm gold dan voor ieder huishouden het vaste niet_gebruik")
      }
    }
    return problems
  }

  /// Every output any version of any law declares, with its kind and type.
  func declaredOutputs() -> [String: (kind: OutputKind, type: RuleType?)] {
    var outputs: [String: (kind: OutputKind, type: RuleType?)] = [:]
    for versions in program.laws.values {
      for version in versions { for output in version.outputs { outputs[output.id] = (output.kind, program.symbols[output.symbol]?.type) } }
    }
    return outputs
  }

  /// The outputs a split of non-take-up by the amount names: the amount a payment, the norm any output,
  /// both of one money period (the summary compares them as the rules give them).
  func topUpProblems(_ split: Scenario.NonTakeUpByTopUp, outputs: [String: (kind: OutputKind, type: RuleType?)], place: String) -> [String] {
    var problems: [String] = []
    for (key, id) in [("bedrag", split.bedrag), ("norm", split.norm)] where outputs[id] == nil {
      let hint = Spelling.suggestion(for: id, among: Set(outputs.keys)).map { "; bedoelt u '\($0)'?" } ?? ""
      problems.append("\(place).\(key): geen uitvoer '\(Spelling.echo(id))'\(hint)")
    }
    guard let amount = outputs[split.bedrag], let norm = outputs[split.norm] else { return problems }
    if amount.kind != .payment { problems.append("\(place).bedrag: '\(split.bedrag)' is een \(amount.kind.rawValue), geen betaling") }
    if amount.type != norm.type {
      problems.append("\(place): bedrag en norm hebben een ander type (\(amount.type?.description ?? "onbekend") tegen \(norm.type?.description ?? "onbekend")); de grens vergelijkt ze zoals de regels ze geven")
    }
    return problems
  }

  /// The output a scenario names as a household's net income per year: it must exist and be a measure
  /// (maatstaf), not a payment, levy or norm.
  func netIncomeProblems(_ id: String, outputs: [String: (kind: OutputKind, type: RuleType?)], path: String) -> [String] {
    let measures = outputs.mapValues(\.kind)
    let place = "\(path): wonen.huur_naar_inkomen.besteedbaar.uitvoer"
    guard let kind = measures[id] else {
      let hint = Spelling.suggestion(for: id, among: Set(measures.keys)).map { "; bedoelt u '\($0)'?" } ?? ""
      return ["\(place): geen uitvoer '\(Spelling.echo(id))'\(hint)"]
    }
    guard kind == .measure else {
      return ["\(place): '\(id)' is een \(kind.rawValue); hier hoort de maatstaf die het netto-inkomen per jaar geeft (zoals netto.jaarinkomen)"]
    }
    return []
  }
}

import ExactArithmetic
import HouseholdModel
import LegalSource
import ReferenceEvaluator
import RuleIR

extension Evaluation {
  /// The contract's JSON form: `date`, `outputs` (exact decimal strings in euros), the undecided
  /// outputs with their reason and articles, `waarschuwingen` where a label contradicts the facts,
  /// and the `trace` with `uitvoerstappen`: per output the index of the trace step that decided it (the
  /// root of its explanation).
  public func json(includeTrace: Bool = true) -> JSONValue {
    var outputsJSON: [(String, JSONValue)] = []
    var undecidedJSON: [(String, JSONValue)] = []
    for o in outputs {
      switch o.result {
      case .success(let v): outputsJSON.append((o.declaration.id, .string(v.machineString)))
      case .failure(let u): undecidedJSON.append((o.declaration.id, Self.json(u)))
      }
    }
    var pairs: [(String, JSONValue)] = [("date", .string(date.iso)), ("outputs", .ordered(outputsJSON))]
    if !undecidedJSON.isEmpty { pairs.append(("onbepaald", .ordered(undecidedJSON))) }
    if !warnings.isEmpty { pairs.append(("waarschuwingen", .array(warnings.map { .string($0) }))) }
    if includeTrace {
      let roots: [(String, JSONValue)] = outputs.compactMap { o in o.step.map { (o.declaration.id, .number(String($0))) } }
      pairs.append(("uitvoerstappen", .ordered(roots)))
      pairs.append(("trace", .array(trace.steps.map(Self.json))))
    }
    return .ordered(pairs)
  }

  static func json(_ u: Undecided) -> JSONValue {
    .ordered([("code", .string(u.code)), ("reden", .string(u.description)), ("artikelen", .array(u.citations.map(json)))])
  }

  static func json(_ c: Citation) -> JSONValue {
    .ordered([("artikel", .string(c.text)), ("kort", .string(c.short)), ("jci", .string(c.jci)), ("url", .string(c.url))])
  }

  static func json(_ step: TraceStep) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("naam", .string(step.symbol.description)),
      ("persoon", step.person.map { .string($0) } ?? .null),
      ("datum", .string(step.date.iso)),
    ]
    switch step.result {
    case .success(let v):
      pairs.append(("waarde", .string(v.machineString)))
      pairs.append(("weergave", .string(v.formatted(as: step.type))))
    case .failure(let u):
      pairs.append(("onbepaald", json(u)))
    }
    if let rule = step.rule {
      pairs.append(("artikel", json(rule)))
      pairs.append(("regel", .string(step.ruleText ?? "")))
    }
    if let f = step.formula { pairs.append(("formule", .string(f))) }
    if !step.inputs.isEmpty {
      pairs.append(("invoer", .array(step.inputs.map { .ordered([("naam", .string($0.name)), ("waarde", .string($0.value)), ("bron", .string($0.source))]) })))
    }
    let considered = step.rules.filter { $0.outcome != .notReached }
    if !considered.isEmpty {
      pairs.append(("regels", .array(considered.map { .ordered([("artikel", .string($0.citation.short)), ("uitkomst", .string($0.outcome.rawValue)), ("uitzondering", .bool($0.isException))]) })))
    }
    if !step.deviations.isEmpty { pairs.append(("in_afwijking_van", .array(step.deviations.map(json)))) }
    pairs.append(("gebruikt", .array(step.uses.map { .number(String($0)) })))
    return .ordered(pairs)
  }
}

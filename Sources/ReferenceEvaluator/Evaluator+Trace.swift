import ExactArithmetic
import LegalSource
import RuleIR

extension Evaluator {
  /// Records how a definition was decided, with its rule, instantiated formula and inputs.
  func record(
    _ id: SymbolID, person: Int?, date: CivilDate, result: Result<Value, Undecided>, definition: Definition?, decided: Rule?,
    notes: [Int: TraceStep.RuleOutcome], uses: [Int]
  ) -> Int {
    let type = definition?.type ?? program.symbols[id]?.type ?? .boolean
    var formula: String?
    var inputs: [TraceStep.Input] = []
    if let decided, let def = definition {
      let ctx = Context(date: date, current: person)
      var exprs: [TypedExpression] = []
      if case .value(let e) = decided.body {
        exprs.append(e)
        formula = printer(ctx).render(e)
      }
      if let c = decided.condition { exprs.append(c) }
      inputs = self.inputs(of: exprs, ctx)
      _ = def
    }
    let ruleNotes: [TraceStep.RuleNote] = (definition?.rules ?? []).map { r in
      TraceStep.RuleNote(citation: r.citation, outcome: notes[r.index] ?? .notReached, isException: !r.overrides.isEmpty, text: r.text)
    }
    let step = TraceStep(
      symbol: id, type: type, person: person.map { household.persons[$0].id }, date: date, result: result,
      rule: decided?.citation, ruleText: decided?.text, formula: formula, inputs: inputs, rules: ruleNotes,
      deviations: decided?.deviatesFrom ?? [], uses: uses)
    trace.steps.append(step)
    return trace.steps.count - 1
  }

  /// A printer that shows the value of each name as it was in this evaluation.
  func printer(_ ctx: Context) -> ExpressionPrinter {
    ExpressionPrinter(style: .symbols) { [self] node in
      switch node.kind {
      case .parameter, .fact, .definition, .peildatum, .beginOfYear, .calculationYear:
        let saved = trace
        let savedCollectors = collectors
        defer {
          trace = saved
          collectors = savedCollectors
        }
        guard let v = try? evaluate(node, ctx) else { return nil }
        return v.formatted(as: node.type)
      default:
        return nil
      }
    }
  }

  /// The parameters and facts an expression reads directly, with value and source.
  func inputs(of exprs: [TypedExpression], _ ctx: Context) -> [TraceStep.Input] {
    var out: [TraceStep.Input] = []
    var seen: Set<String> = []
    for e in exprs {
      e.walk { node in
        switch node.kind {
        case .parameter(let id):
          guard seen.insert("p:\(id)").inserted, let pv = try? parameter(id, on: ctx.date) else { return }
          let source = pv.citation.short + (pv.source.map { "; bron: \($0)" } ?? "")
          out.append(.init(name: id.name, value: pv.value.formatted(as: node.type), source: source))
        case .fact(let id, let ref):
          let p: Int? = ref.flatMap { r in try? person(r, ctx, at: node.citation) }
          let who = p.map { household.persons[$0].id } ?? "het huishouden"
          guard seen.insert("f:\(id):\(who)").inserted else { return }
          if ref != nil && p == nil { return }
          guard let v = try? fact(id, person: p, at: node.citation) else { return }
          let decl = program.facts[id]
          let given = p.map { household.persons[$0].facts[id] != nil } ?? (household.facts[id] != nil)
          let origin = (decl?.origin ?? "") + (given ? "" : ", standaardwaarde")
          out.append(.init(name: ref == nil ? id.name : "\(id.name) van \(who)", value: v.formatted(as: node.type), source: "gegeven (\(origin))"))
        default:
          break
        }
      }
    }
    return out
  }
}

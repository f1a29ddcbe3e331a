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
    ExpressionPrinter(style: .symbols, valueOf: { [self] node in
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
    }, shifted: { [self] dateExpression in
      // `A geldend op D`: the names in A show their value on D, not on the date of the step.
      guard let shiftedContext = context(ctx, shiftedTo: dateExpression) else { return nil }
      return printer(shiftedContext)
    })
  }

  /// The context of `A geldend op D`: the date D evaluates to in `ctx`, or nil when D is undecided.
  func context(_ ctx: Context, shiftedTo dateExpression: TypedExpression) -> Context? {
    let saved = trace
    let savedCollectors = collectors
    defer {
      trace = saved
      collectors = savedCollectors
    }
    guard case .date(let date)? = try? evaluate(dateExpression, ctx) else { return nil }
    var inner = ctx
    inner.date = date
    return inner
  }

  /// The parameters and facts an expression reads directly, with value and source.
  func inputs(of exprs: [TypedExpression], _ ctx: Context) -> [TraceStep.Input] {
    var out: [TraceStep.Input] = []
    var seen: Set<String> = []
    for e in exprs { collectInputs(e, ctx, into: &out, seen: &seen) }
    return out
  }

  /// Adds the inputs `node` reads, each on the date it is read: below `A geldend op D` that is D.
  func collectInputs(_ node: TypedExpression, _ ctx: Context, into out: inout [TraceStep.Input], seen: inout Set<String>) {
    if case .at(let a, let d) = node.kind {
      collectInputs(d, ctx, into: &out, seen: &seen)
      if let shiftedContext = context(ctx, shiftedTo: d) { collectInputs(a, shiftedContext, into: &out, seen: &seen) }
      return
    }
    switch node.kind {
    case .parameter(let id):
      guard seen.insert("p:\(id):\(ctx.date)").inserted, let pv = try? parameter(id, on: ctx.date) else { return }
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
      for child in node.children { collectInputs(child, ctx, into: &out, seen: &seen) }
    }
  }
}

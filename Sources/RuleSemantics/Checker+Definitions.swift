import ExactArithmetic
import LegalSource
import RuleIR
import RuleSyntax

extension Checker {
  /// The deepest chain of definitions resting on each other that the checker accepts.
  static let maxDefinitionDepth = 64

  /// The typed definition of `key` in `version`, built once. Reports a circular definition when the
  /// definition is asked for while it is being built.
  func definition(_ key: String, in version: VersionInfo, requestedAt range: SourceRange?) -> Definition? {
    let vid = ObjectIdentifier(version)
    let id = SymbolID(law: version.law, name: key)
    if let cached = definitions[vid]?[key] {
      noteDepth(definitionDepth[id] ?? 0)
      return cached
    }
    guard let entries = version.rules[key], let first = entries.first else { return nil }
    if let index = stack.firstIndex(where: { $0.0 == id }) {
      reportCycle(Array(stack[index...]), closingAt: range ?? first.value.range)
      return nil
    }
    // A chain of definitions each resting on the next: deeper than any law, it would exhaust the stack of
    // this checker and of the evaluators after it. Measured as the longest chain below a definition
    // (whatever order the definitions are checked in), reported once, at the first that goes too deep.
    guard stack.count < Self.maxDefinitionDepth else {
      reportTooDeep(id, at: range ?? first.value.range, first.citation)
      return nil
    }
    stack.append((id, range ?? first.value.range))
    depthStack.append(0)
    var built = buildDefinition(id, entries, version)
    stack.removeLast()
    let depth = depthStack.removeLast() + 1
    definitionDepth[id] = depth
    if depth > Self.maxDefinitionDepth, built != nil {
      reportTooDeep(id, at: first.value.range, first.citation)
      built = nil
    }
    noteDepth(depth)
    if built == nil { failedSymbols.insert(id) }
    definitions[vid, default: [:]][key] = .some(built)
    return built
  }

  /// The definition being built rests on one `depth` deep.
  private func noteDepth(_ depth: Int) {
    if let last = depthStack.indices.last { depthStack[last] = max(depthStack[last], depth) }
  }

  private func reportTooDeep(_ id: SymbolID, at range: SourceRange, _ citation: Citation) {
    failedSymbols.insert(id)
    guard !reportedDepth else { return }
    reportedDepth = true
    diagnostics.emit(.definitionChainTooDeep(id.name, limit: Self.maxDefinitionDepth), at: range, citation: citation)
  }

  private struct Checked {
    let body: Rule.Body
    let condition: T?
    let citation: Citation
    let entry: Located<RuleEntry>
  }

  private func buildDefinition(_ id: SymbolID, _ entries: [Located<RuleEntry>], _ version: VersionInfo) -> Definition? {
    // One of its rules did not parse: that error is reported; the name fails without another.
    if entries.contains(where: \.value.isUnparsed) { return nil }
    let subjectSyntax = entries[0].value.subject
    for e in entries.dropFirst() where e.value.subject != subjectSyntax {
      diagnostics.emit(.subjectMismatch(id.name), at: e.value.range, citation: e.citation, notes: [.init("eerste regel", range: entries[0].value.range)])
      return nil
    }
    let subject: Subject = subjectSyntax == .person ? .person : .household
    var checked: [Checked] = []
    var failed = false
    var type: RuleType?
    var quantum: Rational?
    var sawValue = false
    var sawKenmerk = false
    for entry in entries {
      let scope = Scope(version: version, citation: entry.citation, personBound: subject == .person)
      var citation = entry.citation
      var conditionSyntax: ConditionSyntax?
      var body: Rule.Body?
      switch entry.value {
      case .rule(let r):
        if let o = r.citationOverride {
          guard let c = self.citation(for: o, scope) else {
            failed = true
            continue
          }
          citation = c
        }
        conditionSyntax = r.condition
        let ruleScope = Scope(version: version, citation: citation, personBound: subject == .person)
        switch r.body {
        case .kenmerk(let positive):
          sawKenmerk = true
          body = .kenmerk(positive)
        case .value(let e):
          sawValue = true
          guard let t = check(e, ruleScope, expected: type) else {
            failed = true
            continue
          }
          if let known = type {
            guard let u = known.unified(with: t.type) else {
              emit(known.isMoney && t.type.isMoney ? .periodMismatch(known, t.type) : .typeMismatch("regels voor '\(id.name)'", known, t.type), at: e.range, ruleScope)
              failed = true
              continue
            }
            type = u
            quantum = Quantum.common(quantum, t.quantum)
          } else {
            type = t.type
            quantum = t.quantum
          }
          body = .value(t)
        }
      case .notFormalised(_, _, let c, let reason, let range):
        if reason.allSatisfy(\.isWhitespace) {
          emit(.notFormalisedNeedsReason(), at: range, scope)
          failed = true
          continue
        }
        conditionSyntax = c
        body = .notFormalised(reason)
      case .unparsed:
        failed = true  // not reached: buildDefinition returns before the loop
        continue
      }
      var condition: T?
      if let c = conditionSyntax {
        let ruleScope = Scope(version: version, citation: citation, personBound: subject == .person)
        guard let t = checkCondition(c, ruleScope) else {
          failed = true
          continue
        }
        condition = t
      }
      if let body { checked.append(Checked(body: body, condition: condition, citation: citation, entry: entry)) }
    }
    if sawKenmerk && sawValue {
      diagnostics.emit(.mixedRuleKinds(id.name), at: entries[0].value.range, citation: entries[0].citation)
      return nil
    }
    if sawKenmerk { type = .boolean }
    guard !failed, let finalType = type else { return nil }
    guard let rules = exceptions(checked, id, version) else { return nil }
    let def = Definition(id: id, subject: subject, type: finalType, quantum: sawKenmerk ? nil : quantum, rules: rules)
    if let known = symbolInfo[id], known.type.unified(with: finalType) == nil || known.subject != subject {
      diagnostics.emit(.typeDiffersAcrossVersions(id.name, known.type, finalType), at: entries[0].value.range, citation: entries[0].citation)
      return nil
    }
    return def
  }

  /// Resolves `In afwijking van …` to the rules of the same definition it names, or to an article of
  /// another law the rule deviates from; checks that exceptions do not form a circle.
  private func exceptions(_ checked: [Checked], _ id: SymbolID, _ version: VersionInfo) -> [Rule]? {
    var rules: [Rule] = []
    var ok = true
    for (index, c) in checked.enumerated() {
      var overrides: [Int] = []
      var deviates: [Citation] = []
      var isFallback = false
      if case .rule(let r) = c.entry.value {
        isFallback = r.isFallback
        let scope = Scope(version: version, citation: c.entry.citation, personBound: false)
        for ref in r.exceptionOf {
          let law = ref.law ?? version.law
          let bwb = table.versions[law]?.first?.header.bwb
          let targets = checked.indices.filter { other in
            other != index && checked[other].citation.bwb == bwb
              && (ref.artikel == nil || checked[other].citation.artikel == ref.artikel)
              && (ref.lid == nil || checked[other].citation.lid == ref.lid)
              && (ref.onderdeel == nil || checked[other].citation.onderdeel == ref.onderdeel)
          }
          if !targets.isEmpty {
            overrides += targets
          } else if law != version.law {
            guard let citation = citation(for: ref, scope) else {
              ok = false
              continue
            }
            deviates.append(citation)
          } else {
            emit(.exceptionTargetMissing(id.name, describe(ref)), at: ref.range, scope)
            ok = false
          }
        }
      }
      rules.append(
        Rule(
          index: index, body: c.body, condition: c.condition, overrides: overrides, deviatesFrom: deviates,
          isFallback: isFallback, citation: c.citation, range: c.entry.value.range))
    }
    let fallbacks = rules.filter(\.isFallback)
    if fallbacks.count > 1 {
      diagnostics.emit(.multipleFallbacks(id.name), at: fallbacks[1].range, citation: fallbacks[1].citation)
      ok = false
    } else if fallbacks.count == 1 && rules.count == 1 {
      diagnostics.emit(.fallbackOnly(id.name), at: fallbacks[0].range, citation: fallbacks[0].citation)
    }
    if let loop = overrideCycle(rules) {
      let chain = loop.map { rules[$0].citation.short }.joined(separator: " → ")
      diagnostics.emit(.cycle("uitzonderingen op '\(id.name)': \(chain)"), at: rules[loop[0]].range, citation: rules[loop[0]].citation)
      ok = false
    }
    return ok ? rules : nil
  }

  /// A circle in the "is an exception to" relation, if any.
  private func overrideCycle(_ rules: [Rule]) -> [Int]? {
    var state = [Int](repeating: 0, count: rules.count)
    var path: [Int] = []
    func visit(_ i: Int) -> [Int]? {
      if state[i] == 1, let start = path.firstIndex(of: i) { return Array(path[start...]) + [i] }
      if state[i] != 0 { return nil }
      state[i] = 1
      path.append(i)
      for j in rules[i].overrides {
        if let loop = visit(j) { return loop }
      }
      path.removeLast()
      state[i] = 2
      return nil
    }
    for i in rules.indices {
      if let loop = visit(i) { return loop }
    }
    return nil
  }
}

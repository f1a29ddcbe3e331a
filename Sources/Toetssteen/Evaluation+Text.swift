import ExactArithmetic
import LegalSource
import ReferenceEvaluator
import RuleIR

extension Evaluation {
  /// The outputs as a person reads them, one per line, in Dutch notation.
  public func summaryText() -> String {
    var lines = ["Peildatum: \(DutchFormat.date(date))"]
    let width = outputs.map(\.declaration.id.count).max() ?? 0
    for o in outputs {
      let id = o.declaration.id.padding(toLength: width, withPad: " ", startingAt: 0)
      switch o.result {
      case .success(let v):
        let type = program.symbols[o.declaration.symbol]?.type ?? .money(.any)
        lines.append("  \(id)  \(v.formatted(as: type))")
      case .failure(let u):
        lines.append("  \(id)  onbepaald: \(u)")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The explanation of every output: a tree of the values it was built from, each with the article,
  /// the rule as written, the formula with values filled in, the inputs with their source, and which
  /// exceptions applied or not.
  public func explanationText() -> String {
    var out: [String] = [summaryText(), ""]
    var shown: Set<Int> = []
    for o in outputs {
      out.append("Uitleg van \(o.declaration.id):")
      if let s = o.step { render(s, depth: 1, shown: &shown, into: &out) }
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  func render(_ index: Int, depth: Int, shown: inout Set<Int>, into out: inout [String]) {
    let step = trace.steps[index]
    let pad = String(repeating: "  ", count: depth)
    let who = step.person.map { " van \($0)" } ?? ""
    let when = step.date == date ? "" : " (\(DutchFormat.date(step.date)))"
    var head = "\(pad)• \(step.symbol.name)\(who)\(when) = \(step.valueText)"
    if let rule = step.rule { head += "  [\(rule.short)]" }
    guard shown.insert(index).inserted else {
      out.append(head + " (zie hierboven)")
      return
    }
    out.append(head)
    if let rule = step.rule { out.append("\(pad)    artikel: \(rule.text) — \(rule.url)") }
    if let text = step.ruleText { out.append("\(pad)    regel: \(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))") }
    if let f = step.formula { out.append("\(pad)    formule: \(f)") }
    for input in step.inputs { out.append("\(pad)    invoer: \(input.name) = \(input.value) (\(input.source))") }
    // Rules of other articles that were tried; several of one article with one outcome on one line.
    var notes: [(text: String, count: Int)] = []
    for note in step.rules where note.outcome != .notReached && note.citation != step.rule {
      let text = "\(note.isException ? "uitzondering" : "regel") \(note.citation.short): \(note.outcome.rawValue)"
      if notes.last?.text == text { notes[notes.count - 1].count += 1 } else { notes.append((text, 1)) }
    }
    for (text, count) in notes {
      out.append("\(pad)    \(count > 1 ? text.replacingOccurrences(of: ": ", with: " (\(count)×): ") : text)")
    }
    for d in step.deviations { out.append("\(pad)    in afwijking van \(d.short)") }
    // Uses of the same name on other dates (a value per month) are summarised on one line.
    struct Key: Hashable {
      let symbol: SymbolID
      let person: String?
    }
    var groups: [Key: [Int]] = [:]
    var order: [Key] = []
    for u in step.uses {
      let key = Key(symbol: trace.steps[u].symbol, person: trace.steps[u].person)
      if groups[key] == nil { order.append(key) }
      if !groups[key, default: []].contains(u) { groups[key, default: []].append(u) }
    }
    for key in order {
      guard let list = groups[key], let first = list.first else { continue }
      render(first, depth: depth + 1, shown: &shown, into: &out)
      let rest = list.dropFirst().filter { trace.steps[$0].date != trace.steps[first].date }
      if !rest.isEmpty {
        let text = rest.map { "\(DutchFormat.date(trace.steps[$0].date)): \(trace.steps[$0].valueText)" }
        out.append("\(pad)    ook \(key.symbol.name)\(key.person.map { " van \($0)" } ?? ""): \(text.joined(separator: "; "))")
      }
    }
  }
}

import LegalSource
import LegalText
import RuleIR

/// The register of begrippen of one law version: every definition and parameter it makes, the
/// articles its rules come from, and where another law defines the same begrip differently.
enum Register {
  static func begrippen(version: LawVersion, program: Program) -> [LawPage.Begrip] {
    // Every other law version's definitions, for comparison.
    var others: [SymbolID: (LawVersion, Definition)] = [:]
    for (code, versions) in program.laws where code != version.code {
      for v in versions { for (id, d) in v.definitions { others[id] = (v, d) } }
    }
    var out: [LawPage.Begrip] = []
    for (id, d) in version.definitions.sorted(by: { $0.key < $1.key }) {
      var cites: [Citation] = []
      for r in d.rules where !cites.contains(r.citation.article) { cites.append(r.citation.article) }
      var elsewhere: [String] = []
      let concept = ConceptFamily.all.first { $0.matches(id.name) }
      for (other, (v, od)) in others.sorted(by: { $0.key < $1.key }) {
        let same = other.name == id.name
        let related = concept.map { $0.matches(other.name) } ?? false
        guard same || related else { continue }
        let where_ = od.rules.first.map { $0.citation.article.short } ?? v.shortTitle
        elsewhere.append("\(other.name) (\(where_))\(same ? "" : ", begrip \(concept!.name)")")
      }
      out.append(LawPage.Begrip(
        name: id.name, kind: d.rules.contains { if case .kenmerk = $0.body { return true } else { return false } } ? "kenmerk" : "afleiding",
        type: d.type.description, citations: cites, elsewhere: Array(Set(elsewhere)).sorted()))
    }
    return out
  }
}

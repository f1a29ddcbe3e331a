import ExactArithmetic
import Foundation
import HouseholdModel
import Population
import RuleIR

extension Exports {
  /// The generated population itself, one row per person: the household number, the role, every
  /// household fact and every person fact, in the units of the household document (euros with
  /// cents, ISO dates, `true`/`false`, enumeration values as in JSON).
  ///
  /// This is what another engine needs to compute the same regulations on the same households
  /// (the OpenFisca comparison in `Benchmarks/` reads it). Written atomically.
  public static func writePersonsCSV(_ s: Simulation, to path: String) throws {
    let p = s.population
    let program = s.program
    let householdFacts = program.facts(of: .household).filter { p.householdColumns[$0.field] != nil }
    let personFacts = program.facts(of: .person).filter { p.personColumns[$0.field] != nil }
    let householdColumns = householdFacts.map { p.householdColumns[$0.field]! }
    let personColumns = personFacts.map { p.personColumns[$0.field]! }
    let householdFormat = householdFacts.map { CellFormat($0, program) }
    let personFormat = personFacts.map { CellFormat($0, program) }
    let roles = PopulationData.roleOrder.map(\.rawValue)
    try AtomicFile.write(to: path) { handle in
      var buffer = (["huishouden", "rol"] + householdFacts.map(\.field) + personFacts.map(\.field)).joined(separator: ",") + "\n"
      for h in 0..<p.householdCount {
        let householdCells = householdColumns.indices.map { householdFormat[$0].render(householdColumns[$0][h]) }
        for q in Int(p.personStart[h])..<Int(p.personStart[h + 1]) {
          buffer += String(s.firstHousehold + h)
          buffer += ","
          buffer += roles[Int(p.role[q])]
          for cell in householdCells {
            buffer += ","
            buffer += cell
          }
          for c in personColumns.indices {
            buffer += ","
            buffer += personFormat[c].render(personColumns[c][q])
          }
          buffer += "\n"
        }
        if buffer.utf8.count > 1 << 20 {
          try handle.write(contentsOf: Data(buffer.utf8))
          buffer = ""
        }
      }
      try handle.write(contentsOf: Data(buffer.utf8))
    }
  }
}

/// How one column's raw integers are written as CSV text.
struct CellFormat {
  enum Kind {
    case money, date, boolean, integer
    case enumeration([String])
  }

  let kind: Kind

  init(_ decl: FactDeclaration, _ program: Program) {
    switch decl.type {
    case .money: kind = .money
    case .date: kind = .date
    case .boolean: kind = .boolean
    case .enumeration(let e): kind = .enumeration((program.enumerations[e] ?? []).map(HouseholdDecoder.jsonForm))
    default: kind = .integer
    }
  }

  func render(_ raw: Int64) -> String {
    switch kind {
    case .money: return Cents.decimalString(raw)
    case .date: return CivilDate(dayNumber: Int(raw)).iso
    case .boolean: return raw != 0 ? "true" : "false"
    case .integer: return String(raw)
    case .enumeration(let names): return raw >= 0 && Int(raw) < names.count ? names[Int(raw)] : String(raw)
    }
  }
}

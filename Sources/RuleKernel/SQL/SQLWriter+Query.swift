import Population
import RuleIR

extension SQLWriter {
  /// The whole query: the input steps, household and person steps per depth (a wide depth in several), the outputs.
  mutating func query(outputs declarations: [OutputDeclaration]) throws -> String {
    let (outputValues, outputStatuses) = try resolve()
    let maxLevel = level.max() ?? 0
    var ctes: [String] = inputSteps()
    var household = "huishouden_stap_0"
    var person = "persoon_stap_0"
    for step in 1..<(maxLevel + 1) {
      let members = level.indices.filter { level[$0] == step }
      let inHouseholds = members.filter { program.instructions[$0].domain == .household }
      let inPersons = members.filter { program.instructions[$0].domain == .person }
      // Both steps read the steps before this depth.
      let (previousHousehold, previousPerson) = (household, person)
      // A wide depth is written as several steps of at most `stepWidth` instructions (its instructions do
      // not read each other): Spark compiles each step to one Java method, which may not exceed 64 KB.
      household = try parts(inHouseholds, step: step, name: "huishouden_stap_\(step)", after: household, into: &ctes) {
        try householdStep($0, $1, carrying: $2, last: $3, from: $4, persons: previousPerson)
      }
      person = try parts(inPersons, step: step, name: "persoon_stap_\(step)", after: person, into: &ctes) {
        try personStep($0, $1, carrying: $2, last: $3, from: $4, households: previousHousehold)
      }
    }
    ctes.append(outputStep(declarations, outputValues, outputStatuses, from: household))
    return "WITH\n" + ctes.joined(separator: ",\n") + "\nSELECT * FROM uitkomsten\nORDER BY huishouden\n"
  }

  /// At most this many instructions per step. Measured on Spark 4.3: steps of several hundred columns
  /// exceeded the JVM's 64 KB method limit and ran interpreted, many times slower per household.
  static let stepWidth = 48

  /// Writes the instructions of one depth and domain as steps of at most ``stepWidth``: `name`, then
  /// `name_2`, … each reading the one before and carrying what a later step reads. Returns the name of
  /// the last step (`previous` when there are no instructions).
  func parts(
    _ members: [Int], step: Int, name: String, after previous: String, into ctes: inout [String],
    write: (_ name: String, _ chunk: ArraySlice<Int>, _ carrying: [Int], _ last: Bool, _ from: String) throws -> String
  ) rethrows -> String {
    var current = previous
    var carried: [Int] = []
    let starts = Array(stride(from: 0, to: members.count, by: Self.stepWidth))
    for (part, start) in starts.enumerated() {
      let chunk = members[start..<min(members.count, start + Self.stepWidth)]
      let (partName, comment) = named(name + (part == 0 ? "" : "_\(part + 1)"), chunk)
      ctes.append(comment + (try write(partName, chunk, carried, part == starts.count - 1, current)))
      carried += chunk.filter { lastReader[$0] > step }
      current = partName
    }
    return current
  }

  /// Columns `v<k>` (and `s<k>`) of the instructions of a step.
  func columns(_ members: [Int]) throws -> [String] {
    try members.flatMap { k -> [String] in
      var list = ["\(try valueExpression(k)) AS v\(k)"]
      if program.instructions[k].ds >= 0 { list.append("\(try statusExpression(k)) AS s\(k)") }
      return list
    }
  }

  /// The columns of instructions of `domain` before `step` that a step after it still reads — or, for a
  /// part of a step that is not its last (`last` false), that a later part of the step itself reads.
  func kept(_ domain: Domain, after step: Int, last: Bool = true, prefix: String) -> String {
    let reader = last ? step : step - 1
    let columns = level.indices.filter { level[$0] >= 0 && level[$0] < step && lastReader[$0] > reader && program.instructions[$0].domain == domain }
      .flatMap { k in ["\(prefix).v\(k)"] + (program.instructions[k].ds >= 0 ? ["\(prefix).s\(k)"] : []) }
    return columns.map { ", " + $0 }.joined()
  }

  /// The columns of instructions of an earlier part of the same step that a later step reads.
  func carried(_ members: [Int], prefix: String) -> String {
    members.flatMap { k in ["\(prefix).v\(k)"] + (program.instructions[k].ds >= 0 ? ["\(prefix).s\(k)"] : []) }.map { ", " + $0 }.joined()
  }

  func householdStep(_ name: String, _ chunk: ArraySlice<Int>, carrying: [Int], last: Bool, from previous: String, persons: String) throws -> String {
    let members = Array(chunk)
    let aggregates = members.flatMap { aggregateColumns($0) }
    let step = level[members[0]]
    var text = "\(name) AS (\n  SELECT h.huishouden, h.t_partner, h.t_fout\(kept(.household, after: step, last: last, prefix: "h"))\(carried(carrying, prefix: "h")),\n    " + (try columns(members)).joined(separator: ",\n    ") + "\n  FROM \(previous) h"
    if !aggregates.isEmpty {
      text += "\n  LEFT JOIN (\n    SELECT huishouden AS t_groep,\n      " + aggregates.joined(separator: ",\n      ")
        + "\n    FROM \(persons) GROUP BY huishouden\n  ) g ON g.t_groep = h.huishouden"
    }
    return text + "\n)"
  }

  func personStep(_ name: String, _ chunk: ArraySlice<Int>, carrying: [Int], last: Bool, from previous: String, households: String) throws -> String {
    let members = Array(chunk)
    let needsHousehold = members.contains { program.instructions[$0].code == .broadcast }
    let step = level[members[0]]
    var text = "\(name) AS (\n  SELECT p.huishouden, p.t_volg, p.t_rol\(kept(.person, after: step, last: last, prefix: "p"))\(carried(carrying, prefix: "p")),\n    " + (try columns(members)).joined(separator: ",\n    ") + "\n  FROM \(previous) p"
    if needsHousehold { text += "\n  JOIN \(households) hh ON hh.huishouden = p.huishouden" }
    return text + "\n)"
  }

  /// The tables read and checked: every cell converted to the kernel's integer, every household with
  /// the reason it cannot be computed, if any.
  func inputSteps() -> [String] {
    func converted(_ columns: [SQLTableSchema.Column]) -> [String] { columns.map { "\(schema.kernelValue($0, dialect)) AS c_\($0.name)" } }
    func problems(_ columns: [SQLTableSchema.Column], extra: [String]) -> String {
      let tests = columns.map { "CASE WHEN c_\($0.name) IS NULL THEN \(dialect.string($0.name)) END" } + extra
      return tests.isEmpty ? "''" : "concat_ws(', ', \(tests.joined(separator: ", ")))"
    }
    let roles = PopulationData.roleOrder.map(\.rawValue).enumerated().map { "WHEN \(dialect.string($1)) THEN \($0)" }.joined(separator: " ")
    let householdLevel0 = level.indices.filter { level[$0] == 0 && program.instructions[$0].domain == .household }
    let personLevel0 = level.indices.filter { level[$0] == 0 && program.instructions[$0].domain == .person }
    func base(_ k: Int) -> String { "\(baseExpression(k)) AS v\(k)" + (program.instructions[k].ds >= 0 ? ", 0 AS s\(k)" : "") }
    let base0h = householdLevel0.map(base)
    let base0p = personLevel0.map(base)
    return [
      "invoer_huishoudens AS (\n  SELECT huishouden" + converted(schema.household).map { ",\n    \($0)" }.joined() + "\n  FROM huishoudens\n)",
      "controle_huishoudens AS (\n  SELECT *, \(problems(schema.household, extra: [])) AS t_fout_h\n  FROM invoer_huishoudens\n)",
      "invoer_personen AS (\n  SELECT huishouden, CAST(volgnummer AS BIGINT) AS t_volg, CASE rol \(roles) END AS t_rol"
        + converted(schema.person).map { ",\n    \($0)" }.joined() + "\n  FROM personen\n)",
      "controle_personen AS (\n  SELECT *, \(problems(schema.person, extra: ["CASE WHEN t_rol IS NULL THEN 'rol' END", "CASE WHEN t_volg IS NULL OR t_volg < 0 OR t_volg > 1000000 THEN 'volgnummer' END"])) AS t_fout_p\n  FROM invoer_personen\n)",
      """
      samenstelling AS (
        SELECT huishouden AS t_groep,
          SUM(CASE WHEN t_rol = 0 THEN 1 ELSE 0 END) AS t_aanvragers,
          SUM(CASE WHEN t_rol = 0 AND t_volg = 0 THEN 1 ELSE 0 END) AS t_aanvrager_eerst,
          SUM(CASE WHEN t_rol = 1 THEN 1 ELSE 0 END) AS t_partners,
          SUM(CASE WHEN t_rol = 1 AND t_volg = 1 THEN 1 ELSE 0 END) AS t_partner_tweede,
          COUNT(*) - COUNT(DISTINCT t_volg) AS t_dubbel,
          MAX(t_fout_p) AS t_fout_personen
        FROM controle_personen GROUP BY huishouden
      )
      """,
      "huishouden_stap_0 AS (\n  SELECT h.*,\n    CASE WHEN s.t_partner_tweede = 1 THEN 1 ELSE 0 END AS t_partner,\n    "
        + """
        CASE
            WHEN h.t_fout_h <> '' THEN 'ongeldige invoer: ' || h.t_fout_h
            WHEN s.t_groep IS NULL THEN 'ongeldige invoer: geen personen'
            WHEN s.t_aanvragers <> 1 OR s.t_aanvrager_eerst <> 1 THEN 'ongeldige invoer: niet precies één aanvrager, met volgnummer 0'
            WHEN s.t_partners > 1 OR s.t_partners <> s.t_partner_tweede THEN 'ongeldige invoer: meer dan één partner, of een partner zonder volgnummer 1'
            WHEN s.t_dubbel <> 0 THEN 'ongeldige invoer: twee personen met hetzelfde volgnummer'
            WHEN s.t_fout_personen <> '' THEN 'ongeldige invoer bij een persoon: ' || s.t_fout_personen
          END AS t_fout
        """ + base0h.map { ",\n    \($0)" }.joined()
        + "\n  FROM controle_huishoudens h\n  LEFT JOIN samenstelling s ON s.t_groep = h.huishouden\n)",
      "persoon_stap_0 AS (\n  SELECT huishouden, t_volg, t_rol" + base0p.map { ",\n    \($0)" }.joined() + "\n  FROM controle_personen\n)",
    ]
  }

  /// An instruction of step 0: a column, a role test, whether the household has a partner.
  func baseExpression(_ k: Int) -> String {
    let ins = program.instructions[k]
    switch ins.code {
    case .column:
      let field = ins.domain == .household ? program.householdColumns[ins.column] : program.personColumns[ins.column]
      // An empty cell makes the household invalid (t_fout); a stand-in keeps the arithmetic of its row
      // within range meanwhile — for a date a real day (1850-01-01), so date functions cannot fail.
      let standIn = schema.column(field: field, domain: ins.domain)?.kind == .date ? "\(1850 * 1024 + 32 + 1)" : "0"
      return "COALESCE(c_\(SQLTableSchema.columnName(field)), \(standIn))"
    case .roleIn:
      let roles = (0..<8).filter { (ins.k >> Int64($0)) & 1 == 1 }.map(String.init)
      return roles.isEmpty ? "0" : "CASE WHEN t_rol IN (\(roles.joined(separator: ", "))) THEN 1 ELSE 0 END"
    default:
      return "t_partner"
    }
  }
}


extension SQLWriter {
  /// The result: per output its amount in euros (`DECIMAL(20,2)`) and, where that is NULL, the reason.
  mutating func outputStep(_ declarations: [OutputDeclaration], _ values: [Int], _ statuses: [Int], from household: String) -> String {
    var columns = ["huishouden"]
    outputColumns = []
    for (i, output) in program.outputs.enumerated() {
      let name = SQLTableSchema.columnName(output.id)
      outputColumns.append((name, output.id))
      let raw = value(values[i])
      let st = status(statuses[i])
      // The kernel's raw value as cents: exact, or the row goes to the reference evaluator.
      let cents: String
      let exact: String
      if output.scale == 100 {
        (cents, exact) = (wide(raw), "TRUE")
      } else if 100 % output.scale == 0 {
        (cents, exact) = ("\(wide(raw)) * \(100 / output.scale)", "TRUE")
      } else {
        let hundredfold = "\(wide(raw)) * 100"
        // Exactly divisible where it counts, so the floor is the quotient; no narrowing outside the range test.
        (cents, exact) = (dialect.floorDivide(hundredfold, wideLiteral(Int128(output.scale))), "\(hundredfold) % \(output.scale) = 0")
      }
      let decided = "\(st) = 0 AND \(exact) AND \(inRange(cents))"
      let citation = declarations.first { $0.id == output.id }.map { "\($0.id): \($0.citation)" } ?? output.id
      columns.append("-- \(citation)\n    CASE WHEN t_fout IS NULL AND \(decided) THEN CAST(CAST(\(cents) AS DECIMAL(20,0)) * 0.01 AS DECIMAL(20,2)) END AS \(name)")
      columns.append(
        "CASE WHEN t_fout IS NOT NULL THEN t_fout WHEN \(st) = 1 THEN 'onbeslist' WHEN NOT (\(decided)) THEN 'referentie' END AS \(name)_reden")
    }
    let text = "uitkomsten AS (\n  SELECT\n    " + columns.joined(separator: ",\n    ") + "\n"
    return text + "  FROM \(household)\n)"
  }
}

import ExactArithmetic
import RuleIR

/// A kernel program as one SQL query over the tables `huishoudens` and `personen`
/// (see ``SQLTableSchema``), giving one row per household with every output in euros and a reason
/// beside each output that the query does not decide.
///
/// The query is lowered from the same kernel program the interpreter and the native backend run,
/// instruction by instruction, so it has the same meaning:
/// - every instruction becomes a column (`v<k>`, with its status `s<k>` where the value can fail);
/// - instructions are grouped by depth into steps (`huishouden_stap_<n>_<regel>`, `persoon_stap_<n>_<regel>`,
///   named after the definition most of their instructions compute, with a comment naming every
///   definition and its article): a step reads only earlier steps; a household step aggregates the
///   persons (aanvrager, partner, sums over a group) of the step before, a person step joins its household;
/// - arithmetic that can leave 64 bits runs in an exact wide type (``SQLDialect``) and a row whose value
///   does not fit gets the reason `referentie`: `toets evaluate` decides it exactly;
/// - a row the rules do not decide (a missing fact, no partner, no or conflicting rule) gets NULL with
///   the reason `onbeslist`; a row with invalid input (an empty cell, an unknown value, not one
///   aanvrager) gets NULL with the reason naming the columns.
public struct SQLSource: Sendable {
  /// The query text, with a header saying what it computes, for which date, from which tables.
  public let text: String
  /// Outputs the kernel cannot lower; they are not in the query.
  public let unsupported: [(id: String, reason: String)]
  /// The output columns, in order: (column, output id).
  public let outputColumns: [(column: String, id: String)]

  /// - Parameters:
  ///   - program: the kernel program, compiled with ``KernelCompiler/compileForOpenInput(program:date:schema:outputs:)``.
  ///   - outputs: the output declarations, for the citations in the comments.
  ///   - header: lines for the header comment (date, regulations, variant).
  /// - Throws: ``KernelUnsupported`` for an instruction that has no SQL.
  public init(program: KernelProgram, schema: SQLTableSchema, outputs: [OutputDeclaration], dialect: SQLDialect, header: [String]) throws {
    var writer = SQLWriter(program: program, schema: schema, dialect: dialect)
    let body = try writer.query(outputs: outputs)
    var lines = header.map { "-- " + $0 }
    lines.append("-- Dialect: \(dialect.displayName). Tabellen (zie toets sql --tables):")
    lines += schema.createStatements(dialect).split(separator: "\n").map { "--   " + $0 }
    if !program.unsupported.isEmpty {
      lines.append("-- Niet in deze query (de kernel kan ze niet exact uitdrukken; toets simulate rekent ze met de referentie):")
      lines += program.unsupported.map { "--   \($0.id): \($0.reason)" }
    }
    text = lines.joined(separator: "\n") + "\n" + body
    unsupported = program.unsupported
    outputColumns = writer.outputColumns
  }

  /// The part of a step's name that names its rule: `zorgtoeslag.normpremie` becomes
  /// `zorgtoeslag_normpremie` (lower-case letters, digits and single underscores, at most 48 characters).
  public static func identifier(forRule symbol: String) -> String { SQLWriter.identifier(symbol) }
}

import ExactArithmetic
import Population
import RuleKernel
import Synthesis

extension Engine {
  /// The regulations in force on `date` as one SQL query over the tables `huishoudens` and `personen`
  /// with the columns `fields` names (see ``SQLTableSchema``).
  /// - Throws: ``KernelUnsupported`` when a field has no column type or an instruction no SQL.
  public func sql(date: CivilDate, dialect: SQLDialect, fields: PopulationSchema, header: [String]) throws -> SQLSource {
    let kernel = KernelCompiler.compileForOpenInput(program: program, date: date, schema: fields)
    let schema = try SQLTableSchema(program: program, fields: fields)
    return try SQLSource(program: kernel, schema: schema, outputs: program.outputs(on: date), dialect: dialect, header: header)
  }

  /// The fields a population of `scenario` holds on `date`: the columns of the tables that
  /// `toets simulate --tables` writes and the SQL reads. The generator decides them, not the draws, so
  /// a handful of households tells.
  public func tableFields(scenario: Scenario, date: CivilDate) -> PopulationSchema {
    let sample = Generator(scenario: scenario, program: program, date: date).generate(count: 16, threads: 1)
    return PopulationSchema(sample)
  }
}

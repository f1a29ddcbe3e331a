import ExactArithmetic
import RuleIR

extension KernelCompiler {
  /// Compiles the outputs for input whose values are not known in advance — a table in a data
  /// platform rather than a generated population — month by month for every household.
  ///
  /// No column has a known range, so every operation that could leave 64 bits is checked, and a
  /// household may have any number of persons. This is the program the SQL backend lowers: it must
  /// hold for any row of the documented tables, not only for the rows of one population.
  /// - Parameters:
  ///   - schema: the fields the tables hold; a fact without a field takes its default or is undecided,
  ///     as in ``compile(program:date:population:outputs:)``.
  public static func compileForOpenInput(program: Program, date: CivilDate, schema: PopulationSchema, outputs wanted: [String]? = nil) -> KernelProgram {
    let builder = GraphBuilder(columnRanges: [:], maxPersonsPerHousehold: openInputPersonLimit)
    let lowering = Lowering(program: program, builder: builder, columns: schema, mode: .unroll)
    let outputs = program.outputs(on: date).filter { wanted?.contains($0.id) ?? true }
    let (roots, unsupported) = outputRoots(outputs, lowering, builder, date)
    return Emitter(builder: builder).emit(roots: roots, unsupported: unsupported)
  }

  /// The most persons per household the open-input program assumes in its range analysis (a count
  /// of persons stays far below 64 bits for any table a platform can hold).
  static let openInputPersonLimit = 1 << 30
}

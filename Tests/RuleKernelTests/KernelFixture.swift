import ExactArithmetic
import HouseholdModel
import Population
import RuleIR
import RuleKernel
import TestSupport
import Testing

/// A fixture regulation compiled, its household documents read, and the kernel compiled for one date and
/// run on one thread: the setup the kernel tests share before they hold the kernel against the reference
/// evaluator (which they build from ``program`` and ``households``).
struct KernelFixture {
  let program: Program
  let households: [Household]
  let kernel: CompiledKernel
  let results: SimulationResults

  /// Compiles `files` (a regulation that must compile), reads `documents` (household JSON) and runs the
  /// kernel on them for `day`.
  init(_ files: [String: String], documents: [String], on day: CivilDate) throws {
    let (compiled, diagnostics) = RegulationFixture.compile(files)
    program = try #require(compiled, "\(RegulationFixture.errors(diagnostics))")
    households = try documents.map { [program] in try RegulationFixture.household($0, program: program) }
    let population = try PopulationData(households: households, program: program)
    kernel = KernelCompiler.compile(program: program, date: day, population: population)
    results = KernelRunner.run(kernel: kernel, program: program, population: population, date: day, threads: 1)
  }
}

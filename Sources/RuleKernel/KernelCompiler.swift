import ExactArithmetic
import Population
import RuleIR

/// Compiles the outputs of a program, for one date and one population, into a kernel.
///
/// The passes: lower and specialise (``Lowering``, with hash-consing and constant folding in
/// ``GraphBuilder``); keep only the nodes the outputs need; allocate register slots by liveness; emit
/// instructions. An output that uses a construct the kernel cannot represent exactly is listed as
/// unsupported and computed by the reference evaluator instead.
public enum KernelCompiler {
  public static func compile(program: Program, date: CivilDate, population: PopulationData, outputs wanted: [String]? = nil) -> CompiledKernel {
    let stats = ColumnStatistics(population)
    let builder = GraphBuilder(columnRanges: stats.ranges, maxPersonsPerHousehold: stats.maxPersons)
    let schema = PopulationSchema(population)
    let ids = program.outputs(on: date).filter { wanted?.contains($0.id) ?? true }
    // Month by month, for every household.
    let unrolled = Lowering(program: program, builder: builder, columns: schema, mode: .unroll)
    let (roots, unsupported) = outputRoots(ids, unrolled, builder, date)
    // January times twelve, for households whose pivots do not change during the year — per output:
    // an output whose monthly sums all qualify takes the short path, one that reads a sum that does
    // not (a law with a new version in July) is computed month by month for every household.
    var analysis = MonthAnalysis(builder: builder)
    let groupSegments = unrolled.monthRoots.map { analysis.segments($0) }
    let eligibleGroups = groupSegments.map { $0 != nil }
    var stable: KernelProgram?
    var probe: KernelProgram?
    var rest: KernelProgram?
    if !unrolled.monthRoots.isEmpty, eligibleGroups.contains(true) {
      let eligible = roots.filter { _, node in
        let reached = reachable(from: node, builder)
        return zip(unrolled.monthRoots, eligibleGroups).allSatisfy { group, ok in ok || !group.contains { reached.contains($0) } }
      }
      let january = Lowering(program: program, builder: builder, columns: schema, mode: .januaryTimesTwelve)
      for (key, segments) in zip(unrolled.monthKeys, groupSegments) {
        if let segments { january.segments[key] = segments }
      }
      // An output whose January lowering fails (a sum the analysis did not see, a wide product) is
      // left to the month-by-month program, alone.
      let stableRoots: [(String, Int32)]? = eligible.compactMap { id, _ -> (String, Int32)? in
        guard let output = ids.first(where: { $0.id == id }),
          let node = try? january.definition(output.symbol, .household, date), builder.isEmittable(node)
        else { return nil }
        return (id, node)
      }
      if let stableRoots, !stableRoots.isEmpty, let flag = try? stabilityFlag(analysis.pivots, builder) {
        stable = Emitter(builder: builder).emit(roots: stableRoots, unsupported: [])
        probe = Emitter(builder: builder).emit(roots: [("stabiel", flag)], unsupported: [])
        let others = roots.filter { id, _ in !stableRoots.contains { $0.0 == id } }
        if !others.isEmpty { rest = Emitter(builder: builder).emit(roots: others, unsupported: []) }
      }
    }
    let full = Emitter(builder: builder).emit(roots: roots, unsupported: unsupported)
    // The declarations in the order of the results: the kernel's outputs, then those it cannot compute.
    let order = roots.map(\.0) + unsupported.map(\.0)
    let declarations = order.compactMap { id in ids.first { $0.id == id } }
    return CompiledKernel(unrolled: full, stable: stable, rest: rest, probe: probe, pivotCount: analysis.pivots.count, declarations: declarations)
  }

  /// The graph node of every output, month by month; an output the kernel cannot represent exactly is
  /// listed with the reason instead (the reference evaluator computes it).
  static func outputRoots(_ outputs: [OutputDeclaration], _ lowering: Lowering, _ builder: GraphBuilder, _ date: CivilDate)
    -> (roots: [(String, Int32)], unsupported: [(String, String)])
  {
    var roots: [(String, Int32)] = []
    var unsupported: [(String, String)] = []
    for output in outputs {
      do {
        let node = try lowering.definition(output.symbol, .household, date)
        guard case .number = builder[node].repr else { throw KernelUnsupported(description: "uitvoer is geen bedrag") }
        guard builder.isEmittable(node) else { throw KernelUnsupported(description: "\(Lowering.wideUnrounded) (in \(output.symbol))") }
        roots.append((output.id, node))
      } catch let e as KernelUnsupported {
        unsupported.append((output.id, e.description))
      } catch {
        unsupported.append((output.id, "\(error)"))
      }
    }
    return (roots, unsupported)
  }

  /// The nodes `root` reads, directly or indirectly.
  static func reachable(from root: Int32, _ b: GraphBuilder) -> Set<Int32> {
    var seen: Set<Int32> = []
    var stack = [root]
    while let n = stack.popLast() {
      guard seen.insert(n).inserted else { continue }
      stack.append(contentsOf: Emitter.operands(b[n].op))
    }
    return seen
  }

  /// Household flag: every pivot has the same value in January as in December.
  static func stabilityFlag(_ pivots: [(january: Int32, december: Int32)], _ b: GraphBuilder) throws -> Int32 {
    var parts: [Int32] = []
    for (jan, dec) in pivots {
      let same = b.make(.sameOutcome(jan, dec), b[jan].domain, .boolean, mayFail: false, range: 0...1)
      if b[same].domain == .household {
        parts.append(same)
      } else {
        parts.append(b.not(b.segmentAny(b.not(same), mask: b.roleIn(0xFF))))
      }
    }
    return try b.logic(parts, isAnd: true)
  }
}

/// The kernels of one compilation: month by month for every household, and — when the analysis
/// allows — January times twelve for households whose month-dependent conditions stay the same, with
/// the probe that tells them apart. Outputs that cannot take the short path are in `rest`, computed
/// month by month for those households too.
public struct CompiledKernel: Sendable {
  public let unrolled: KernelProgram
  public let stable: KernelProgram?
  /// The outputs `stable` leaves out, month by month (for the households `stable` runs on).
  public let rest: KernelProgram?
  public let probe: KernelProgram?
  public let pivotCount: Int
  /// The output declarations, in the order of the results (``outputs``, then ``unsupported``): what
  /// each column is, its kind and its article, without looking it up by id.
  public let declarations: [OutputDeclaration]

  public var outputs: [KernelProgram.Output] { unrolled.outputs }
  public var unsupported: [(id: String, reason: String)] { unrolled.unsupported }
  /// Instructions per household on the path most households take.
  public var instructionCount: Int { stable?.instructionCount ?? unrolled.instructionCount }
  public var checkedInstructionCount: Int { stable?.checkedInstructionCount ?? unrolled.checkedInstructionCount }

  public var profile: String {
    var lines = ["maanden apart: \(unrolled.instructionCount) instructies; \(unrolled.profile)"]
    if let stable, let probe {
      lines.append("januari × 12: \(stable.instructionCount) instructies; \(stable.profile)")
      if let rest { lines.append("maanden apart voor de overige uitkomsten: \(rest.instructionCount) instructies") }
      lines.append("toets op stabiliteit (\(pivotCount) omslagpunten): \(probe.instructionCount) instructies")
    }
    return lines.joined(separator: "\n")
  }
}

/// Min and max of every column, and the largest household.
struct ColumnStatistics {
  var ranges: [Domain: [String: ClosedRange<Int128>]] = [.household: [:], .person: [:]]
  var maxPersons = 1

  init(_ p: PopulationData) {
    for (field, column) in p.householdColumns { ranges[.household]![field] = Self.range(column) }
    for (field, column) in p.personColumns { ranges[.person]![field] = Self.range(column) }
    for h in 0..<p.householdCount { maxPersons = max(maxPersons, Int(p.personStart[h + 1] - p.personStart[h])) }
  }

  static func range(_ c: ColumnData) -> ClosedRange<Int128> {
    guard c.count > 0 else { return 0...0 }
    var lo = Int64.max
    var hi = Int64.min
    switch c {
    case .int64(let a): for v in a { lo = min(lo, v); hi = max(hi, v) }
    case .int32(let a): for v in a { lo = min(lo, Int64(v)); hi = max(hi, Int64(v)) }
    case .uint8(let a): for v in a { lo = min(lo, Int64(v)); hi = max(hi, Int64(v)) }
    }
    return Int128(lo)...Int128(hi)
  }
}

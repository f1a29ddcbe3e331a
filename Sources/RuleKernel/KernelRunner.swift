import ExactArithmetic
import Foundation
import Population
import ReferenceEvaluator
import RuleIR

/// Per-household results of a simulation: one amount (in cents) and one status per output.
public final class SimulationResults: @unchecked Sendable {
  /// The outputs, one per column of `cents` and `status`: their declarations (id, kind, article).
  public let outputs: [OutputDeclaration]
  /// The outputs' ids, in the same order.
  public let outputIDs: [String]
  public let householdCount: Int
  /// `cents[o][h]`: the amount of output `o` for household `h`, in cents (0 when undecided).
  public private(set) var cents: [UnsafeMutableBufferPointer<Int64>]
  /// `status[o][h]`: `.ok` (decided: the amount counts) or `.undecided`; `.exact` only while the
  /// reference evaluator has yet to decide the row.
  public private(set) var status: [UnsafeMutableBufferPointer<RowStatus>]
  /// Rows the kernel could not prove exact, recomputed by the reference evaluator, per output.
  public internal(set) var exactRows: [Int]
  /// Those rows themselves, per output: their amounts are the reference evaluator's, so checking them
  /// against it proves nothing about the kernel (``exactRows`` is their count).
  public internal(set) var referenceRows: [Set<Int>]
  /// Households computed as January × 12 (their circumstances cannot change during the year).
  public internal(set) var stableHouseholds = 0
  /// Which backend ran the kernel, and what compiling it cost.
  public internal(set) var backend = BackendReport()

  init(outputs: [OutputDeclaration], householdCount: Int) {
    self.outputs = outputs
    self.outputIDs = outputs.map(\.id)
    self.householdCount = householdCount
    cents = outputs.map { _ in .allocate(capacity: max(1, householdCount)) }
    status = outputs.map { _ in
      let column = UnsafeMutableBufferPointer<RowStatus>.allocate(capacity: max(1, householdCount))
      column.initialize(repeating: .undecided)
      return column
    }
    exactRows = outputs.map { _ in 0 }
    referenceRows = outputs.map { _ in [] }
  }

  /// Whether output `o` is decided for household `h` (its amount counts).
  @inline(__always)
  public func isDecided(_ o: Int, _ h: Int) -> Bool { status[o][h] == .ok }

  deinit {
    cents.forEach { $0.deallocate() }
    status.forEach { $0.deallocate() }
  }

  public func index(of id: String) -> Int? { outputIDs.firstIndex(of: id) }
}

/// Runs a compiled kernel over a population on several threads, then lets the exact reference
/// evaluator decide every row the kernel could not prove exact and every output it could not compile.
///
/// Batches are fixed ranges of households, so results do not depend on the number of threads; the
/// backend (native code or the interpreter) does not change them either.
public enum KernelRunner {
  public static func run(
    kernel: CompiledKernel, program: Program, population: PopulationData, date: CivilDate, threads: Int,
    batchSize: Int = 1024, backend: KernelBackend = .preferred, progress: (@Sendable (Int) -> Void)? = nil
  ) -> SimulationResults {
    let results = SimulationResults(outputs: kernel.declarations, householdCount: population.householdCount)
    let n = population.householdCount
    let engines = KernelEngines(kernel: kernel, population: population, backend: backend)
    // Native code fuses many instructions into one loop that reads many slot columns at once; with
    // small batches those columns stay in the first-level caches (measured: 32 households per batch
    // 1,48 s, 64: 1,81 s, 1024: 3,85 s for a million households).
    let batchSize = engines.native.isEmpty ? batchSize : min(batchSize, 32)
    results.backend = engines.report
    engines.withBatches(batchSize: batchSize) { makeBatch in
      // Which households can take January times twelve.
      var stableList: [Int32] = []
      var unstableList: [Int32] = []
      if kernel.probe != nil, kernel.stable != nil {
        let flagStore = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, n))
        defer { flagStore.deallocate() }
        let shared = UnsafeSendable(flagStore)
        forEachBatch(Array(0..<Int32(n)), threads: threads, batchSize: batchSize, make: { makeBatch(.probe) }) { batch, list in
          let (values, statuses) = batch.output(0)
          for (i, h) in list.enumerated() {
            shared.value[Int(h)] = ((statuses?[i] ?? 0) == 0 && values[i] != 0) ? 1 : 0
          }
        }
        stableList.reserveCapacity(n)
        for h in 0..<n { if flagStore[h] != 0 { stableList.append(Int32(h)) } else { unstableList.append(Int32(h)) } }
      } else {
        unstableList = Array(0..<Int32(n))
      }
      results.stableHouseholds = stableList.count
      let counter = ProgressCounter()
      // Stable households: January × 12 for the outputs that allow it, month by month for the rest;
      // the others month by month for every output. Each program writes its outputs by id.
      let passes: [([Int32], KernelPass, KernelProgram?, Bool)] = [
        (stableList, .stable, kernel.stable, true), (stableList, .rest, kernel.rest, false), (unstableList, .unrolled, kernel.unrolled, true),
      ]
      for (list, pass, program, counts) in passes {
        guard let program, !list.isEmpty else { continue }
        let slots = program.outputs.map { results.index(of: $0.id)! }
        forEachBatch(list, threads: threads, batchSize: batchSize, make: { makeBatch(pass) }) { batch, households in
          for (k, output) in program.outputs.enumerated() {
            let o = slots[k]
            let c = results.cents[o]
            let s = results.status[o]
            let (values, statuses) = batch.output(k)
            for (i, h) in households.enumerated() {
              let (v, st) = Self.cents((values[i], statuses?[i] ?? 0), scale: output.scale)
              c[Int(h)] = v
              s[Int(h)] = RowStatus(rawValue: st) ?? .undecided
            }
          }
          if counts, let progress { progress(counter.add(households.count)) }
        }
      }
    }
    // Outputs the kernel cannot compute: every row by the reference evaluator.
    for o in kernel.outputs.count..<results.outputs.count {
      for h in 0..<n { results.status[o][h] = .exact }
    }
    resolveExact(results, program: program, population: population, date: date, threads: threads)
    return results
  }

  /// An output's raw value and status as cents: a value that is not a whole number of cents, or does
  /// not fit, goes to the reference evaluator.
  static func cents(_ raw: (Int64, UInt8), scale: Int64) -> (Int64, UInt8) {
    let (v, s) = raw
    if s != 0 { return (0, s) }
    if scale == 100 { return (v, 0) }
    let scaled = Int128(v) * 100
    guard scaled % Int128(scale) == 0 else { return (0, RowStatus.exact.rawValue) }
    let c = scaled / Int128(scale)
    guard c >= Int128(Int64.min), c <= Int128(Int64.max) else { return (0, RowStatus.exact.rawValue) }
    return (Int64(c), 0)
  }

  /// Runs batches of the households in `list` on `threads` threads, one batch object (made by
  /// `make`) per thread, handing each executed batch to `body`.
  static func forEachBatch(
    _ list: [Int32], threads: Int, batchSize: Int, make: @escaping @Sendable () -> KernelBatch,
    _ body: @escaping @Sendable (KernelBatch, UnsafeBufferPointer<Int32>) -> Void
  ) {
    let batches = (list.count + batchSize - 1) / batchSize
    let workers = max(1, min(threads, batches))
    list.withUnsafeBufferPointer { all in
      let base = UnsafeSendable(all)
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        let executor = make()
        var b = w
        while b < batches {
          let lo = b * batchSize
          let slice = UnsafeBufferPointer(rebasing: base.value[lo..<min(base.value.count, lo + batchSize)])
          executor.run(slice)
          body(executor, slice)
          b += workers
        }
      }
    }
  }

  /// Recomputes every row with status "exact" with the reference evaluator.
  static func resolveExact(_ results: SimulationResults, program: Program, population: PopulationData, date: CivilDate, threads: Int) {
    var rows: Set<Int> = []
    for o in results.outputIDs.indices {
      for h in 0..<results.householdCount where results.status[o][h] == .exact { rows.insert(h) }
    }
    guard !rows.isEmpty else { return }
    let list = rows.sorted()
    let symbols = results.outputs.map(\.symbol)
    let counts = ExactCounts(outputs: results.outputIDs.count)
    let workers = max(1, min(threads, list.count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var i = w
      while i < list.count {
        let h = list[i]
        let evaluator = Evaluator(program: program, household: population.household(h, program: program))
        for o in results.outputIDs.indices where results.status[o][h] == .exact {
          counts.add(o, row: h)
          guard case .success(.number(let r)) = evaluator.value(of: symbols[o], on: date),
            let c = (r * 100).intValue
          else {
            results.cents[o][h] = 0
            results.status[o][h] = .undecided
            continue
          }
          results.cents[o][h] = Int64(c)
          results.status[o][h] = .ok
        }
        i += workers
      }
    }
    results.exactRows = counts.values
    results.referenceRows = counts.rows
  }
}

/// A buffer shared read-only between threads.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ v: T) { value = v }
}

/// A thread-safe counter of processed households.
final class ExactCounts: @unchecked Sendable {
  private var rowSets: [Set<Int>]
  private let lock = NSLock()
  init(outputs: Int) { rowSets = [Set<Int>](repeating: [], count: outputs) }
  func add(_ o: Int, row: Int) {
    lock.lock()
    rowSets[o].insert(row)
    lock.unlock()
  }
  var values: [Int] { rows.map(\.count) }
  var rows: [Set<Int>] {
    lock.lock()
    defer { lock.unlock() }
    return rowSets
  }
}

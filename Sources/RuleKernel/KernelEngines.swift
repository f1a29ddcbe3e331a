import Foundation
import Population

/// The four programs of a ``CompiledKernel``, by the part of the run they serve.
enum KernelPass: Int, CaseIterable, Sendable {
  case probe, stable, rest, unrolled

  func program(of kernel: CompiledKernel) -> KernelProgram? {
    switch self {
    case .probe: return kernel.probe
    case .stable: return kernel.stable
    case .rest: return kernel.rest
    case .unrolled: return kernel.unrolled
    }
  }
}

/// Chooses the backend for the programs of a kernel and makes the per-thread batch engines.
///
/// With ``KernelBackend/native`` every program is rendered as C and
/// loaded from the cache or compiled (several at once); if that fails for any program — no compiler,
/// a compile error — the whole run uses the interpreter, and the report says why.
struct KernelEngines {
  typealias Native = (load: NativeLibraryCache.Load, constants: [Int64])
  let kernel: CompiledKernel
  let population: PopulationData
  private(set) var native: [KernelPass: Native] = [:]
  private(set) var report = BackendReport()

  init(kernel: CompiledKernel, population: PopulationData, backend: KernelBackend) {
    self.kernel = kernel
    self.population = population
    guard backend != .interpreter else { return }
    let toolchain: NativeToolchain
    switch NativeToolchain.lookup {
    case .success(let found): toolchain = found
    case .failure(let error):
      report.fallbackReason = error.description
      KernelBackend.notices.fellBack(error.description)
      return
    }
    let start = DispatchTime.now()
    let passes = KernelPass.allCases.filter { $0.program(of: kernel) != nil }
    let loads = NativeLoads(count: passes.count)
    DispatchQueue.concurrentPerform(iterations: passes.count) { i in
      let program = passes[i].program(of: kernel)!
      loads.set(i) {
        let source = try NativeSource(program: program, population: population)
        return (try NativeLibraryCache.shared.function(for: source, toolchain: toolchain), source.constants)
      }
    }
    var found: [KernelPass: Native] = [:]
    for (i, pass) in passes.enumerated() {
      switch loads.results[i] {
      case .success(let loaded)?:
        found[pass] = loaded
        if loaded.load.compiled { report.compiled += 1 } else { report.cached += 1 }
      case .failure(let error)?:
        report.fallbackReason = "native code niet beschikbaar: \(error)"
      case nil:
        report.fallbackReason = "native code niet beschikbaar"
      }
    }
    report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    if let reason = report.fallbackReason {
      KernelBackend.notices.fellBack(reason)
    } else {
      native = found
      report.backend = .native
    }
  }

  /// Calls `body` with a maker of batch engines per pass, valid only inside `body` (the native engines
  /// read the population's columns in place).
  func withBatches(batchSize: Int, _ body: (@escaping @Sendable (KernelPass) -> KernelBatch) -> Void) {
    let population = self.population
    let kernel = self.kernel
    guard !native.isEmpty else {
      body { pass in BatchExecutor(program: pass.program(of: kernel)!, population: population, batchSize: batchSize) }
      return
    }
    // Every column some program reads, once, and where its pointer will be.
    var names: [(Domain, String)] = []
    var position: [String: Int] = [:]
    for pass in native.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      let program = pass.program(of: kernel)!
      for (d, name) in program.householdColumns.map({ (Domain.household, $0) }) + program.personColumns.map({ (Domain.person, $0) })
      where position["\(d.rawValue)\(name)"] == nil {
        position["\(d.rawValue)\(name)"] = names.count
        names.append((d, name))
      }
    }
    let columns = names.map { d, name in d == .household ? population.householdColumns[name]! : population.personColumns[name]! }
    ColumnPointers.with(columns) { pointers in
      population.personStart.withUnsafeBufferPointer { starts in
        population.role.withUnsafeBufferPointer { roles in
          var contexts: [KernelPass: NativeContext] = [:]
          var storage: [UnsafeMutableRawPointer] = []
          for (pass, loaded) in native {
            let program = pass.program(of: kernel)!
            let order = program.householdColumns.map { (Domain.household, $0) } + program.personColumns.map { (Domain.person, $0) }
            let list = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: max(1, order.count))
            for (i, (d, name)) in order.enumerated() { list[i] = pointers[position["\(d.rawValue)\(name)"]!] }
            let constants = UnsafeMutablePointer<Int64>.allocate(capacity: max(1, loaded.constants.count))
            for (i, k) in loaded.constants.enumerated() { constants[i] = k }
            storage += [UnsafeMutableRawPointer(list), UnsafeMutableRawPointer(constants)]
            contexts[pass] = NativeContext(
              columns: UnsafePointer(list), personStart: starts.baseAddress ?? UnsafePointer(bitPattern: 8)!,
              role: roles.baseAddress ?? UnsafePointer(bitPattern: 8)!, constants: UnsafePointer(constants))
          }
          defer { storage.forEach { $0.deallocate() } }
          let native = self.native
          let frozen = contexts
          body { pass in
            NativeExecutor(program: pass.program(of: kernel)!, function: native[pass]!.load.function, context: frozen[pass]!, batchSize: batchSize)
          }
        }
      }
    }
  }
}

/// Results of loading native programs on several threads.
final class NativeLoads: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var results: [Result<KernelEngines.Native, Error>?]

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ work: () throws -> KernelEngines.Native) {
    let result = Result { try work() }
    lock.lock()
    results[i] = result
    lock.unlock()
  }
}

/// Raw pointers to the storage of several columns, valid inside one closure.
enum ColumnPointers {
  static func with(_ columns: [ColumnData], _ body: ([UnsafeRawPointer?]) -> Void) {
    func nest(_ i: Int, _ acc: [UnsafeRawPointer?]) {
      guard i < columns.count else { return body(acc) }
      switch columns[i] {
      case .int64(let a): a.withUnsafeBufferPointer { nest(i + 1, acc + [$0.baseAddress.map(UnsafeRawPointer.init)]) }
      case .int32(let a): a.withUnsafeBufferPointer { nest(i + 1, acc + [$0.baseAddress.map(UnsafeRawPointer.init)]) }
      case .uint8(let a): a.withUnsafeBufferPointer { nest(i + 1, acc + [$0.baseAddress.map(UnsafeRawPointer.init)]) }
      }
    }
    nest(0, [])
  }
}

import Population

/// Runs a native kernel over batches of households for one thread: the generated function with this
/// thread's slot columns and batch layout. The counterpart of ``BatchExecutor``, with the same slots.
///
/// The work area the generated code receives, in order: household values, household statuses,
/// person values, person statuses (slot after slot, `batchSize` rows per household slot and
/// `personCapacity` per person slot), then per batch the first person of each household (`LS`), the
/// partner's position (`PL`), each person's household (`HO`), population row (`PSRC`) and role (`RL`).
final class NativeExecutor: KernelBatch {
  let program: KernelProgram
  let function: NativeLibraryCache.KernelFunction
  let context: NativeContext
  let batchSize: Int
  private(set) var personCapacity: Int
  private var work: [UnsafeMutableRawPointer?] = Array(repeating: nil, count: 9)

  init(program: KernelProgram, function: NativeLibraryCache.KernelFunction, context: NativeContext, batchSize: Int) {
    self.program = program
    self.function = function
    self.context = context
    self.batchSize = batchSize
    personCapacity = batchSize * 4
    allocateHouseholdArea()
    allocatePersonArea()
  }

  deinit { work.forEach { $0?.deallocate() } }

  private func allocateHouseholdArea() {
    work[0] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: max(1, program.householdSlots) * batchSize))
    work[1] = UnsafeMutableRawPointer(UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, program.householdStatusSlots) * batchSize))
    work[4] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: batchSize + 1))
    work[5] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: batchSize))
  }

  private func allocatePersonArea() {
    for i in [2, 3, 6, 7, 8] { work[i]?.deallocate() }
    work[2] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: max(1, program.personSlots) * personCapacity))
    work[3] = UnsafeMutableRawPointer(UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, program.personStatusSlots) * personCapacity))
    work[6] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: personCapacity))
    work[7] = UnsafeMutableRawPointer(UnsafeMutablePointer<Int64>.allocate(capacity: personCapacity))
    work[8] = UnsafeMutableRawPointer(UnsafeMutablePointer<UInt8>.allocate(capacity: personCapacity))
  }

  func run(_ households: UnsafeBufferPointer<Int32>) {
    guard let base = households.baseAddress, !households.isEmpty else { return }
    precondition(households.count <= batchSize)
    while true {
      let needed = work.withUnsafeBufferPointer { area in
        function(
          context.columns, context.personStart, context.role, context.constants, base, Int64(households.count),
          Int64(batchSize), Int64(personCapacity), area.baseAddress!)
      }
      if needed == 0 { return }
      // More persons in this batch than the person columns hold: grow them and run the batch again.
      personCapacity = Int(needed) * 2
      allocatePersonArea()
    }
  }

  func output(_ k: Int) -> (values: UnsafePointer<Int64>, statuses: UnsafePointer<UInt8>?) {
    let o = program.outputs[k]
    let values = work[0]!.assumingMemoryBound(to: Int64.self) + Int(o.slot) * batchSize
    let statuses = o.statusSlot >= 0 ? work[1]!.assumingMemoryBound(to: UInt8.self) + Int(o.statusSlot) * batchSize : nil
    return (UnsafePointer(values), statuses.map { UnsafePointer($0) })
  }
}

/// The read-only inputs of a native kernel, valid while the run that made them lasts.
struct NativeContext: @unchecked Sendable {
  let columns: UnsafePointer<UnsafeRawPointer?>
  let personStart: UnsafePointer<Int32>
  let role: UnsafePointer<UInt8>
  let constants: UnsafePointer<Int64>
}

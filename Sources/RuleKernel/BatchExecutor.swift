import ExactArithmetic
import Population

/// Runs a kernel over batches of households, one instruction at a time over all rows of the batch
/// (column-at-a-time), with register files sized for one batch so they stay in cache.
///
/// An executor belongs to one thread; run several for several cores.
final class BatchExecutor: KernelBatch {
  let program: KernelProgram
  let population: PopulationData
  let batchSize: Int
  let householdColumns: [ColumnData]
  let personColumns: [ColumnData]
  let roles: [UInt8]

  var hReg: UnsafeMutablePointer<Int64>
  var hStat: UnsafeMutablePointer<UInt8>
  /// Per status slot: whether some row of the current batch is not ok.
  var hDirty: UnsafeMutablePointer<Bool>
  var pDirty: UnsafeMutablePointer<Bool>
  var pReg: UnsafeMutablePointer<Int64>
  var pStat: UnsafeMutablePointer<UInt8>
  var personCapacity: Int
  /// Per batch: offsets of each household's persons (batch-local), the household of each person, the
  /// local index of each partner (−1 without), the first person's local index.
  var localStart: UnsafeMutablePointer<Int32>
  var householdOf: UnsafeMutablePointer<Int32>
  var partnerLocal: UnsafeMutablePointer<Int32>
  /// Per batch: the population row of every household and person of the batch, and each person's role.
  var householdSource: UnsafeMutablePointer<Int32>
  var personSource: UnsafeMutablePointer<Int32>
  var roleLocal: UnsafeMutablePointer<UInt8>
  /// Scratch columns for column-wise logic.
  var scratchValue: UnsafeMutablePointer<Int64>
  var scratchStatus: UnsafeMutablePointer<UInt8>
  /// Rows in the current batch.
  var nh = 0
  var np = 0

  init(program: KernelProgram, population: PopulationData, batchSize: Int) {
    self.program = program
    self.population = population
    self.batchSize = batchSize
    householdColumns = program.householdColumns.map { population.householdColumns[$0]! }
    personColumns = program.personColumns.map { population.personColumns[$0]! }
    roles = population.role
    personCapacity = batchSize * 4
    hReg = .allocate(capacity: max(1, program.householdSlots) * batchSize)
    hStat = .allocate(capacity: max(1, program.householdStatusSlots) * batchSize)
    hDirty = .allocate(capacity: max(1, program.householdStatusSlots))
    pDirty = .allocate(capacity: max(1, program.personStatusSlots))
    hDirty.initialize(repeating: false, count: max(1, program.householdStatusSlots))
    pDirty.initialize(repeating: false, count: max(1, program.personStatusSlots))
    pReg = .allocate(capacity: max(1, program.personSlots) * personCapacity)
    pStat = .allocate(capacity: max(1, program.personStatusSlots) * personCapacity)
    localStart = .allocate(capacity: batchSize + 1)
    partnerLocal = .allocate(capacity: batchSize)
    householdOf = .allocate(capacity: personCapacity)
    scratchValue = .allocate(capacity: personCapacity)
    scratchStatus = .allocate(capacity: personCapacity)
    householdSource = .allocate(capacity: batchSize)
    personSource = .allocate(capacity: personCapacity)
    roleLocal = .allocate(capacity: personCapacity)
  }

  deinit {
    hReg.deallocate()
    hStat.deallocate()
    hDirty.deallocate()
    pDirty.deallocate()
    pReg.deallocate()
    pStat.deallocate()
    localStart.deallocate()
    partnerLocal.deallocate()
    householdOf.deallocate()
    scratchValue.deallocate()
    scratchStatus.deallocate()
    householdSource.deallocate()
    personSource.deallocate()
    roleLocal.deallocate()
  }

  @inline(__always) func value(_ d: Domain, _ slot: Int32) -> UnsafeMutablePointer<Int64> {
    d == .household ? hReg + Int(slot) * batchSize : pReg + Int(slot) * personCapacity
  }

  /// The status column of a slot, or `nil` when every row of the batch is ok (which lets operations
  /// skip status work entirely).
  @inline(__always) func status(_ d: Domain, _ slot: Int32) -> UnsafeMutablePointer<UInt8>? {
    if slot < 0 { return nil }
    if d == .household {
      return hDirty[Int(slot)] ? hStat + Int(slot) * batchSize : nil
    }
    return pDirty[Int(slot)] ? pStat + Int(slot) * personCapacity : nil
  }

  /// The status column to write, regardless of its flag.
  @inline(__always) func statusStorage(_ d: Domain, _ slot: Int32) -> UnsafeMutablePointer<UInt8> {
    d == .household ? hStat + Int(slot) * batchSize : pStat + Int(slot) * personCapacity
  }

  @inline(__always) func setDirty(_ d: Domain, _ slot: Int32, _ dirty: Bool) {
    if d == .household { hDirty[Int(slot)] = dirty } else { pDirty[Int(slot)] = dirty }
  }

  /// Sets up a batch of (not necessarily contiguous) households.
  func prepare(households list: UnsafeBufferPointer<Int32>) {
    nh = list.count
    var persons = 0
    for h in list { persons += Int(population.personStart[Int(h) + 1] - population.personStart[Int(h)]) }
    np = persons
    if np > personCapacity {
      personCapacity = np * 2
      pReg.deallocate()
      pStat.deallocate()
      pReg = .allocate(capacity: max(1, program.personSlots) * personCapacity)
      pStat = .allocate(capacity: max(1, program.personStatusSlots) * personCapacity)
      for p in [householdOf] { p.deallocate() }
      scratchValue.deallocate()
      scratchStatus.deallocate()
      personSource.deallocate()
      roleLocal.deallocate()
      householdOf = .allocate(capacity: personCapacity)
      scratchValue = .allocate(capacity: personCapacity)
      scratchStatus = .allocate(capacity: personCapacity)
      personSource = .allocate(capacity: personCapacity)
      roleLocal = .allocate(capacity: personCapacity)
    }
    let partnerCode = PopulationData.code(of: .partner)
    var p = 0
    population.personStart.withUnsafeBufferPointer { starts in
      roles.withUnsafeBufferPointer { r in
        for (i, h) in list.enumerated() {
          householdSource[i] = h
          let s = Int(starts[Int(h)])
          let e = Int(starts[Int(h) + 1])
          localStart[i] = Int32(p)
          partnerLocal[i] = (e - s > 1 && r[s + 1] == partnerCode) ? Int32(p + 1) : -1
          for q in s..<e {
            householdOf[p] = Int32(i)
            personSource[p] = Int32(q)
            roleLocal[p] = r[q]
            p += 1
          }
        }
      }
    }
    localStart[nh] = Int32(np)
  }

  /// Runs every instruction over the prepared batch.
  func execute() {
    program.instructions.withUnsafeBufferPointer { list in
      for i in list.indices { run(list[i]) }
    }
  }

  func output(_ k: Int) -> (values: UnsafePointer<Int64>, statuses: UnsafePointer<UInt8>?) {
    let o = program.outputs[k]
    return (UnsafePointer(value(.household, o.slot)), status(.household, o.statusSlot).map { UnsafePointer($0) })
  }

  func run(_ households: UnsafeBufferPointer<Int32>) {
    prepare(households: households)
    execute()
  }
}

/// One thread's engine for batches of households: run a batch, then read its outputs.
protocol KernelBatch: AnyObject {
  /// Computes every output of the program for these households.
  func run(_ households: UnsafeBufferPointer<Int32>)
  /// Output `k` of the last batch, one raw value per household in batch order, and its statuses
  /// (`nil`: every household of the batch is ok).
  func output(_ k: Int) -> (values: UnsafePointer<Int64>, statuses: UnsafePointer<UInt8>?)
}

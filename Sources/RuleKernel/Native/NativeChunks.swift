/// How the native backend cuts a program into fused loops, and which values must leave their loop.
///
/// A chunk is a run of consecutive instructions of one domain (at most ``maximumLength``): one loop
/// over the batch's households or persons, in its own C function. Every instruction is per row of its
/// domain, and anything it reads from the other domain was computed by an earlier chunk, so fusing is
/// exact. Inside a chunk values are C locals; a value is stored in its slot's column only when an
/// instruction after the chunk (or the outputs) reads it — the loop's code fits the instruction cache
/// and most values never touch memory.
struct NativeChunks {
  /// Instructions per chunk at most: small enough for the instruction cache and fast compilation,
  /// large enough that values stay in registers (measured in Benchmarks/README.md §6).
  static let maximumLength = 48

  /// Instruction ranges, in order.
  let ranges: [Range<Int>]
  /// Per instruction: whether its value (and its status) is read after its chunk.
  let valueLiveOut: [Bool]
  let statusLiveOut: [Bool]

  init(program: KernelProgram) {
    let list = program.instructions
    var ranges: [Range<Int>] = []
    var start = 0
    for k in list.indices.dropFirst() where list[k].domain != list[k - 1].domain || k - start >= Self.maximumLength {
      ranges.append(start..<k)
      start = k
    }
    if !list.isEmpty { ranges.append(start..<list.count) }
    self.ranges = ranges
    var chunkOf = [Int](repeating: 0, count: list.count)
    for (c, r) in ranges.enumerated() { for k in r { chunkOf[k] = c } }
    // Backwards: the last reader of every slot's current value; a write ends the value before it.
    var lastValueRead: [SlotKey: Int] = [:]
    var lastStatusRead: [SlotKey: Int] = [:]
    for output in program.outputs {
      lastValueRead[SlotKey(.household, output.slot)] = Int.max
      if output.statusSlot >= 0 { lastStatusRead[SlotKey(.household, output.statusSlot)] = Int.max }
    }
    var valueLive = [Bool](repeating: false, count: list.count)
    var statusLive = [Bool](repeating: false, count: list.count)
    for k in list.indices.reversed() {
      let ins = list[k]
      let end = ranges[chunkOf[k]].upperBound
      let dst = SlotKey(ins.domain, ins.dst)
      valueLive[k] = (lastValueRead[dst] ?? -1) >= end
      lastValueRead[dst] = nil
      if ins.ds >= 0 {
        let ds = SlotKey(ins.domain, ins.ds)
        statusLive[k] = (lastStatusRead[ds] ?? -1) >= end
        lastStatusRead[ds] = nil
      }
      for read in Self.reads(ins) {
        let key = SlotKey(read.domain, read.slot)
        if read.status {
          lastStatusRead[key] = max(lastStatusRead[key] ?? -1, k)
        } else {
          lastValueRead[key] = max(lastValueRead[key] ?? -1, k)
        }
      }
    }
    valueLiveOut = valueLive
    statusLiveOut = statusLive
  }

  /// The slots an instruction reads, with their domains.
  static func reads(_ ins: Instruction) -> [(domain: Domain, slot: Int32, status: Bool)] {
    let operandDomain: Domain
    switch ins.code {
    case .gather, .segmentSum, .segmentCount, .segmentAny: operandDomain = .person
    case .broadcast: operandDomain = .household
    default: operandDomain = ins.domain
    }
    var out: [(Domain, Int32, Bool)] = []
    for slot in [ins.a, ins.b, ins.c] + ins.list where slot >= 0 { out.append((operandDomain, slot, false)) }
    for slot in [ins.sa, ins.sb, ins.sc] + ins.listStatus where slot >= 0 { out.append((operandDomain, slot, true)) }
    return out
  }
}

/// A register slot of one domain.
struct SlotKey: Hashable {
  let domain: Domain
  let slot: Int32
  init(_ domain: Domain, _ slot: Int32) {
    self.domain = domain
    self.slot = slot
  }
}

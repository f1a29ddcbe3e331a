import Population

/// A kernel program as C: fused loops over a batch of households, one C function per chunk of the
/// program (see ``NativeChunks``), with the same register slots as the interpreter.
///
/// The generated entry point sets up the batch (where each household's persons are, who is the
/// partner), then calls the chunks in order:
///
///     int64_t toets_kernel(const void *const *columns, const int32_t *personStart, const uint8_t *role,
///                          const int64_t *K, const int32_t *households, int64_t n, int64_t B,
///                          int64_t personCapacity, void *const *work)
///
/// `columns` holds the household columns, then the person columns, in the program's order. `work`
/// holds the slot columns and the batch layout (see ``NativeExecutor``). It returns 0, or the number
/// of persons in the batch when that exceeds `personCapacity` (the caller grows its buffers and calls
/// again). Results stay in the household slot columns, where the outputs' slots say.
///
/// The constants of the program are not in the text but in a table passed at run time (`K`): two
/// programs that differ only in parameter values share one text, one compilation and one library.
public struct NativeSource: Sendable {
  /// The C text, without any constant of the program.
  public let text: String
  /// The constants, in the order the text reads them from `K`.
  public let constants: [Int64]
  static let symbol = "toets_kernel"

  /// Renders `program` for the column representations of `population`.
  /// - Throws: ``KernelUnsupported`` for an instruction the renderer has no C for (the run then uses
  ///   the interpreter).
  public init(program: KernelProgram, population: PopulationData) throws {
    var writer = NativeStatementWriter(program: program, population: population)
    try writer.render()
    text = NativePrelude.text + writer.text
    constants = writer.constants
  }
}

/// Writes the chunk functions and the entry point (see ``NativeSource``).
struct NativeStatementWriter {
  let program: KernelProgram
  let population: PopulationData
  let chunks: NativeChunks
  var text = ""
  var constants: [Int64] = []
  /// The instruction that last wrote each slot, while writing; and the chunk being written.
  var valueWriter: [SlotKey: Int] = [:]
  var statusWriter: [SlotKey: Int] = [:]
  var chunk: Range<Int> = 0..<0

  init(program: KernelProgram, population: PopulationData) {
    self.program = program
    self.population = population
    chunks = NativeChunks(program: program)
  }

  mutating func line(_ s: String) { text += s + "\n" }

  /// The C type of a column's stored values.
  func cType(_ column: ColumnData?) throws -> String {
    switch column {
    case .int64: return "int64_t"
    case .int32: return "int32_t"
    case .uint8: return "uint8_t"
    case nil: throw KernelUnsupported(description: "kolom ontbreekt in de bevolking")
    }
  }

  mutating func render() throws {
    line("""
      typedef struct {
        const void *const *columns; const int32_t *households; const int64_t *K; int64_t n, np, B, PC;
        int64_t *hv; uint8_t *hs; int64_t *pv; uint8_t *ps;
        const int64_t *LS, *PL, *HO, *PSRC; const uint8_t *RL;
      } t_batch;

      """)
    for (c, range) in chunks.ranges.enumerated() {
      chunk = range
      try renderChunk(c)
    }
    let partnerCode = PopulationData.code(of: .partner)
    line("""
      int64_t \(NativeSource.symbol)(const void *const *columns, const int32_t *personStart, const uint8_t *role,
          const int64_t *K, const int32_t *households, int64_t n, int64_t B, int64_t personCapacity, void *const *work) {
        int64_t *LS = work[4], *PL = work[5], *HO = work[6], *PSRC = work[7];
        uint8_t *RL = work[8];
        int64_t np = 0;
        for (int64_t i = 0; i < n; i++) {
          int64_t s = personStart[households[i]], e = personStart[households[i] + 1];
          LS[i] = np;
          PL[i] = (e - s > 1 && role[s + 1] == \(partnerCode)) ? np + 1 : -1;
          np += e - s;
        }
        LS[n] = np;
        if (np > personCapacity) return np;
        for (int64_t i = 0, p = 0; i < n; i++) {
          for (int64_t q = personStart[households[i]]; q < personStart[households[i] + 1]; q++, p++) {
            HO[p] = i; PSRC[p] = q; RL[p] = role[q];
          }
        }
        t_batch b = { columns, households, K, n, np, B, personCapacity, work[0], work[1], work[2], work[3], LS, PL, HO, PSRC, RL };
      """)
    for c in chunks.ranges.indices { line("  t_chunk\(c)(&b);") }
    line("  return 0;\n}")
  }

  mutating func renderChunk(_ c: Int) throws {
    let domain = program.instructions[chunk.lowerBound].domain
    var slots = Set<SlotKey>()
    var statuses = Set<SlotKey>()
    var householdColumns = Set<Int>()
    var personColumns = Set<Int>()
    for k in chunk {
      let ins = program.instructions[k]
      for r in NativeChunks.reads(ins) {
        if r.status { statuses.insert(SlotKey(r.domain, r.slot)) } else { slots.insert(SlotKey(r.domain, r.slot)) }
      }
      slots.insert(SlotKey(ins.domain, ins.dst))
      if ins.ds >= 0 { statuses.insert(SlotKey(ins.domain, ins.ds)) }
      if ins.code == .column { if ins.domain == .household { householdColumns.insert(ins.column) } else { personColumns.insert(ins.column) } }
    }
    line("/* instructions \(chunk.lowerBound)–\(chunk.upperBound - 1), \(domain == .household ? "households" : "persons") */")
    line("__attribute__((noinline)) static void t_chunk\(c)(const t_batch *b) {")
    line("  const int64_t n = b->n, np = b->np; (void)n; (void)np;")
    line("  const int64_t *restrict K = b->K; (void)K;")
    line("  const int64_t *restrict LS = b->LS, *restrict PL = b->PL, *restrict HO = b->HO, *restrict PSRC = b->PSRC;")
    line("  const uint8_t *restrict RL = b->RL; const int32_t *restrict HH = b->households;")
    line("  (void)LS; (void)PL; (void)HO; (void)PSRC; (void)RL; (void)HH;")
    for key in slots.sorted(by: Self.order) {
      let (array, stride) = key.domain == .household ? ("hv", "B") : ("pv", "PC")
      line("  int64_t *restrict \(Self.array(key, status: false)) = b->\(array) + \(key.slot) * b->\(stride);")
    }
    for key in statuses.sorted(by: Self.order) {
      let (array, stride) = key.domain == .household ? ("hs", "B") : ("ps", "PC")
      line("  uint8_t *restrict \(Self.array(key, status: true)) = b->\(array) + \(key.slot) * b->\(stride);")
    }
    for i in householdColumns.sorted() {
      line("  const \(try cType(population.householdColumns[program.householdColumns[i]])) *restrict H\(i) = b->columns[\(i)];")
    }
    for i in personColumns.sorted() {
      line("  const \(try cType(population.personColumns[program.personColumns[i]])) *restrict C\(i) = b->columns[\(program.householdColumns.count + i)];")
    }
    line(domain == .household ? "  for (int64_t i = 0; i < n; i++) {" : "  for (int64_t p = 0; p < np; p++) {")
    for k in chunk {
      try statement(k)
      let ins = program.instructions[k]
      valueWriter[SlotKey(ins.domain, ins.dst)] = k
      if ins.ds >= 0 { statusWriter[SlotKey(ins.domain, ins.ds)] = k }
    }
    line("  }\n}\n")
  }

  static func order(_ x: SlotKey, _ y: SlotKey) -> Bool {
    (x.domain.rawValue, x.slot) < (y.domain.rawValue, y.slot)
  }

  /// The C name of a slot's column: `HV3`, `PS7`, …
  static func array(_ key: SlotKey, status: Bool) -> String {
    (key.domain == .household ? "H" : "P") + (status ? "S" : "V") + "\(key.slot)"
  }

  /// The row variable of a domain's loop.
  static func row(_ d: Domain) -> String { d == .household ? "i" : "p" }

  /// The value of a slot in the current loop's row: a local when this chunk wrote it, else its column.
  func v(_ d: Domain, _ slot: Int32) -> String { read(d, slot, at: Self.row(d)) }

  /// A slot's value at another row (`LS[i]`, `HO[p]`, …): always a column, written by an earlier chunk.
  func read(_ d: Domain, _ slot: Int32, at index: String) -> String {
    if index == Self.row(d), let w = valueWriter[SlotKey(d, slot)], chunk.contains(w) { return "v\(w)" }
    return "\(Self.array(SlotKey(d, slot), status: false))[\(index)]"
  }

  /// The status of a slot (`0` for a value that never fails).
  func s(_ d: Domain, _ slot: Int32) -> String { readStatus(d, slot, at: Self.row(d)) }

  func readStatus(_ d: Domain, _ slot: Int32, at index: String) -> String {
    guard slot >= 0 else { return "0" }
    if index == Self.row(d), let w = statusWriter[SlotKey(d, slot)], chunk.contains(w) { return "s\(w)" }
    return "\(Self.array(SlotKey(d, slot), status: true))[\(index)]"
  }

  /// `max` of several statuses, folding away the ones that are always ok.
  func worst(_ parts: [String]) -> String {
    let live = parts.filter { $0 != "0" }
    guard var e = live.first else { return "0" }
    for p in live.dropFirst() { e = "t_max(\(e), \(p))" }
    return e
  }

  /// A constant of the program, read from the run-time table.
  mutating func constant(_ k: Int64) -> String {
    constants.append(k)
    return "K[\(constants.count - 1)]"
  }
}

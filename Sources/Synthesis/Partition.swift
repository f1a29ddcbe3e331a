/// One part of a population that is generated in several processes (`toets simulate --partition i/n`).
///
/// The generator draws households in chunks of ``Generator/chunkSize``, each from its own random
/// stream, so a chunk is the same wherever it is drawn. Part *i* of *n* is a contiguous range of whole
/// chunks, and its households keep their numbers in the whole population. The parts of a population
/// of N households, concatenated in order, are therefore exactly that population: the same persons,
/// facts, numbers and outcomes as one run with N households, on any machine and thread count.
public struct Partition: Sendable, Equatable, CustomStringConvertible {
  /// The part, counted from 1.
  public let index: Int
  /// The number of parts.
  public let count: Int

  /// At most this many parts: enough for any cluster, and file names stay short.
  public static let maximumCount = 100_000

  /// Reads `i/n` (for example `3/8`); 1 ≤ i ≤ n.
  public init(parsing text: String) throws(PartitionError) {
    let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
    guard pieces.count == 2, let i = Int(pieces[0]), let n = Int(pieces[1]) else {
      throw PartitionError("'\(text)' is geen deel; schrijf i/n, bijvoorbeeld 3/8 voor het derde van acht delen")
    }
    guard (1...Self.maximumCount).contains(n) else {
      throw PartitionError("'\(text)': het aantal delen moet van 1 tot en met \(Self.maximumCount) zijn")
    }
    guard (1...n).contains(i) else { throw PartitionError("'\(text)': het deel moet van 1 tot en met \(n) zijn") }
    self.init(index: i, count: n)
  }

  public init(index: Int, count: Int) {
    precondition(count >= 1 && (1...count).contains(index), "Partition \(index)/\(count)")
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// The chunks of a population of `households` households that this part draws.
  ///
  /// Throws when there are fewer chunks than parts: a part would be empty, which is nearly always a
  /// mistake in a job's configuration.
  public func chunks(households: Int) throws(PartitionError) -> Range<Int> {
    let chunkCount = Self.chunkCount(households: households)
    guard count <= chunkCount else {
      let size = Generator.chunkSize
      throw PartitionError(
        "--partition \(description): \(households) huishoudens zijn \(chunkCount) \(chunkCount == 1 ? "blok" : "blokken") van hoogstens \(size) huishoudens, en een blok wordt niet gesplitst; verdeel in hoogstens \(chunkCount) \(chunkCount == 1 ? "deel" : "delen")")
    }
    // In 128 bits: chunkCount × index may pass 64 bits for absurd --households, and must not trap.
    func bound(_ i: Int) -> Int { Int(Int128(chunkCount) * Int128(i) / Int128(count)) }
    return bound(index - 1)..<bound(index)
  }

  /// The numbers (from 0, in the whole population) of the households this part draws.
  public func households(of households: Int) throws(PartitionError) -> Range<Int> {
    let c = try chunks(households: households)
    func start(_ chunk: Int) -> Int { Int(min(Int128(households), Int128(chunk) * Int128(Generator.chunkSize))) }
    return start(c.lowerBound)..<start(c.upperBound)
  }

  /// The number of chunks a population of `households` households is drawn in.
  public static func chunkCount(households: Int) -> Int {
    households / Generator.chunkSize + (households % Generator.chunkSize == 0 ? 0 : 1)
  }

  /// The file name of this part of a table: `deel-003-van-008.csv`, so that a directory lists the
  /// parts in order and a reader can tell whether one is missing.
  public func fileName(extension ext: String) -> String {
    let width = String(count).count
    func padded(_ v: Int) -> String { String(repeating: "0", count: max(0, width - String(v).count)) + String(v) }
    return "deel-\(padded(index))-van-\(padded(count)).\(ext)"
  }
}

/// Why a `--partition` cannot be used, in a sentence for the user.
public struct PartitionError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}

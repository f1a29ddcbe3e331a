/// The 64-bit FNV-1a hash, the one fingerprint toets uses: for the name of the built-in copy on disk,
/// the key and checksum of a compiled kernel, a regeling's random stream and the manifest of a
/// population's parts.
///
/// A fingerprint against mix-ups and damage, not a defence against an attacker: whoever can write the
/// files can also write a matching hash.
public struct FNV1a: Sendable {
  /// The hash of everything added so far.
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// A hash of nothing yet.
  public init() {}

  /// Mixes `bytes` into the hash, in order.
  public mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
  }

  /// Mixes in a length or count as eight little-endian bytes, so that `"ab" + "c"` and `"a" + "bc"`
  /// hash differently when each part is preceded by its length.
  public mutating func add(length: Int) {
    withUnsafeBytes(of: UInt64(length).littleEndian) { add($0) }
  }

  /// Sixteen hexadecimal digits.
  public var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

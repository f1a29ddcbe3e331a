import ArgumentParser
import Foundation

/// Refuses at once a population that cannot fit in this machine's memory, saying how much it would
/// need, instead of allocating for minutes and then being killed. The bytes per household are measured:
/// the peak resident size of a release `simulate` grows from 205 MB (one million households) to 375 MB
/// (two million), about 175 bytes per household; a report holds basis and variant and the analyses'
/// extra populations, about three times as much.
enum MemoryBudget {
  static let simulateBytesPerHousehold: UInt64 = 200
  static let reportBytesPerHousehold: UInt64 = 600

  /// `what` names the households in the message (a part of a population says which part); `advice`
  /// says what to do instead.
  static func check(
    households: Int, bytesPerHousehold: UInt64, physical: UInt64 = ProcessInfo.processInfo.physicalMemory, what: String? = nil,
    advice: String = "Reken in delen, of op een grotere machine"
  ) throws {
    let (needed, overflow) = UInt64(max(0, households)).multipliedReportingOverflow(by: bytesPerHousehold)
    let usable = physical / 10 * 8
    guard overflow || needed > usable else { return }
    let need = overflow ? "meer dan een 64-bits machine kan adresseren" : "ongeveer \(gigabytes(needed))"
    throw ValidationError(
      "\(what ?? "--households \(households)") vraagt \(need) geheugen; deze machine heeft \(gigabytes(physical)) (bruikbaar \(gigabytes(usable))). \(advice)")
  }

  static func gigabytes(_ bytes: UInt64) -> String {
    let tenths = bytes / 107_374_182  // 0,1 GiB
    return "\(tenths / 10),\(tenths % 10) GiB"
  }
}

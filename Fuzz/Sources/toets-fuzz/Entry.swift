import CFuzzer
import Foundation
import FuzzTargets

/// `toets-fuzz [libFuzzer options] [corpus directories or files]`: libFuzzer's driver on one of the
/// targets of ``FuzzTarget``, chosen by TOETS_FUZZ_DOEL (regeling, huishouden, scenario, variant). The
/// regulations are read from TOETS_REGELINGEN and the example household from TOETS_HUISHOUDEN; Fuzz/run.sh
/// sets all three. Built with `-sanitize=fuzzer`, so every module is instrumented for coverage.
@main
enum ToetsFuzz {
  nonisolated(unsafe) static var target: FuzzTarget = .huishouden
  nonisolated(unsafe) static var context: FuzzTarget.Context?

  static func main() {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment["TOETS_FUZZ_DOEL"], let chosen = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(Data("toets-fuzz: zet TOETS_FUZZ_DOEL op \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
      exit(2)
    }
    do {
      context = try FuzzTarget.Context(
        regulations: environment["TOETS_REGELINGEN"] ?? "Regulations", household: environment["TOETS_HUISHOUDEN"] ?? "Examples/huishouden.json")
    } catch {
      FileHandle.standardError.write(Data("toets-fuzz: \(error)\n".utf8))
      exit(2)
    }
    target = chosen
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      if let context = ToetsFuzz.context { ToetsFuzz.target.run(UnsafeRawBufferPointer(start: data, count: size), context: context) }
      return 0
    })
  }
}

import Anchor
import Benchmark
import ExactArithmetic
import Foundation
import Population
import RuleKernel
import Synthesis
import Toetssteen

/// Throughput of the compiled kernel against the hand-written anchor on the same households.
/// The first run checks that both give the same zorgtoeslag for every household.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let engine = Engine.compile(directory: root.appendingPathComponent("Regulations").path).engine!
/// The national scenario with the toetsingsinkomen given (`opgegeven`): the anchor is the zorgtoeslag alone,
/// so it reads the toetsingsinkomen; with `afgeleid` the kernel would derive it from the income tax first.
let scenario: Scenario = {
  var s = try! Scenario.load(path: root.appendingPathComponent("Scenarios/nederland.yaml").path)
  s.inkomensbron?.toetsingsinkomen = "opgegeven"
  return s
}()
let date = CivilDate(iso: "2025-01-01")!
let size = Int(ProcessInfo.processInfo.environment["TOETS_BENCH_HUISHOUDENS"] ?? "1000000")!
let population = Generator(scenario: scenario, program: engine.program, date: date).generate(count: size, threads: 2)
let zorgtoeslag = KernelCompiler.compile(program: engine.program, date: date, population: population, outputs: ["zorgtoeslag.jaarbedrag"])
let everything = KernelCompiler.compile(program: engine.program, date: date, population: population)
let anchor = HandWrittenZorgtoeslag(population)

/// Runs the anchor on `threads` threads; returns the total in cents.
func runAnchor(threads: Int, into out: UnsafeMutablePointer<Int64>) -> Int64 {
  let n = population.householdCount
  let totals = UnsafeMutableBufferPointer<Int64>.allocate(capacity: threads)
  defer { totals.deallocate() }
  let shared = UnsafeSendableBox(out: out, totals: totals)
  DispatchQueue.concurrentPerform(iterations: threads) { t in
    let lo = n * t / threads
    let hi = n * (t + 1) / threads
    shared.totals[t] = anchor.run(lo..<hi, into: shared.out)
  }
  return totals.reduce(0, +)
}

struct UnsafeSendableBox: @unchecked Sendable {
  let out: UnsafeMutablePointer<Int64>
  let totals: UnsafeMutableBufferPointer<Int64>
}

/// The kernel and the anchor agree on every household before anything is timed.
func checkAgreement() {
  let out = UnsafeMutablePointer<Int64>.allocate(capacity: population.householdCount)
  defer { out.deallocate() }
  _ = runAnchor(threads: 2, into: out)
  let results = KernelRunner.run(kernel: zorgtoeslag, program: engine.program, population: population, date: date, threads: 2)
  let o = results.index(of: "zorgtoeslag.jaarbedrag")!
  var differences = 0
  for h in 0..<population.householdCount {
    let kernel = results.status[o][h] != .ok ? -1 : results.cents[o][h]
    if kernel != out[h] {
      if differences < 5 { FileHandle.standardError.write("huishouden \(h): kernel \(kernel), anker \(out[h])\n".data(using: .utf8)!) }
      differences += 1
    }
  }
  precondition(differences == 0, "kernel en handgeschreven anker verschillen in \(differences) huishoudens")
  print("Kernel en handgeschreven anker geven voor alle \(population.householdCount) huishoudens dezelfde zorgtoeslag.")
}

let benchmarks: @Sendable () -> Void = {
  checkAgreement()
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident],
    scalingFactor: .one,
    maxDuration: .seconds(10),
    maxIterations: 10)
  for threads in [1, 2] {
    Benchmark("Zorgtoeslag, kernel, \(size) huishoudens, \(threads) thread(s)") { b in
      for _ in b.scaledIterations {
        blackHole(KernelRunner.run(kernel: zorgtoeslag, program: engine.program, population: population, date: date, threads: threads))
      }
    }
    Benchmark("Zorgtoeslag, handgeschreven anker, \(size) huishoudens, \(threads) thread(s)") { b in
      let out = UnsafeMutablePointer<Int64>.allocate(capacity: population.householdCount)
      defer { out.deallocate() }
      for _ in b.scaledIterations { blackHole(runAnchor(threads: threads, into: out)) }
    }
    Benchmark("Alle regelingen, kernel, \(size) huishoudens, \(threads) thread(s)") { b in
      for _ in b.scaledIterations {
        blackHole(KernelRunner.run(kernel: everything, program: engine.program, population: population, date: date, threads: threads))
      }
    }
  }
}

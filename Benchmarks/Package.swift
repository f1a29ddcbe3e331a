// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Benchmarks, kept out of the root package so that CI never builds the benchmark harness.
// Run: Benchmarks/run.sh (see Benchmarks/README.md).
// A path dependency's identity is its folder's name, so take it from where this file lives:
// the benchmarks work whatever the clone's folder is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "ToetssteenBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    // Without the default trait: the benchmarks do not need the HTTP server.
    .package(path: "..", traits: []),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .target(name: "Anchor", dependencies: [.product(name: "Toetssteen", package: root)], path: "Sources/Anchor"),
    .executableTarget(
      name: "KernelBenchmarks",
      dependencies: ["Anchor", .product(name: "Toetssteen", package: root), .product(name: "Benchmark", package: "benchmark")],
      path: "Benchmarks/KernelBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)

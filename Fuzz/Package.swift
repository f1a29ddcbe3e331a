// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The fuzzing harness for the three parsers a user feeds: regulation Markdown with its rules, the
// household document (JSON), and scenario and variant files (YAML). Kept out of the root package: it
// is built with `-sanitize=fuzzer` (libFuzzer, which ships with the Swift toolchain on Linux) by
// Fuzz/run.sh, never by `swift build`. See Fuzz/README.md.
// A path dependency's identity is its folder's name, so take it from where this file lives.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "ToetssteenFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [
    // Without the default trait: the parsers, not the HTTP server.
    .package(path: "..", traits: [])
  ],
  targets: [
    .target(name: "FuzzTargets", dependencies: [.product(name: "Toetssteen", package: root)]),
    .target(name: "CFuzzer"),
    .executableTarget(name: "toets-fuzz", dependencies: ["FuzzTargets", "CFuzzer"]),
  ]
)

// swift-tools-version: 6.2
import Foundation
import PackageDescription

// The decision service (`toets-serve`, Hummingbird), kept out of the root package so that the default
// build and CI never build the HTTP server (2.5–4.5 minutes on 2 cores). See Service/README.md.
// A path dependency's identity is its folder's name, so take it from where this file lives.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "ToetssteenService",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .target(
      name: "DecisionService",
      dependencies: [.product(name: "Toetssteen", package: root), .product(name: "Hummingbird", package: "hummingbird")]),
    .executableTarget(name: "toets-serve", dependencies: ["DecisionService", .product(name: "Hummingbird", package: "hummingbird")]),
    .testTarget(
      name: "DecisionServiceTests",
      dependencies: ["DecisionService", .product(name: "Toetssteen", package: root), .product(name: "HummingbirdTesting", package: "hummingbird")]),
  ]
)

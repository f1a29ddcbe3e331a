// swift-tools-version: 6.1
import PackageDescription

// Toetssteen: Dutch law as executable, testable rules. One target per stage of the pipeline:
//   LegalText (annotated Markdown) → RuleSyntax (rule language) → RuleSemantics (checks; builds the
//   typed IR of RuleIR) → ReferenceEvaluator (exact, explained) and RuleKernel (columnar kernel; native C
//   and SQL backends) → Population and Synthesis (synthetic households) → Analyses → Reports,
//   Specification → DecisionService (HTTP) → toets (CLI). Toetssteen is the driver the front ends share.
// Beneath every stage: ExactArithmetic (GMP rationals, cents, civil dates; CGMP is GMP), LegalSource
// (citations, source positions, diagnostics, the user's cache), RuleIR (the typed IR and the vocabulary
// the rule language shares with it: operators, money periods, output kinds) and HouseholdModel (the
// household document of the contract). CSQLite is SQLite for `--sqlite`; TestSupport serves the tests.
// Every target imports only what it declares here.
// The trait `Beslisservice` (on by default) adds the decision service, `toets serve` on Hummingbird:
// `swift build --disable-default-traits` builds the command line without the HTTP server.
// The stages that carry whole populations (Population, Synthesis, RuleKernel) compile with -O in debug
// builds too: unoptimised, one generator of the national scenario took half a CPU-minute for its pilots
// and `toets validate` eight minutes; `swift test` and CI then test the code that ships. Overflow still
// traps under -O; these targets use no `assert`.
let package = Package(
  name: "Toetssteen",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "toets", targets: ["toets"]),
    .library(
      name: "Toetssteen",
      targets: ["Toetssteen", "Analyses", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
  ],
  traits: [
    .trait(name: "Beslisservice", description: "De beslisservice (toets serve) op Hummingbird."),
    .default(enabledTraits: ["Beslisservice"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    .target(name: "ExactArithmetic", dependencies: ["CGMP"]),
    .target(name: "LegalSource", dependencies: ["ExactArithmetic"]),
    .target(name: "LegalText", dependencies: ["LegalSource", "ExactArithmetic"]),
    .target(name: "RuleIR", dependencies: ["LegalSource", "ExactArithmetic"]),
    .target(name: "RuleSyntax", dependencies: ["RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "RuleSemantics", dependencies: ["RuleIR", "RuleSyntax", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(name: "HouseholdModel", dependencies: ["RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "ReferenceEvaluator", dependencies: ["HouseholdModel", "RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "Population", dependencies: ["HouseholdModel", "RuleIR", "ExactArithmetic"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(
      name: "Synthesis", dependencies: ["Population", "RuleIR", "LegalSource", "ExactArithmetic", .product(name: "Yams", package: "Yams")],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(name: "RuleKernel", dependencies: ["Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "LegalSource", "ExactArithmetic"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(
      name: "Toetssteen",
      dependencies: ["CSQLite", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleSemantics", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"],
      plugins: ["EmbedBundledFiles"]),
    // Builds Regulations/ and the scenarios into Toetssteen, for a binary that runs outside the checkout.
    .plugin(name: "EmbedBundledFiles", capability: .buildTool()),
    .target(
      name: "Analyses",
      dependencies: ["Toetssteen", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "Reports", dependencies: ["Analyses", "Toetssteen", "Synthesis", "Population", "HouseholdModel", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(name: "Specification", dependencies: ["Toetssteen", "HouseholdModel", "RuleSemantics", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(
      name: "DecisionService",
      dependencies: [
        "Toetssteen", "HouseholdModel", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic",
        .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Beslisservice"])),
        .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Beslisservice"])),
        .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Beslisservice"])),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras", condition: .when(traits: ["Beslisservice"])),
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Beslisservice"])),
      ]),
    .executableTarget(
      name: "toets",
      dependencies: [
        "Specification", "Reports", "Analyses", "Toetssteen", "Synthesis", "RuleKernel", "RuleSemantics", "HouseholdModel", "LegalSource",
        "ExactArithmetic", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .target(name: "DecisionService", condition: .when(traits: ["Beslisservice"])),
        .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Beslisservice"])),
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Beslisservice"])),
      ]),

    .target(
      name: "TestSupport",
      dependencies: ["Toetssteen", "RuleSemantics", "HouseholdModel", "LegalText", "LegalSource", "RuleIR"],
      path: "Tests/TestSupport"),
    .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic"]),
    .testTarget(name: "LegalTextTests", dependencies: ["LegalText", "LegalSource", "TestSupport"]),
    .testTarget(name: "RuleSyntaxTests", dependencies: ["RuleSyntax", "LegalSource", "ExactArithmetic", "TestSupport"]),
    .testTarget(name: "HouseholdModelTests", dependencies: ["HouseholdModel", "LegalSource", "TestSupport"]),
    .testTarget(name: "RuleSemanticsTests", dependencies: ["TestSupport", "LegalSource"]),
    .testTarget(name: "ReferenceEvaluatorTests", dependencies: ["TestSupport", "Toetssteen", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "ExactArithmetic"]),
    .testTarget(name: "RuleKernelTests", dependencies: ["TestSupport", "Toetssteen", "Analyses", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "ExactArithmetic"]),
    .testTarget(name: "AnalysesTests", dependencies: ["TestSupport", "Analyses", "Reports", "Toetssteen", "Synthesis", "Population", "RuleIR", "ExactArithmetic", "HouseholdModel"]),
    .testTarget(name: "SpecificationTests", dependencies: ["TestSupport", "Specification", "Toetssteen", "HouseholdModel", "RuleIR"]),
    .testTarget(name: "RegulationTests", dependencies: ["Toetssteen", "LegalSource", "LegalText"]),
    .testTarget(
      name: "DecisionServiceTests",
      dependencies: [
        "DecisionService", "TestSupport", "Toetssteen", "HouseholdModel", "ExactArithmetic",
        .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Beslisservice"])),
        .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Beslisservice"])),
      ]),
    .testTarget(name: "CLITests", dependencies: ["toets", "TestSupport"], exclude: ["Fixtures", "Golden"]),
  ]
)

// swift-tools-version: 6.1
import PackageDescription

// Toetssteen: Dutch law as executable, testable rules. One target per stage of the pipeline:
//   LegalText (annotated Markdown) → RuleSyntax (rule language) → RuleSemantics (typed IR in RuleIR)
//   → ReferenceEvaluator (exact, explained) → Toetssteen (driver) → toets (CLI).
let package = Package(
  name: "Toetssteen",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "toets", targets: ["toets"]),
    .library(
      name: "Toetssteen",
      targets: ["Toetssteen", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    .target(name: "ExactArithmetic", dependencies: ["CGMP"]),
    .target(name: "LegalSource", dependencies: ["ExactArithmetic"]),
    .target(name: "LegalText", dependencies: ["LegalSource", "ExactArithmetic"]),
    .target(name: "RuleSyntax", dependencies: ["LegalSource", "ExactArithmetic"]),
    .target(name: "RuleIR", dependencies: ["RuleSyntax", "LegalSource", "ExactArithmetic"]),
    .target(name: "RuleSemantics", dependencies: ["RuleIR", "RuleSyntax", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(name: "HouseholdModel", dependencies: ["RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "ReferenceEvaluator", dependencies: ["HouseholdModel", "RuleIR", "LegalSource", "ExactArithmetic"]),
    .target(name: "Population", dependencies: ["HouseholdModel", "RuleIR", "ExactArithmetic"]),
    .target(name: "Synthesis", dependencies: ["Population", "RuleIR", "LegalSource", "ExactArithmetic", .product(name: "Yams", package: "Yams")]),
    .target(name: "RuleKernel", dependencies: ["Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "ExactArithmetic"]),
    .target(
      name: "Toetssteen",
      dependencies: ["CSQLite", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleSemantics", "RuleIR", "RuleSyntax", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(
      name: "Analyses",
      dependencies: ["Toetssteen", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "RuleIR", "LegalSource", "ExactArithmetic", .product(name: "Yams", package: "Yams")]),
    .target(name: "Reports", dependencies: ["Analyses", "Toetssteen", "Population", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
    .target(name: "Specification", dependencies: ["Toetssteen", "HouseholdModel", "RuleSemantics", "RuleIR", "LegalText", "LegalSource", "ExactArithmetic"]),
    .executableTarget(
      name: "toets",
      dependencies: ["Specification", "Reports", "Analyses", "Toetssteen", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    .target(
      name: "TestSupport",
      dependencies: ["Toetssteen", "RuleSemantics", "HouseholdModel", "LegalText", "LegalSource", "RuleIR"],
      path: "Tests/TestSupport"),
    .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic"]),
    .testTarget(name: "LegalTextTests", dependencies: ["LegalText", "LegalSource", "TestSupport"]),
    .testTarget(name: "RuleSyntaxTests", dependencies: ["RuleSyntax", "LegalSource", "ExactArithmetic"]),
    .testTarget(name: "RuleSemanticsTests", dependencies: ["TestSupport", "LegalSource"]),
    .testTarget(name: "ReferenceEvaluatorTests", dependencies: ["TestSupport", "ReferenceEvaluator", "RuleIR", "ExactArithmetic"]),
    .testTarget(name: "RuleKernelTests", dependencies: ["TestSupport", "Toetssteen", "RuleKernel", "Synthesis", "Population", "ReferenceEvaluator", "HouseholdModel", "RuleIR", "ExactArithmetic"]),
    .testTarget(name: "AnalysesTests", dependencies: ["TestSupport", "Analyses", "Reports", "Toetssteen", "Synthesis", "Population", "RuleIR", "ExactArithmetic"]),
    .testTarget(name: "SpecificationTests", dependencies: ["TestSupport", "Specification", "Toetssteen", "HouseholdModel", "RuleIR"]),
    .testTarget(name: "RegulationTests", dependencies: ["Toetssteen", "LegalSource", "LegalText"]),
    .testTarget(name: "CLITests", dependencies: ["toets", "TestSupport"], exclude: ["Fixtures", "Golden"]),
  ]
)

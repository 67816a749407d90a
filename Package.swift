// swift-tools-version:6.0
import PackageDescription

/// MatchPlan: applicant profile + Markdown guidance → personal IR application strategy report.
///
/// One target per pipeline stage, so the compiler enforces that data flows one way
/// (docs/architecture.md): `MatchPlanModel` (plain values and errors) ← `MatchPlanFileSystem`
/// (reading input text, listing folders) ← `MatchPlanLoad` (profiles, rosters, rules, cycles,
/// guidance via the `CMark` system library) and `MatchPlanPlan` (pure: model only) ←
/// `MatchPlanRender` (view models, templates) and `MatchPlanPublish` (atomic folders) ←
/// `MatchPlanPipeline` (the stages in order) ← the thin `matchplan` command.
let package = Package(
    name: "MatchPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "matchplan", targets: ["matchplan"]),
        .library(name: "MatchPlanKit", targets: ["MatchPlanPipeline"]),
        // The preview server `matchplan serve` runs: a program of its own, so building
        // `matchplan` does not build Hummingbird and SwiftNIO (README, "Previewing a site").
        .executable(name: "matchplan-serve", targets: ["matchplan-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Plain values: profile, rules, cycle, plan, errors. No file, clock or environment access.
        .target(name: "MatchPlanModel"),
        // The only place input files are read as text and folders are listed.
        .target(name: "MatchPlanFileSystem", dependencies: ["MatchPlanModel"]),
        .target(
            name: "MatchPlanLoad",
            dependencies: [
                "MatchPlanModel", "MatchPlanFileSystem", "CMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Pure: the model in, the plan out.
        .target(name: "MatchPlanPlan", dependencies: ["MatchPlanModel"]),
        .target(
            name: "MatchPlanRender",
            dependencies: [
                "MatchPlanModel", "MatchPlanFileSystem", "MatchPlanPlan",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "MatchPlanPublish", dependencies: ["MatchPlanModel", "MatchPlanFileSystem"]),
        .target(
            name: "MatchPlanPipeline",
            dependencies: ["MatchPlanModel", "MatchPlanFileSystem", "MatchPlanLoad", "MatchPlanPlan", "MatchPlanRender", "MatchPlanPublish"]
        ),
        // `matchplan serve`'s options, parsed by both programs below (ArgumentParser only).
        .target(
            name: "MatchPlanServeOptions",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "matchplan",
            dependencies: [
                "MatchPlanPipeline", "MatchPlanServeOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `matchplan serve`: builds a site into memory, serves it on 127.0.0.1, rebuilds on change.
        .executableTarget(
            name: "matchplan-serve",
            dependencies: [
                "MatchPlanPipeline", "MatchPlanServeOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Runs the built binary for the end-to-end and hardening tests.
        .target(
            name: "MatchPlanTestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "MatchPlanKitTests",
            dependencies: ["MatchPlanModel", "MatchPlanFileSystem", "MatchPlanLoad", "MatchPlanPlan", "MatchPlanRender", "MatchPlanPublish", "MatchPlanPipeline"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MatchPlanModel", "MatchPlanFileSystem", "MatchPlanLoad", "MatchPlanPlan", "MatchPlanRender", "MatchPlanPublish", "MatchPlanPipeline", "MatchPlanTestSupport"]
        ),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["MatchPlanModel", "MatchPlanFileSystem", "MatchPlanLoad", "MatchPlanPlan", "MatchPlanRender", "MatchPlanPublish", "MatchPlanPipeline", "MatchPlanTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        // libFuzzer harness for profile and guidance-page loading; see .ci/fuzz-smoke.
        .executableTarget(
            name: "MatchPlanFuzz",
            dependencies: ["MatchPlanPipeline"]
        ),
    ]
)

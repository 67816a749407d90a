// swift-tools-version:6.0
import PackageDescription

/// MatchPlan: applicant profile + Markdown guidance → personal IR application strategy report.
///
/// Targets follow the pipeline: `CMark` (system library, Debian `libcmark-dev`),
/// `MatchPlanKit` (Load / Plan / Render / Write), and the thin `matchplan` command.
let package = Package(
    name: "MatchPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "matchplan", targets: ["matchplan"]),
        .library(name: "MatchPlanKit", targets: ["MatchPlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "MatchPlanKit",
            dependencies: [
                "CMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "matchplan",
            dependencies: [
                "MatchPlanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the built binary for the end-to-end and hardening tests.
        .target(
            name: "MatchPlanTestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "MatchPlanKitTests",
            dependencies: ["MatchPlanKit"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MatchPlanKit", "MatchPlanTestSupport"]
        ),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["MatchPlanKit", "MatchPlanTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        // libFuzzer harness for profile and guidance-page loading; see .ci/fuzz-smoke.
        .executableTarget(
            name: "MatchPlanFuzz",
            dependencies: ["MatchPlanKit"]
        ),
    ]
)

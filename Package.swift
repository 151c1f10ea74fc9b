// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Stride",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StrideContracts", targets: ["StrideContracts"]),
        .library(name: "StrideKafka", targets: ["StrideKafka"]),
        .library(name: "StridePostgres", targets: ["StridePostgres"]),
        .library(name: "StrideRuntime", targets: ["StrideRuntime"]),
        .library(name: "StrideGoals", targets: ["StrideGoals"]),
        .library(name: "StrideCoaching", targets: ["StrideCoaching"]),
        .executable(name: "stride", targets: ["StrideCLI"]),
        .executable(name: "stride-demo", targets: ["StrideDemo"]),
        .executable(name: "stride-bench", targets: ["StrideBench"]),
        .executable(name: "stride-goals", targets: ["StrideGoalsServer"]),
        .executable(name: "stride-coaching", targets: ["StrideCoachingServer"]),
        .library(name: "StrideAppraisal", targets: ["StrideAppraisal"]),
        .executable(name: "stride-appraisal", targets: ["StrideAppraisalServer"]),
        .library(name: "StrideIncentives", targets: ["StrideIncentives"]),
        .executable(name: "stride-incentives", targets: ["StrideIncentivesServer"]),
        .library(name: "StridePayrollExport", targets: ["StridePayrollExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        // Public message contracts: Foundation only, so any Swift consumer can depend on it alone.
        .target(name: "StrideContracts", path: "Shared/Contracts", swiftSettings: swiftSettings),

        // librdkafka, wrapped once.
        .systemLibrary(
            name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev (>= 2.1)"])]
        ),
        .target(
            name: "StrideKafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Shared/Kafka", swiftSettings: swiftSettings
        ),

        // libpq, wrapped once.
        .systemLibrary(
            name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "StridePostgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Shared/Postgres", swiftSettings: swiftSettings
        ),

        // What every service gets for free: config, outbox, inbox, org directory, HTTP, lifecycle.
        .target(
            name: "StrideRuntime",
            dependencies: [
                "StrideContracts", "StrideKafka", "StridePostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "Shared/Runtime", swiftSettings: swiftSettings
        ),

        // The goals service: pure domain, its store, HTTP routes and event handlers…
        .target(
            name: "StrideGoals",
            dependencies: [
                "StrideRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Goals", swiftSettings: swiftSettings
        ),
        // …and its executable, configured by the environment.
        .executableTarget(
            name: "StrideGoalsServer",
            dependencies: [
                "StrideGoals",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Services/GoalsServer", swiftSettings: swiftSettings
        ),

        // The coaching service: check-ins, 1:1s, feedback, evidence, nudges, improvement plans, interviews.
        .target(
            name: "StrideCoaching",
            dependencies: [
                "StrideRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Coaching", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideCoachingServer",
            dependencies: ["StrideCoaching"],
            path: "Services/CoachingServer", swiftSettings: swiftSettings
        ),

        // The appraisal service: templates, review cycles, multi-rater reviews, scores, calibration, disputes.
        .target(
            name: "StrideAppraisal",
            dependencies: [
                "StrideRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Appraisal", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideAppraisalServer",
            dependencies: ["StrideAppraisal"],
            path: "Services/AppraisalServer", swiftSettings: swiftSettings
        ),

        // The incentives service: compensation cycles, merit and bonus runs, budgets, adjustments,
        // approval and exactly-once payroll events, promotions, development and consequence reviews.
        .target(
            name: "StrideIncentives",
            dependencies: [
                "StrideRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Incentives", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideIncentivesServer",
            dependencies: ["StrideIncentives"],
            path: "Services/IncentivesServer", swiftSettings: swiftSettings
        ),

        // The reference payroll consumer (`stride payroll export`): the contracts and the Kafka
        // client only, as a payroll team's own adapter would be.
        .target(
            name: "StridePayrollExport",
            dependencies: [
                "StrideContracts", "StrideKafka",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/PayrollExport", swiftSettings: swiftSettings
        ),

        // What the command-line tools share: connection options, the HRIS CSV import.
        .target(
            name: "StrideCommandLine",
            dependencies: [
                "StrideRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/CommandLine", swiftSettings: swiftSettings
        ),
        // `stride`: administration only (org import, tokens, topics, DLQ, parked outbox rows).
        .executableTarget(
            name: "StrideCLI",
            dependencies: [
                "StrideRuntime", "StrideCommandLine", "StridePayrollExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/CLI", swiftSettings: swiftSettings
        ),

        // `stride-demo`: the main job, one part per service (Services/<Service>Demo) on a shared kit.
        .target(
            name: "StrideDemoKit",
            dependencies: [
                "StrideRuntime", "StrideCommandLine",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/DemoKit", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideGoalsDemo",
            dependencies: [
                "StrideDemoKit", "StrideGoals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/GoalsDemo", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideCoachingDemo",
            dependencies: [
                "StrideDemoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/CoachingDemo", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideAppraisalDemo",
            dependencies: [
                "StrideDemoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/AppraisalDemo", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideIncentivesDemo",
            dependencies: [
                "StrideDemoKit", "StridePayrollExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/IncentivesDemo", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideDemo",
            dependencies: [
                "StrideDemoKit", "StrideGoalsDemo", "StrideAppraisalDemo", "StrideCoachingDemo", "StrideIncentivesDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Demo", swiftSettings: swiftSettings
        ),

        // `stride-bench`: the benchmarks, one part per service (Services/<Service>Bench) on a kit
        // that measures the raw ceilings (librdkafka, libpq) and Stride's own clients.
        .target(
            name: "StrideBenchKit",
            dependencies: [
                "StrideRuntime", "StrideCommandLine",
                "CRdKafka",  // the raw ceilings only
                "CLibPQ",  // the raw ceilings only
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),  // the HTTP load generator only
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Services/BenchKit", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideGoalsBench",
            dependencies: [
                "StrideBenchKit", "StrideGoals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Services/GoalsBench", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideCoachingBench",
            dependencies: [
                "StrideBenchKit", "StrideCoaching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOHTTP1", package: "swift-nio"),  // the load generator's methods
            ],
            path: "Services/CoachingBench", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideAppraisalBench",
            dependencies: [
                "StrideBenchKit", "StrideAppraisal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),  // the request bodies of the HR calls
                .product(name: "NIOHTTP1", package: "swift-nio"),  // the load generator's methods
            ],
            path: "Services/AppraisalBench", swiftSettings: swiftSettings
        ),
        .target(
            name: "StrideIncentivesBench",
            dependencies: [
                "StrideBenchKit", "StrideIncentives", "StridePayrollExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),  // the request bodies of the HR calls
                .product(name: "NIOHTTP1", package: "swift-nio"),  // the load generator's methods
            ],
            path: "Services/IncentivesBench", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideBench",
            dependencies: [
                "StrideBenchKit", "StrideGoalsBench", "StrideCoachingBench", "StrideAppraisalBench", "StrideIncentivesBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Bench", swiftSettings: swiftSettings
        ),

        // Tests.
        .target(
            name: "StrideTestSupport",
            dependencies: [
                "StrideRuntime",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideTestSupport", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StrideProbe",
            dependencies: ["StrideRuntime"],
            path: "Tests/StrideProbe", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideContractsTests", dependencies: ["StrideContracts"],
            path: "Tests/StrideContractsTests",
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideKafkaTests", dependencies: ["StrideKafka", "StrideTestSupport"],
            path: "Tests/StrideKafkaTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StridePostgresTests", dependencies: ["StridePostgres", "StrideTestSupport"],
            path: "Tests/StridePostgresTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideCLITests", dependencies: ["StrideCLI", "StrideCommandLine", "StrideContracts", "StrideKafka", "StrideTestSupport"],
            path: "Tests/StrideCLITests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideGoalsTests",
            dependencies: [
                "StrideGoals", "StrideTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideGoalsTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideCoachingTests",
            dependencies: [
                "StrideCoaching", "StrideTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideCoachingTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideAppraisalTests",
            dependencies: [
                "StrideAppraisal", "StrideTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideAppraisalTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideIncentivesTests",
            dependencies: [
                "StrideIncentives", "StrideTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideIncentivesTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StridePayrollExportTests",
            dependencies: ["StridePayrollExport", "StrideContracts", "StrideKafka", "StrideTestSupport"],
            path: "Tests/StridePayrollExportTests", swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrideRuntimeTests",
            dependencies: [
                "StrideRuntime", "StrideTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/StrideRuntimeTests", swiftSettings: swiftSettings
        ),
    ]
)

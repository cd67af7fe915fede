// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode (strict concurrency) plus the
/// upcoming features that make dependencies and existentials explicit.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Newswire",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newswired", targets: ["newswired"]),
        .executable(name: "newswire", targets: ["newswire"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: C libraries, each behind a tiny shim (variadic functions are wrapped there).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // glibc's <malloc.h> (malloc_trim), which the Glibc module leaves out; nothing to link.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // MARK: Pure stages of the pipeline.
        .target(name: "CivilCalendar", swiftSettings: strict),
        .target(name: "FeedParser", dependencies: ["CLibXML2", "CivilCalendar"], swiftSettings: strict),
        .target(name: "SourceAdapterKit", dependencies: ["FeedParser"], swiftSettings: strict),
        .target(name: "ArticleIdentity", dependencies: ["SourceAdapterKit"], swiftSettings: strict),
        .target(name: "StoryClustering", swiftSettings: strict),
        .target(name: "PollScheduling", swiftSettings: strict),
        .target(name: "NewswireProtocol", swiftSettings: strict),
        // A reproducible stream of made-up news, for the clustering benchmark and memory tests.
        .target(name: "SyntheticNews", dependencies: ["StoryClustering"], swiftSettings: strict),

        // MARK: Built-in outlet adapters, one target per outlet (see plugins/).
        .target(name: "France24Adapter", dependencies: ["SourceAdapterKit"], path: "plugins/France24",
                swiftSettings: strict),
        .target(name: "AlJazeeraAdapter", dependencies: ["SourceAdapterKit"], path: "plugins/AlJazeera",
                swiftSettings: strict),

        // MARK: I/O edges.
        .target(name: "NewswireHTTP", dependencies: ["CCurl", "CivilCalendar"], swiftSettings: strict),
        .target(
            name: "NewswireStore",
            dependencies: ["CSQLite", "NewswireProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),

        // MARK: The daemon and its command-line tools.
        .target(
            name: "NewswireDaemon",
            dependencies: [
                "CMalloc", "CSystemd", "FeedParser", "SourceAdapterKit", "ArticleIdentity", "StoryClustering",
                "PollScheduling", "NewswireProtocol", "NewswireHTTP", "NewswireStore",
                "France24Adapter", "AlJazeeraAdapter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "newswired",
            dependencies: ["NewswireDaemon", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The release link's function order (see the Makefile's RELEASE_FLAGS), not a source.
            exclude: ["symbol-order.txt"],
            swiftSettings: strict),
        .executableTarget(
            name: "newswire",
            dependencies: [
                "NewswireProtocol", "FeedParser", "StoryClustering", "NewswireDaemon", "NewswireHTTP",
                "NewswireStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // MARK: Benchmark (bench/run.sh): parse throughput of FeedParser, in process.
        .executableTarget(name: "newswire-bench", dependencies: ["FeedParser"], swiftSettings: strict),
        // bench/clustering/run.sh: identity + clustering throughput and memory over a long stream.
        .executableTarget(
            name: "newswire-cluster-bench",
            dependencies: ["ArticleIdentity", "SourceAdapterKit", "StoryClustering", "SyntheticNews"],
            swiftSettings: strict),

        // MARK: Tests.
        .target(
            name: "NewswireTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(name: "FeedParserTests", dependencies: ["FeedParser"], resources: [.copy("Fixtures")],
                    swiftSettings: strict),
        .testTarget(name: "StoryClusteringTests", dependencies: ["StoryClustering", "SyntheticNews"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "PollSchedulingTests", dependencies: ["PollScheduling"], swiftSettings: strict),
        .testTarget(name: "NewswireHTTPTests", dependencies: ["NewswireHTTP", "NewswireTestSupport"],
                    swiftSettings: strict),
        .testTarget(
            name: "NewswireUnitTests",
            dependencies: ["ArticleIdentity", "SourceAdapterKit", "NewswireProtocol", "NewswireStore",
                           "NewswireDaemon", "France24Adapter", "AlJazeeraAdapter", "FeedParser", "StoryClustering",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "NewswireIntegrationTests",
            dependencies: ["NewswireTestSupport", "NewswireProtocol", "NewswireStore", "newswired", "newswire"],
            exclude: ["systemd"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict),
    ]
)

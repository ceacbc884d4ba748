// swift-tools-version:6.1
import PackageDescription

/// igfsite: one module per pipeline stage, each depending only on `SiteModel` and the
/// stages before it (content → parse → validate → link → render → write), so the compiler
/// enforces the order. `SiteBuild` runs the stages; `igfsite` is a thin command layer.
/// Release builds skip the run-time exclusivity checks of the pipeline modules (a tenth of
/// the instructions of a build went to them, mostly for class properties read while
/// rendering); debug builds and the tests keep them.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "igfsite",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "igfsite", targets: ["igfsite"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "CFileSwap"),
    // A bump allocator for cmark-gfm's nodes and buffers, one per thread (SiteMarkdown).
    .target(name: "CMarkdownArena"),
    // Support code of no stage: threads, bytes, hashing, HTML text and JSON, one of each.
    .target(name: "SiteSupport", swiftSettings: releaseSpeed),
    // The Mustache engine, proven by the Mustache spec (Tests/SiteTests/Mustache).
    .target(name: "Mustache", dependencies: ["SiteSupport"], swiftSettings: releaseSpeed),
    .target(name: "SiteModel", dependencies: ["SiteSupport"], swiftSettings: releaseSpeed),
    .target(
      name: "SiteContent", dependencies: ["SiteSupport", "SiteModel", "CLibYAML"],
      swiftSettings: releaseSpeed),
    .target(
      name: "SiteMarkdown", dependencies: ["SiteSupport", "SiteModel", "CCmarkGFM", "CMarkdownArena"],
      swiftSettings: releaseSpeed),
    .target(
      name: "SiteValidate", dependencies: ["SiteSupport", "SiteModel", "SiteContent"], swiftSettings: releaseSpeed),
    .target(name: "SiteLink", dependencies: ["SiteSupport", "SiteModel", "SiteContent"], swiftSettings: releaseSpeed),
    .target(
      name: "SiteRender", dependencies: ["SiteSupport", "Mustache", "SiteModel", "SiteContent", "SiteLink"],
      swiftSettings: releaseSpeed),
    .target(name: "SiteWrite", dependencies: ["SiteSupport", "SiteModel", "CFileSwap"], swiftSettings: releaseSpeed),
    .target(
      name: "SiteBuild",
      dependencies: [
        "SiteSupport", "SiteModel", "SiteContent", "SiteMarkdown", "SiteValidate", "SiteLink", "SiteRender",
        "SiteWrite",
      ],
      swiftSettings: releaseSpeed
    ),
    .target(
      name: "SiteServe",
      dependencies: [
        "SiteSupport", "SiteModel", "SiteBuild", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "igfsite",
      dependencies: [
        "SiteModel", "SiteContent", "SiteMarkdown", "SiteValidate", "SiteBuild", "SiteWrite", "SiteServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds allocate through mimalloc (Debian's libmimalloc-dev): parsing ten
      // thousand documents spends a fifth of its time in glibc's malloc. Debug and
      // sanitizer builds keep the system allocator.
      linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
    ),
    // The fuzz target (make fuzz) and the seeded generator the tests also run.
    .target(name: "SiteFuzz", dependencies: ["SiteModel", "SiteContent", "SiteMarkdown"]),
    .executableTarget(name: "igfsite-fuzz", dependencies: ["SiteFuzz"]),
    .target(
      name: "TestSupport", dependencies: ["SiteModel", "SiteBuild", .product(name: "Yams", package: "Yams")],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "SiteTests",
      dependencies: [
        "TestSupport", "Mustache", "SiteModel", "SiteContent", "SiteMarkdown", "CMarkdownArena", "SiteRender",
        "SiteWrite", "SiteBuild", "SiteServe", "SiteFuzz",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)

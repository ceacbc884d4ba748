// swift-tools-version:6.1
import PackageDescription

/// igfsite: one module per pipeline stage, each depending only on `SiteModel` and the
/// stages before it (content → parse → validate → link → render → write), so the compiler
/// enforces the order. `SiteBuild` runs the stages; `igfsite` is a thin command layer.
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
    .target(name: "SiteModel"),
    .target(name: "SiteContent", dependencies: ["SiteModel", "CLibYAML", .product(name: "Yams", package: "Yams")]),
    .target(name: "SiteMarkdown", dependencies: ["SiteModel", "CCmarkGFM"]),
    .target(name: "SiteValidate", dependencies: ["SiteModel", "SiteContent", "SiteMarkdown"]),
    .target(name: "SiteLink", dependencies: ["SiteModel", "SiteValidate"]),
    .target(
      name: "SiteRender",
      dependencies: ["SiteModel", "SiteLink"]
    ),
    .target(name: "SiteWrite", dependencies: ["SiteModel", "CFileSwap"]),
    .target(
      name: "SiteBuild",
      dependencies: ["SiteModel", "SiteContent", "SiteMarkdown", "SiteValidate", "SiteLink", "SiteRender", "SiteWrite"]
    ),
    .target(
      name: "SiteServe",
      dependencies: [
        "SiteModel", "SiteBuild", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "igfsite",
      dependencies: [
        "SiteModel", "SiteContent", "SiteMarkdown", "SiteBuild", "SiteServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "TestSupport", dependencies: ["SiteModel", "SiteBuild", .product(name: "Yams", package: "Yams")],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "SiteTests",
      dependencies: ["TestSupport", "SiteModel", "SiteContent", "SiteMarkdown", "SiteValidate", "SiteLink", "SiteRender", "SiteWrite", "SiteBuild", "SiteServe"],
      exclude: []
    ),
  ],
  swiftLanguageModes: [.v6]
)

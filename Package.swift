// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "nines",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NinesKit", targets: ["NinesKit"]),
        .executable(name: "nines", targets: ["nines"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system libyaml, the one YAML parser (Loading/YAMLEventBuilder): Debian's libyaml-dev,
        // Homebrew's libyaml. scripts/install.sh --static links its libyaml.a.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "NinesKit",
            dependencies: ["CYAML"]
        ),
        .executableTarget(
            name: "nines",
            dependencies: [
                "NinesKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nines-genmodel", dependencies: ["NinesKit"]),
        // What both test targets share: the child-process runner and the `nines` binary,
        // fixtures, golden files. A plain target that only test targets depend on.
        .target(name: "NinesTestSupport", dependencies: ["NinesKit"], path: "Tests/NinesTestSupport"),
        // The library, in-process.
        .testTarget(
            name: "NinesKitTests",
            dependencies: ["NinesKit", "NinesTestSupport"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        // The executable: its own code in-process, and every test that runs the `nines` binary
        // (it depends on the executable, so `swift test` builds the binary before running them).
        .testTarget(name: "ninesTests", dependencies: ["nines", "NinesKit", "NinesTestSupport"]),
        // The docs/library.md example, compiled without @testable.
        .testTarget(name: "LibraryExampleTests", dependencies: ["NinesKit"], exclude: ["shop.yaml"]),
    ]
)

// The libFuzzer entry point over the loader, only when scripts/fuzz.sh asks for it
// (NINES_FUZZ=1): it has no main of its own, so ordinary builds must not see it.
if Context.environment["NINES_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "NinesFuzz",
        dependencies: ["NinesKit"],
        path: "Fuzz/NinesFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}

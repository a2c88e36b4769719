import Foundation

/// Files under `Tests/NinesKitTests/Fixtures/`.
package enum Fixtures {
    /// The fixtures directory, found from this source file (both test targets read it; only
    /// NinesKitTests bundles it, for the suites that read it through `Bundle.module`).
    package static var root: URL { GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests/Fixtures") }

    /// A fixture by its path relative to `Fixtures/`, e.g. `url("invalid/empty-file.yaml")`.
    package static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// A fixture's text (UTF-8).
    package static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// Names of the files in a fixture directory, sorted.
    package static func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(directory).path).sorted()
    }
}

import Foundation

/// Files under `Tests/NinesKitTests/Fixtures/` (copied into the test bundle).
enum Fixtures {
    /// The fixtures directory in the test bundle.
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures directory missing from the test bundle")
        }
        return url
    }

    /// A fixture by its path relative to `Fixtures/`, e.g. `url("invalid/empty-file.yaml")`.
    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// A fixture's text (UTF-8).
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// Names of the files in a fixture directory, sorted.
    static func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(directory).path).sorted()
    }
}

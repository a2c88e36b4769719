import Foundation
import Testing
import NinesTestSupport

/// Tests that run the `nines` binary live here, in the executable's own test target, which
/// `swift test` builds the binary for; NinesKitTests tests the library in-process. A test there
/// that ran the binary could find none and would have nothing to fail on (issue 21).
@Suite struct TestPlacementTests {
    @Test func noLibraryTestRunsTheBinary() throws {
        let folder = GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        let swiftFiles = files.filter { $0.hasSuffix(".swift") }
        #expect(swiftFiles.count > 50, "found only \(swiftFiles.count) Swift files under \(folder.path)")
        for file in swiftFiles {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("NinesExecutable"), "Tests/NinesKitTests/\(file) runs the nines binary: move it to Tests/ninesTests")
        }
    }
}

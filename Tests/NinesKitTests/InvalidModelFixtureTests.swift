import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Every way a model file can be wrong, one fixture each: `Fixtures/invalid/NAME.yaml` must be
/// refused with exactly the diagnostics in `NAME.expected` (one `NAME.yaml:L:C: error: …` line each,
/// file names as given, sorted by position). Files `NAME.PART.yaml` are merged after `NAME.yaml`,
/// for errors that only show across files.
struct InvalidModelFixtureTests {
    static let directory = "invalid"

    /// The case names: every fixture with an expectation.
    static let cases: [String] = ((try? Fixtures.files(in: directory)) ?? [])
        .filter { $0.hasSuffix(".expected") }
        .map { String($0.dropLast(".expected".count)) }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(name: String) throws {
        let expected = try Fixtures.text("\(Self.directory)/\(name).expected")
        let actual = try Self.diagnostics(loading: name)
        #expect(actual == expected.trimmingCharacters(in: .newlines), "\(name)")
    }

    /// Every fixture is a case or a part of one, and the suite covers the cases the issue lists.
    @Test func everyFixtureBelongsToACase() throws {
        let files = try Fixtures.files(in: Self.directory).filter { $0.hasSuffix(".yaml") }
        for file in files {
            let caseName = String(file.prefix { $0 != "." })
            #expect(Self.cases.contains(caseName), "\(file) has no \(caseName).expected")
        }
        #expect(Self.cases.count >= 30)
    }

    /// Loads NAME.yaml and its parts as the command would (UTF-8 decoding included) and returns the
    /// diagnostics one per line; records an issue when the model is accepted.
    static func diagnostics(loading name: String) throws -> String {
        let parts = try Fixtures.files(in: directory).filter { $0.hasPrefix("\(name).") && $0.hasSuffix(".yaml") && $0 != "\(name).yaml" }
        let files = ["\(name).yaml"] + parts
        var documents: [(file: String, text: String)] = []
        for file in files {
            let data = try Data(contentsOf: Fixtures.url("\(directory)/\(file)"))
            documents.append((file, try SourceFile.decode(data, file: file).get()))
        }
        do {
            _ = try ModelLoader.load(documents: documents)
            Issue.record("\(name): the model was accepted")
            return ""
        } catch {
            return error.description
        }
    }
}

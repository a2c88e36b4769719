import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The executable on an invalid model: the CI format on stdout, the compiler-style errors on
/// stderr, exit 2, in every format.
@Suite struct InvalidInputCheckTests {
    static let fixture = "Tests/NinesKitTests/Fixtures/invalid/three-errors.yaml"

    @Test(arguments: CheckFormatTestsFormats.all)
    func invalidModelExitsTwoWithTheErrorsInItsFormat(format: String) throws {
        let run = try NinesExecutable.run(["check", Self.fixture, "--format", format])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(Self.fixture):4:24: error: 'availability' of component 'web'"))
        #expect(run.stderr.hasSuffix("3 errors\n"))
        let expected: [String: String] = [
            "github": "::error file=\(Self.fixture),line=4,col=24,endColumn=28,",
            "junit": "<failure message=\"&apos;availability&apos; of component",
            "sarif": "\"level\" : \"error\"",
            "markdown": "#### Errors",
        ]
        if let marker = expected[format] {
            #expect(run.stdout.contains(marker), "\(format): \(run.stdout)")
        } else {
            #expect(run.stdout.isEmpty)
        }
    }

    /// A file that does not exist is an input error too, located at its line 1.
    @Test func missingFileIsAnAnnotation() throws {
        let run = try NinesExecutable.run(["check", "no-such-model.yaml", "--format", "github"])
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("::error file=no-such-model.yaml,line=1,col=1,title=nines%3A invalid input::no such file"))
    }
}

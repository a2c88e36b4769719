import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines import openpsa` and `nines export --format openpsa` as a user runs them: the imported
/// model reports SCRAM's 2-of-3 figure, export and import again keeps it, a NOT gate exits 2 at
/// its line.
@Suite struct OpenPSACommandTests {
    static let fixture = "Tests/NinesKitTests/Fixtures/openpsa/"

    /// The top objective's unavailability in `nines report --format json` of `model`.
    static func topUnavailability(_ model: String) throws -> Double {
        let run = try NinesExecutable.run(["report", model, "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let figures = try #require(object["figures"] as? [[String: Any]])
        return try #require(figures.first?["unavailability"] as? Double)
    }

    /// SCRAM's core test 'Atleast' states 0.098 (ab + ac + bc − 2abc with 0.1, 0.2, 0.3).
    @Test func importReportsAndRoundTripsThroughExport() throws {
        let folder = try FMEAFixtures.scratch().path
        let imported = folder + "/two-of-three.yaml"
        let run = try NinesExecutable.run(["import", "openpsa", Self.fixture + "two-of-three.xml", "-o", imported])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(abs(try Self.topUnavailability(imported) - 0.098) < 1e-15)

        let exported = folder + "/two-of-three.xml"
        #expect(try NinesExecutable.run(["export", imported, "--format", "openpsa", "-o", exported]).status == 0)
        let again = folder + "/again.yaml"
        #expect(try NinesExecutable.run(["import", "openpsa", exported, "-o", again]).status == 0)
        #expect(abs(try Self.topUnavailability(again) - 0.098) < 1e-15)
    }

    @Test func aNotGateExitsTwoAtItsLine() throws {
        let run = try NinesExecutable.run(["import", "openpsa", Self.fixture + "not-gate.xml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not-gate.xml:7:"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

}

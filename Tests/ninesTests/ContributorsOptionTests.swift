import Foundation
import Testing
import NinesTestSupport

/// `nines report --contributors N`: the JSON lists the N largest contributors per figure and
/// counts the rest; without it a bundled (small) model lists every one, as before.
@Suite struct ContributorsOptionTests {
    static func figures(_ arguments: [String]) throws -> [[String: Any]] {
        let run = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--format", "json"] + arguments)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require(object?["figures"] as? [[String: Any]])
    }

    @Test func listsTheLargestAndCountsTheRest() throws {
        let all = try Self.figures([])
        let two = try Self.figures(["--contributors", "2"])
        #expect(all.count == two.count)
        for (every, listed) in zip(all, two) {
            let everyOne = try #require(every["contributors"] as? [[String: Any]])
            let first = try #require(listed["contributors"] as? [[String: Any]])
            #expect(every["contributorsNotListed"] == nil)
            #expect(everyOne.count > 2)
            #expect(first.map { $0["component"] as? String } == everyOne.prefix(2).map { $0["component"] as? String })
            let rest = try #require(listed["contributorsNotListed"] as? [String: Any])
            #expect(rest["count"] as? Int == everyOne.count - 2)
            let hours = everyOne.dropFirst(2).reduce(0.0) { $0 + ($1["downtimeHours"] as? Double ?? .nan) }
            let summed = try #require(rest["downtimeHours"] as? Double)
            #expect(abs(summed - hours) <= 1e-12 * max(hours, 1e-300), "\(summed) vs \(hours)")
        }
    }

    @Test func aNegativeCountIsRefused() throws {
        let run = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--contributors=-1"])
        #expect(run.status == 2, "\(run.status)")
        #expect(run.stderr.contains("--contributors must be 0 or more"))
    }
}

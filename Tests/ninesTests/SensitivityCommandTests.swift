import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines sensitivity` in each format, and a bad `--by` refused.
@Suite struct SensitivityCommandTests {
    @Test func eachFormat() throws {
        let text = try NinesExecutable.run(["sensitivity", "models/devops-job-runner.yaml", "--objective", "submit-job", "--by", "20%"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.hasPrefix("sensitivity: DevOps job runner, objective submit-job: downtime"))
        #expect(text.stdout.contains("each input moved by ±20.0%"))
        let csv = try NinesExecutable.run(["sensitivity", "models/devops-job-runner.yaml", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("objective,component,field,value,low,high,downtime_low_hours,downtime_high_hours,swing_hours,elasticity\n"))
        let json = try NinesExecutable.run(["sensitivity", "models/devops-job-runner.yaml", "--format", "json", "--set", "job-api.replicas=4"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["inputs"] as? [[String: Any]])?.isEmpty == false)
        #expect(object["overrides"] as? [String] == ["job-api.replicas=4"])
        let bad = try NinesExecutable.run(["sensitivity", "models/devops-job-runner.yaml", "--by", "0%"])
        #expect(bad.status == 2 && bad.stderr.contains("--by must be a share in (0, 100)%"))
    }
}

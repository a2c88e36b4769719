import Foundation
import Testing
import NinesTestSupport

/// `nines simulate` as a user runs it: the output does not depend on --threads, bad input exits 2
/// with a message on stderr and nothing on stdout.
@Suite
struct SimulateCommandTests {
    @Test func sameSeedSameOutputWithOneAndTwoThreads() throws {
        let one = try NinesExecutable.run(["simulate", "models/two-tier-service.yaml", "--periods", "2400", "--seed", "9", "--threads", "1"])
        let two = try NinesExecutable.run(["simulate", "models/two-tier-service.yaml", "--periods", "2400", "--seed", "9", "--threads", "2"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.stderr.isEmpty)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.contains("2400 months simulated (seed 9"))
        let csv = try NinesExecutable.run(["simulate", "models/two-tier-service.yaml", "--periods", "1200", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("objective,measure,period,periods,target,availability,"))
    }

    @Test func reportAddsSimulatedFiguresOnlyWhenAsked() throws {
        let plain = try NinesExecutable.run(["report", "models/two-tier-service.yaml"])
        let simulated = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--simulate", "--periods", "1200"])
        #expect(simulated.status == 0, "stderr: \(simulated.stderr)")
        #expect(simulated.stdout.hasPrefix(plain.stdout))
        #expect(!plain.stdout.contains("Monte Carlo"))
        #expect(simulated.stdout.contains("Monte Carlo simulation\n1200 months simulated (seed 1"))
        let json = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--simulate", "--periods", "1200", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let simulation = try #require(object?["simulation"] as? [String: Any])
        #expect(simulation["periodsSimulated"] as? Int == 1200)
    }

    @Test(arguments: [
        (["--periods", "0"], "--periods must be from 1 to 1000000000"),
        (["--seed", "abc"], "The value 'abc' is invalid for '--seed <seed>'"),
        (["--precision", "2"], "--precision must be in (0, 0.5]"),
        (["--threads", "0"], "--threads must be from 1 to 1024"),
        (["--assume-mttr", "0m"], "--assume-mttr must be a positive duration"),
        (["--periods", "1000000000"], "over the limit of 1e+10; ask for at most"),
    ])
    func refusesBadOptions(options: [String], message: String) throws {
        let run = try NinesExecutable.run(["simulate", "models/two-tier-service.yaml"] + options)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }

    @Test func refusesABadDistributionWithItsLocation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("weibull.yaml")
        try """
            version: 1
            system: s
            components:
              db: { mtbf: 100h, repair: { distribution: weibull, shape: 0, scale: 30m } }
            objectives: { o: { at: db } }
            """.write(to: model, atomically: true, encoding: .utf8)
        let run = try NinesExecutable.run(["simulate", model.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(model.path):4:61: error: 'shape' of 'repair' of component 'db' must be a number in (0, 100], found '0'"),
                "stderr: \(run.stderr)")
    }
}

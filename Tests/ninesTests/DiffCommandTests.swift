import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines diff` as CI runs it: models in several files per side, the calendar options, and the
/// exit code of each outcome. The fixtures' database goes from Q = 1/1000 to 1/800 (10.8 min
/// more in a 30-day month, 10.96 min in a month of 365.25 / 12 days) or to 1/500 (the 99.85%
/// target falls short).
@Suite struct DiffCommandTests {
    static let folder = "Tests/NinesKitTests/Fixtures/diff/"
    static let old = ["--old", folder + "main.yaml", folder + "db.yaml"]
    static func new(_ database: String) -> [String] { ["--new", folder + "main.yaml", folder + database] }

    @Test func severalFilesPerSide() throws {
        let run = try NinesExecutable.run(["diff"] + Self.old + Self.new("db-slower.yaml"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("front: 99.9000% → 99.875%, 43.2 min → 54 min/month (+10.8 min)"))
        #expect(run.stdout.hasSuffix("passes: no objective newly falls short\n"))
        #expect(run.stderr.isEmpty)
    }

    @Test func costLimitPerPeriodWithTheCalendarOptions() throws {
        let limit = ["--fail-on-cost", "10.9m"]
        #expect(try NinesExecutable.run(["diff"] + Self.old + Self.new("db-slower.yaml") + limit).status == 0)
        let longer = try NinesExecutable.run(["diff"] + Self.old + Self.new("db-slower.yaml") + limit + ["--year-days", "365.25", "--month", "year/12"])
        #expect(longer.status == 1)
        #expect(longer.stdout.hasSuffix("fails (1 reason):\n    front: costs 11 min/month more, over the 10.9 min/month allowed\n"))
        #expect(longer.stderr == "nines diff fails: front: costs 11 min/month more, over the 10.9 min/month allowed\n")
        #expect(try NinesExecutable.run(["diff"] + Self.old + Self.new("db-slower.yaml") + ["--fail-on-cost", "10min"]).status == 1)
    }

    @Test func targetThatNewlyFallsShortExitsOne() throws {
        let run = try NinesExecutable.run(["diff", Self.folder + "main.yaml", Self.folder + "main.yaml"])
        #expect(run.status == 2)   // one file holds no database: invalid model, not a verdict
        let broken = try NinesExecutable.run(["diff"] + Self.old + Self.new("db-much-slower.yaml") + ["--format", "json"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\"reason\" : \"falls-short\""))
    }

    /// `--base` with a model in two files: each file is read at the revision.
    @Test func severalFilesAtAGitRevision() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["main.yaml", "db.yaml"] {
            try FileManager.default.copyItem(at: GoldenFiles.root.appendingPathComponent(Self.folder + name), to: directory.appendingPathComponent(name))
        }
        try GitFixture.commit(["main.yaml", "db.yaml"], in: directory)
        let files = ["main.yaml", "db.yaml"].map { directory.appendingPathComponent($0).path }
        #expect(try NinesExecutable.run(["diff", "--base", "HEAD"] + files).status == 0)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("db.yaml"))
        try FileManager.default.copyItem(at: GoldenFiles.root.appendingPathComponent(Self.folder + "db-much-slower.yaml"), to: directory.appendingPathComponent("db.yaml"))
        let run = try NinesExecutable.run(["diff", "--base", "HEAD"] + files)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("nines diff: HEAD:\(files[0]) + HEAD:\(files[1]) → \(files[0]) + \(files[1])\n"))
        #expect(run.stdout.contains("front: 99.9000% → 99.800%"))
        let reason = "front: now falls short: 1.44 h/month of downtime, over the 1.08 h budget of SLO 99.85% per month"
        #expect(run.stdout.hasSuffix("fails (1 reason):\n    \(reason)\n"))
        #expect(run.stderr == "nines diff fails: \(reason)\n")   // the log says why, whatever went to stdout
    }

    @Test(arguments: [
        ([], "give the two versions to compare: nines diff OLD.yaml NEW.yaml"),
        (["a.yaml"], "give the new version too: nines diff OLD.yaml NEW.yaml, or --base REV a.yaml to compare with git"),
        (["a.yaml", "b.yaml", "c.yaml"], "give two files, OLD.yaml NEW.yaml (found 3); for a model in several files use --old FILE… --new FILE…"),
        (["--old", "a.yaml"], "give both versions: --old with the old file(s) and --new with the new one(s)"),
        (["a.yaml", "--old", "b.yaml", "--new", "c.yaml"], "give the versions either as OLD.yaml NEW.yaml or with --old and --new, not both"),
        (["--base", "HEAD", "--old", "a.yaml", "--new", "b.yaml"], "--base reads the old version from git: give only the model file(s)"),
        (["--base", "HEAD"], "give the model file(s) to compare with their version at 'HEAD'"),
        (["a.yaml", "b.yaml", "--fail-on-cost", "5"], "--fail-on-cost must be a duration with a unit, such as '1m', '5min' or '2h', found '5'"),
        (["a.yaml", "b.yaml", "--month", "31d"], "--month must be '30d' or 'year/12', found '31d'"),
    ])
    func usageErrorsInPlainWords(arguments: [String], message: String) throws {
        let run = try NinesExecutable.run(["diff"] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}

import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines fmea import` and `nines fmea init` options as a user gives them.
@Suite struct FMEAWorksheetCommandTests {
    /// The command takes the worksheet as its second argument, like `fmea export` takes it, or
    /// with `--worksheet`; `--decimal-comma` reads a comma file's quoted decimal commas.
    @Test func importTakesTheWorksheetPositionally() throws {
        let folder = try FMEAFixtures.scratch()
        let csv = folder.appendingPathComponent("rows.csv").path
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        let model = folder.appendingPathComponent("shop.yaml").path
        try "id,component,failure_mode,rate,outage\na,db,x,\"0,5/y\",1h\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let refused = try NinesExecutable.run(["fmea", "import", csv, worksheet, "--model", model])
        #expect(refused.status == 2 && refused.stderr.contains("column 'rate'"), "\(refused.stderr)")
        let run = try NinesExecutable.run(["fmea", "import", csv, worksheet, "--model", model, "--decimal-comma"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: worksheet, encoding: .utf8).contains("    rate: 0.5/y\n"))
        let both = try NinesExecutable.run(["fmea", "import", csv, worksheet, "--worksheet", csv])
        #expect(both.status == 2 && both.stderr.contains("give the worksheet once"), "\(both.stderr)")
        let neither = try NinesExecutable.run(["fmea", "import", csv])
        #expect(neither.status == 2 && neither.stderr.contains("nines fmea import CSV WORKSHEET"), "\(neither.stderr)")
    }

    /// The command: a semicolon file detected, or told with --delimiter; a bad one refused in words.
    @Test func importCommandTakesTheDelimiter() throws {
        let folder = try FMEAFixtures.scratch()
        let csv = folder.appendingPathComponent("rows.csv").path
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        let model = folder.appendingPathComponent("shop.yaml").path
        try "id;component;failure_mode\na;db;\"full, again\"\n;;\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let detected = try NinesExecutable.run(["fmea", "import", csv, "--worksheet", worksheet, "--model", model])
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(try String(contentsOfFile: worksheet, encoding: .utf8).hasSuffix("  - id: a\n    component: db\n    failure_mode: full, again\n"))
        try "id\tcomponent\tfailure_mode\nb\tfront\tx;y\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try NinesExecutable.run(["fmea", "import", csv, "--worksheet", worksheet, "--delimiter", "tab"]).status == 0)
        #expect(try String(contentsOfFile: worksheet, encoding: .utf8).contains("    failure_mode: x;y\n"))
        let bad = try NinesExecutable.run(["fmea", "import", csv, "--worksheet", worksheet, "--delimiter", "|"])
        #expect(bad.status == 2 && bad.stderr.contains("--delimiter must be ',', ';' or 'tab', found '|'"))
    }

    @Test func promptsOption() throws {
        let counts = try PromptLevel.allCases.map { level in
            let run = try NinesExecutable.run(["fmea", "init", "models/retail-omnichannel.yaml", "--prompts", level.rawValue])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.components(separatedBy: "\n  - id: ").count - 1
        }
        #expect(counts == [14, 28, 53])
        #expect(try NinesExecutable.run(["fmea", "init", "models/retail-omnichannel.yaml"]).stdout.components(separatedBy: "\n  - id: ").count - 1 == 28)
        let bad = try NinesExecutable.run(["fmea", "init", "models/retail-omnichannel.yaml", "--prompts", "some"])
        #expect(bad.status == 2 && bad.stderr.contains("'some'"), "\(bad.stderr)")
    }
}

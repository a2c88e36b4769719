import Foundation
import Testing
import NinesTestSupport

/// `nines fmea …` through the built executable: goldens on the bundled worksheets, the CSV round
/// trip, and that a failed import leaves the user's file as it was.
@Suite struct FMEACommandTests {
    @Test(arguments: ["retail-omnichannel", "devops-job-runner"])
    func rankGolden(model: String) throws {
        let run = try NinesExecutable.run(["fmea", "rank", "models/\(model).fmea.yaml"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        GoldenFiles.compare(run.stdout, with: "\(model).fmea-rank.text")
    }

    @Test func rankGoldenJSONAndFilteredMarkdown() throws {
        let json = try NinesExecutable.run(["fmea", "rank", "models/retail-omnichannel.fmea.yaml", "--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        GoldenFiles.compare(json.stdout, with: "retail-omnichannel.fmea-rank.json")
        let markdown = try NinesExecutable.run(["fmea", "rank", "models/devops-job-runner.fmea.yaml", "--open", "--by", "downtime",
                                                "--format", "markdown"])
        #expect(markdown.status == 0, "stderr: \(markdown.stderr)")
        GoldenFiles.compare(markdown.stdout, with: "devops-job-runner.fmea-rank-open-downtime.md")
    }

    @Test func unknownFilterExits2WithAHint() throws {
        let run = try NinesExecutable.run(["fmea", "rank", "models/retail-omnichannel.fmea.yaml", "--layer", "netwrk"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--layer 'netwrk' matches nothing; did you mean 'network'?"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func exportImportExportThroughTheCommand() throws {
        let folder = try FMEAFixtures.scratch()
        let worksheet = folder.appendingPathComponent("shop.fmea.yaml").path
        try FileManager.default.copyItem(atPath: FMEAFixtures.shopWorksheet, toPath: worksheet)
        let csv = folder.appendingPathComponent("rows.csv").path
        let export = try NinesExecutable.run(["fmea", "export", "--csv", worksheet, "-o", csv])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        // Into the worksheet itself (its model, scoring and layers are kept) …
        let importRun = try NinesExecutable.run(["fmea", "import", csv, "--worksheet", worksheet])
        #expect(importRun.status == 0, "stderr: \(importRun.stderr)")
        #expect(importRun.stderr.contains("wrote 5 failure modes to"))
        let again = try NinesExecutable.run(["fmea", "export", worksheet])
        #expect(again.stdout == (try String(contentsOfFile: csv, encoding: .utf8)))
        // … and into a new worksheet next to the model.
        let rows = "id,component,failure_mode,severity,occurrence,detection\nx-1,db,\"disk full, again\",7,3,2\n"
        try Data(rows.utf8).write(to: URL(fileURLWithPath: csv))
        let imported = folder.appendingPathComponent("imported.fmea.yaml").path
        let created = try NinesExecutable.run(["fmea", "import", csv, "--worksheet", imported,
                                               "--model", folder.appendingPathComponent("shop.yaml").path])
        #expect(created.status == 0, "stderr: \(created.stderr)")
        #expect((try String(contentsOfFile: imported, encoding: .utf8)).contains("\nmodel: shop.yaml\n"))
        let exported = try NinesExecutable.run(["fmea", "export", imported])
        #expect(exported.stdout.hasSuffix("\nx-1,db,storage,,\"disk full, again\",,,,,,7,3,2,,,,,,,,,,,,\n"), "\(exported.stdout)")
    }

    @Test func failedImportLeavesTheWorksheetUntouched() throws {
        let folder = try FMEAFixtures.scratch()
        let worksheet = folder.appendingPathComponent("shop.fmea.yaml").path
        try FileManager.default.copyItem(atPath: FMEAFixtures.shopWorksheet, toPath: worksheet)
        let before = try Data(contentsOf: URL(fileURLWithPath: worksheet))
        let cases: [(String, String)] = [
            ("id,component,failure_mode,severity\na,db,x,12\n", "rows.csv:2:8: error: row 2, column 'severity' must be a whole number from 1 to 10, found '12'"),
            ("id,component,failure_mode\na,db\n", "row 2 has 2 fields but the header has 3 columns"),
            ("id,component,failure_mode,colour\na,db,x,red\n", "row 1: unknown column 'colour'"),
            ("id,component,failure_mode\na,frnt,x\n", "unknown component 'frnt'; did you mean 'front'?"),
        ]
        for (text, expected) in cases {
            let csv = folder.appendingPathComponent("rows.csv")
            try Data(text.utf8).write(to: csv)
            let run = try NinesExecutable.run(["fmea", "import", csv.path, "--worksheet", worksheet])
            #expect(run.status == 2, "\(text)")
            #expect(run.stderr.contains(expected), "stderr: \(run.stderr)")
            #expect(run.stderr.contains("nothing written to"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: worksheet)) == before)
        }
        let invalid = folder.appendingPathComponent("latin1.csv")
        try Data(Array("id,component,failure_mode\na,db,caf".utf8) + [0xE9, 0x0A]).write(to: invalid)
        let run = try NinesExecutable.run(["fmea", "import", invalid.path, "--worksheet", worksheet])
        #expect(run.status == 2)
        #expect(run.stderr.contains("latin1.csv:2:9: error: invalid UTF-8"), "stderr: \(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: worksheet)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func initScaffoldsALoadableWorksheet() throws {
        let folder = try FMEAFixtures.scratch()
        let output = folder.appendingPathComponent("shop.fmea.yaml").path
        let run = try NinesExecutable.run(["fmea", "init", folder.appendingPathComponent("shop.yaml").path, "-o", output])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rank = try NinesExecutable.run(["fmea", "rank", output, "--format", "csv"])
        #expect(rank.status == 0, "stderr: \(rank.stderr)")
        #expect(rank.stdout.split(separator: "\n").count > 10)
        let again = try NinesExecutable.run(["fmea", "init", folder.appendingPathComponent("shop.yaml").path, "-o", output])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; pass --force"))
    }

    @Test func reportReadsFailureModesInsideTheModel() throws {
        let folder = try FMEAFixtures.scratch()
        let model = folder.appendingPathComponent("shop.yaml")
        let text = try String(contentsOf: model, encoding: .utf8)
            + "failure_modes:\n  - {id: p-1, component: provider, failure_mode: outage, severity: 8, occurrence: 5, detection: 3}\n"
        try Data(text.utf8).write(to: model)
        let run = try NinesExecutable.run(["report", model.path, "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("\"priority\" : \"M\""))
        let rank = try NinesExecutable.run(["fmea", "rank", model.path, "--format", "csv"])
        #expect(rank.stdout.hasSuffix("\n1,M,120,8,5,3,p-1,provider,external,outage,open,,,,,,,,,,\n"), "\(rank.stdout)")
    }

    @Test func reportGainsRankedRisks() throws {
        let run = try NinesExecutable.run(["report", "models/retail-omnichannel.yaml", "--fmea", "models/retail-omnichannel.fmea.yaml",
                                           "--top-risks", "3"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("ranked risks (3 of 13 failure modes; downtime per month)"))
        #expect(run.stdout.contains("net-2 LTE backup fails when needed"))
    }
}

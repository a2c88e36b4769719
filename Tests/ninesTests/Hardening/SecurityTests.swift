import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// What a model or worksheet from an untrusted pull request can do when `nines` runs on it in CI
/// (docs/security.md), one test per finding of issue 13. The model-level ones (control characters,
/// line breaks in one-line fields, look-alike names, locations) are fixtures in `Fixtures/hostile`
/// and `Fixtures/invalid`; these run the built executable or the library on files made here.
@Suite struct SecurityTests {
    /// Runs `script` with `/bin/sh` in `folder`; `$NINES` is the built executable.
    static func shell(_ script: String, in folder: String) throws -> NinesExecutable.Run {
        let nines = try NinesExecutable.required().path
        return try NinesExecutable.launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: URL(fileURLWithPath: folder),
                                          environment: ["NINES": nines])
    }

    /// A scratch folder with the shop model (`shop.yaml`) and `files` written into it.
    static func folder(_ files: [String: String] = [:]) throws -> String {
        let folder = try FMEAFixtures.scratch().path
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let secret = "API_TOKEN=do-not-print-me\n"
    static let minimalModel = "version: 1\nsystem: s\ncomponents:\n  a: {availability: 120%}\n"

    // 1. A worksheet's `model:` cannot reach outside its folder, and a file that is not a model is
    //    never quoted.

    @Test(arguments: ["../.env", "/etc/passwd", "sub/../../.env", "link.yaml"])
    func worksheetModelPathStaysInsideItsFolder(reference: String) throws {
        let folder = try Self.folder([".env": Self.secret, "ws/w.fmea.yaml": "model: \(reference)\nfailure_modes: []\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/ws/link.yaml", withDestinationPath: "../.env")
        let run = try Self.shell("\"$NINES\" fmea rank ws/w.fmea.yaml", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'model:' must name a file inside the worksheet's folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("do-not-print-me") && !run.stderr.contains("root:"))
    }

    @Test func aFileThatIsNoModelIsNeverQuoted() throws {
        let folder = try Self.folder([".env": Self.secret, "ws/w.fmea.yaml": "model: env.yaml\nfailure_modes: []\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: folder + "/.env", toPath: folder + "/ws/env.yaml")
        for command in ["\"$NINES\" check .env", "\"$NINES\" fmea rank ws/w.fmea.yaml", "\"$NINES\" report shop.yaml --fmea .env"] {
            let run = try Self.shell(command, in: folder)
            #expect(run.status == 2)
            #expect(run.stderr.contains("does not start like a nines model or worksheet"), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("do-not-print-me"), "\(command): \(run.stderr)")
        }
    }

    // 2. Nothing from a file starts a line or drives the terminal in a text format.

    /// Worksheet prose may span lines, but the check message that quotes it is one line.
    @Test func checkTextCannotStartAnAnnotationLine() throws {
        let worksheet = "version: 1\nmodel: shop.yaml\nfailure_modes:\n  - id: x-1\n    component: db\n"
            + "    failure_mode: \"crash\\n::error ::pwned\\n::stop-commands::x\"\n    recommended_action: \"a\\n::error ::b\"\n"
            + "    severity: 10\n    occurrence: 10\n    detection: 10\n    status: open\n"
        let folder = try Self.folder(["w.fmea.yaml": worksheet])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for format in ["text", "markdown", "github"] {
            let run = try Self.shell("\"$NINES\" check shop.yaml --fmea w.fmea.yaml --format \(format)", in: folder)
            #expect(run.status == 1, "\(run.stderr)")
            let injected = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::stop-commands") || $0.hasPrefix("::error ::pwned") }
            #expect(injected.isEmpty, "\(format): \(run.stdout)")
        }
    }

    @Test func theSanitiserEscapesControlsButKeepsTheFormatsOwnLinesAndColours() {
        #expect(OutputSanitizer.escaped("a\nb\u{1B}[2J\u{7F}\u{9B}c\t") == "a\\nb\\u{1B}[2J\\u{7F}\\u{9B}c\\t")
        #expect(OutputSanitizer.output("title\u{1B}]0;x\u{7}\nPASS\tok\n") == "title\\u{1B}]0;x\\u{7}\nPASS\tok\n")
        #expect(OutputSanitizer.output("\u{1B}[31mFAIL\u{1B}[0m \u{1B}[2J", keepingColour: true) == "\u{1B}[31mFAIL\u{1B}[0m \\u{1B}[2J")
        #expect(OutputSanitizer.output("\u{1B}[31mFAIL\u{1B}[0m", keepingColour: false) == "\\u{1B}[31mFAIL\\u{1B}[0m")
        #expect(OutputSanitizer.output("plain ✓ text\n") == "plain ✓ text\n")
        // The Actions runner skips leading blanks before '::'.
        #expect(OutputSanitizer.output("ok\n  ::error ::x\na ::b\n") == "ok\n  \\u{3A}:error ::x\na ::b\n")
    }

    /// Prose that spans lines (a description) is reflowed in the report; a value at the start of a
    /// line (the description's first word, a quoted source line) cannot begin with '::'.
    @Test func reportTextAndDiagnosticsCannotStartACommandLine() throws {
        let model = "version: 1\nsystem: s\ndescription: \"::error ::first\\n::warning ::second\"\ncomponents:\n  a: {availability: 99%}\n"
        let folder = try Self.folder(["d.yaml": model, "w.csv": "id,component,failure_mode\n::error ::pwned,db,x\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Self.shell("\"$NINES\" report d.yaml", in: folder)
        let imported = try Self.shell("\"$NINES\" fmea import w.csv --worksheet w.fmea.yaml --model shop.yaml", in: folder)
        #expect(report.status == 0 && imported.status == 2)
        for line in (report.stdout + imported.stderr).split(separator: "\n") {
            #expect(!line.drop { $0 == " " }.hasPrefix("::"), "\(line)")
        }
    }

    /// A model built in code (no loader to refuse it) still cannot drive the terminal.
    @Test func aRendererBehindTheSanitiserPrintsNoEscape() throws {
        var model = try FMEAFixtures.shopModelValue()
        model.name = "shop\u{1B}[2J\u{1B}]0;owned\u{7}"
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        let text = SanitizedRenderer(TextReportRenderer()).render(report)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        #expect(text.contains("shop\\u{1B}[2J"))
    }

    // 3. Spreadsheet formula injection.

    @Test func csvCellsThatAreFormulasGetAQuoteAndComeBackExactly() throws {
        var loaded = try FMEAFixtures.loadShop()
        let texts = ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "'=kept", "'plain", "plain"]
        for (index, text) in texts.enumerated() {
            loaded.worksheet.failureModes[index % loaded.worksheet.failureModes.count].owner = text
            let csv = WorksheetCSV.export(loaded.worksheet)
            let cells = try CSVTable.parse(csv, file: "w.csv").get().records.dropFirst().flatMap { $0.map(\.text) }
            #expect(!cells.contains { $0.first.map { "=+-@\t".contains($0) } ?? false }, "\(text)")
            let model = try FMEAFixtures.shopModelValue()
            let back = try WorksheetCSV.read(csv, file: "w.csv", model: model, extraLayers: loaded.worksheet.extraLayers)
            #expect(back.map(\.owner) == loaded.worksheet.failureModes.map(\.owner))
        }
        #expect(CSVFormulaGuard.guarded("=1+1") == "'=1+1")
        #expect(CSVFormulaGuard.unguarded("'=1+1") == "=1+1")
        #expect(CSVFormulaGuard.unguarded("'hello") == "'hello")
    }

    @Test func rankedRisksAsCSVGetTheGuardToo() throws {
        let worksheet = "version: 1\nmodel: shop.yaml\nfailure_modes:\n  - id: x-1\n    component: db\n"
            + "    failure_mode: \"=HYPERLINK(\\\"http://evil\\\")\"\n    owner: \"@cmd\"\n"
        let folder = try Self.folder(["w.fmea.yaml": worksheet])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("\"$NINES\" fmea rank w.fmea.yaml --format csv", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",") && run.stdout.contains(",'@cmd,"), "\(run.stdout)")
    }

    // 4. `-o` and signals.

    @Test func aFileSizeLimitIsASentenceAndLeavesNoTemporaryFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("ulimit -f 1; \"$NINES\" report shop.yaml --format json -o out.json", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write 'out.json': the file is too large"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["shop.yaml"])
    }

    // 5. Inputs are read once: standard input, FIFOs and /dev/fd show the line of the error.

    @Test(arguments: ["\"$NINES\" check - < m.yaml", "mkfifo f && (cat m.yaml > f &) && \"$NINES\" check f",
                      "\"$NINES\" check /dev/fd/3 3< m.yaml"])
    func pipesAndFIFOsAreReadOnceAndQuoted(command: String) throws {
        let folder = try Self.folder(["m.yaml": Self.minimalModel])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("timeout 20 sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains(":4:21: error: 'availability' of component 'a'"), "\(run.stderr)")
        #expect(run.stderr.contains("      a: {availability: 120%}\n"), "\(run.stderr)")
    }

    // 6. Floods: a CSV header of 16,000 unknown columns prints a hundred errors and a count.

    @Test func aCSVFloodPrintsAHundredErrorsAndTheRestAsACount() throws {
        let header = (["id", "component", "failure_mode"] + (0..<16_000).map { "x\($0)" }).joined(separator: ",") + "\n"
        let folder = try Self.folder(["w.csv": header])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("\"$NINES\" fmea import w.csv --worksheet w.fmea.yaml --model shop.yaml", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.components(separatedBy: "error: row 1: unknown column").count - 1 == 100)
        #expect(run.stderr.contains("w.csv: and 15900 more errors not shown\n16000 errors\n"), "\(run.stderr.suffix(300))")
    }

    /// The CI formats of `check` cut a flood alike: 100 annotations for the file, then one note.
    @Test func checkCIFormatsCutAFloodToo() throws {
        let model = "version: 1\nsystem: s\ncomponents:\n" + (0..<500).map { "  c\($0): {availability: 120%}\n" }.joined()
        let folder = try Self.folder(["m.yaml": model])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("\"$NINES\" check m.yaml --format github", in: folder)
        #expect(run.status == 2)
        #expect(run.stdout.components(separatedBy: "::error file=").count - 1 == 100, "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("m.yaml: and 400 more errors not shown"), "\(run.stdout.suffix(300))")
    }

    // 7. `diff --base`: the old blob's size is checked before it is read; git is not taken from PATH.

    @Test func diffBaseChecksTheBlobSizeAndIgnoresPath() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let setup = "git init -q . && git -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m empty"
            + " && cp shop.yaml model.yaml && git add model.yaml && git -c user.name=t -c user.email=t@example.com commit -q -m small"
            + " && (cat shop.yaml; head -c 1500000 /dev/zero | tr '\\0' '#') > model.yaml"
            + " && git add model.yaml && git -c user.name=t -c user.email=t@example.com commit -q -m large && cp shop.yaml model.yaml"
        #expect(try Self.shell(setup, in: folder).status == 0)
        let large = try Self.shell("\"$NINES\" diff --base HEAD model.yaml --max-input-size 1", in: folder)
        #expect(large.status == 2)
        #expect(large.stderr.contains("'HEAD:model.yaml' is 1.4 MB, over the 1.0 MB input limit"), "\(large.stderr)")
        // With no PATH at all, git is still found at its system location.
        let noPath = try Self.shell("PATH= \"$NINES\" diff --base HEAD~1 model.yaml", in: folder)
        #expect(noPath.status == 0, "\(noPath.stderr)")
    }
}

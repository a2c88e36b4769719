import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The workshop's round trip through a spreadsheet where the comma is the decimal mark: a
/// scaffold exported, filled in (`;` between cells, `0,5/y` in them) and imported back keeps the
/// scaffold's empty fields and loses only the "TO FILL" notes of the scores now filled.
@Suite struct FMEASpreadsheetRoundTripTests {
    static let header = "id;component;failure_mode;rate;outage;effect_probability"

    /// A semicolon file reads its numbers with the decimal comma, unasked: 0,5/y is half an
    /// occurrence a year (0.5 / 8760 h), 1,5h an hour and a half, 0,5 one half.
    @Test func semicolonFileReadsDecimalCommas() throws {
        let model = try FMEAFixtures.shopModelValue()
        let text = Self.header + "\r\na;db;disk full;0,5/y;1,5h;0,5\r\nb;db;slow disk;2/y;30m;\r\n"
        let modes = try WorksheetCSV.read(text, file: "w.csv", model: model)
        #expect(modes[0].rate?.text == "0.5/y")
        #expect(abs(modes[0].rate!.value - 0.5 / 8760) < 1e-18)
        #expect(modes[0].outage?.text == "1.5h")
        #expect(modes[0].effectProbability?.value == 0.5)
        #expect(modes[1].rate?.text == "2/y")   // a number without a comma is as written
    }

    /// A comma file can hold decimal commas only in quoted cells: that is ambiguous, so it takes
    /// `decimalComma: true` (`--decimal-comma`); and `false` refuses them in a semicolon file.
    @Test func decimalCommaIsForcedOrRefusedWhenAsked() throws {
        let model = try FMEAFixtures.shopModelValue()
        let comma = "id,component,failure_mode,rate,outage\na,db,x,\"0,5/y\",\"1,5h\"\n"
        #expect(throws: DiagnosticError.self) { try WorksheetCSV.read(comma, file: "w.csv", model: model) }
        #expect(try WorksheetCSV.read(comma, file: "w.csv", model: model, decimalComma: true)[0].outage?.text == "1.5h")
        let semicolon = "id;component;failure_mode;rate;outage\na;db;x;0,5/y;1h\n"
        do {
            _ = try WorksheetCSV.read(semicolon, file: "w.csv", model: model, decimalComma: false)
            Issue.record("a decimal comma was accepted with decimalComma: false")
        } catch {
            #expect(error.diagnostics[0].description.contains("row 2, column 'rate'"))
        }
        // A bad value is refused quoting what the user wrote, not its reading with a point.
        do {
            _ = try WorksheetCSV.read("id;component;failure_mode;rate;outage\na;db;x;0,5/yy;1h\n", file: "w.csv", model: model)
            Issue.record("a bad rate was accepted")
        } catch {
            #expect(error.diagnostics[0].description.contains("found '0,5/yy'"), "\(error)")
        }
        // A point and a comma together are not guessed at (1,000.5 or 1.000,5): refused as written.
        #expect(throws: DiagnosticError.self) {
            try WorksheetCSV.read("id;component;failure_mode;outage;rate\na;db;x;1.000,5h;1/y\n", file: "w.csv", model: model)
        }
    }

    /// The scaffold's empty fields survive the import; a filled score loses its TO FILL note, an
    /// empty one keeps it, byte for byte.
    @Test func importKeepsScaffoldFieldsAndDropsFilledNotes() throws {
        let folder = try FMEAFixtures.scratch()
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        let scaffold = """
            version: 1
            model: shop.yaml
            failure_modes:
              - id: db-1
                component: db
                failure_mode: disk full
                cause:
                severity:   # TO FILL 1-10
                occurrence:   # TO FILL 1-10
                detection:   # TO FILL 1-10
                owner:

            """
        try scaffold.write(toFile: worksheet, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("filled.csv").path
        try "id;component;failure_mode;cause;severity;occurrence;detection;owner;rate;outage\r\ndb-1;db;disk full;;7;;;;0,5/y;1,5h\r\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try WorksheetImport.run(csvFile: csv, worksheetFile: worksheet, modelFile: nil)
        #expect(result.yaml == """
            # FMEA worksheet for Test shop; format: docs/fmea.md
            version: 1
            model: shop.yaml
            failure_modes:
              - id: db-1
                component: db
                failure_mode: disk full
                cause:
                severity: 7
                occurrence:   # TO FILL 1-10
                detection:   # TO FILL 1-10
                owner:
                rate: 0.5/y
                outage: 1.5h

            """)
    }

    /// `effect_probability` (β) weights criticality only: halving it halves the criticality and
    /// leaves the downtime alone, and every view that shows the downtime says so. Hand
    /// computation: r = λ·d = (1/8760 h⁻¹)·2 h, q = r / (1 + r); over the 720 h month the
    /// component is down q·720 h = 0.16435 h, and criticality β·λ·T = 0.5 · 720 / 8760 = 0.041096.
    @Test func effectProbabilityWeightsCriticalityOnly() throws {
        let model = try FMEAFixtures.shopModelValue()
        var mode = FailureMode(id: "db-1", component: "db", layer: "storage", mode: "disk full")
        mode.rate = Stated(text: "1/y", value: 1.0 / 8760)
        mode.outage = .duration(Stated(text: "2h", value: 2))
        let analysis = AvailabilityAnalysis(model)
        let whole = FailureModeImpact.compute(FMEAWorksheet(failureModes: [mode]), analysis: analysis)["db-1"]!
        mode.effectProbability = Stated(text: "50%", value: 0.5)
        let worksheet = FMEAWorksheet(failureModes: [mode])
        let half = FailureModeImpact.compute(worksheet, analysis: analysis)["db-1"]!
        let r = 2.0 / 8760
        #expect(abs(half.componentDowntimeHours - r / (1 + r) * 720) < 1e-12)
        #expect(abs(half.componentDowntimeHours - 0.16435) < 1e-5)
        #expect(half.visibleDowntimeHours == whole.visibleDowntimeHours)
        #expect(abs(half.criticality - 0.5 * 720 / 8760) < 1e-12)
        #expect(abs(whole.criticality - 720.0 / 8760) < 1e-12)
        let report = RiskReportBuilder.report(worksheet, analysis: analysis)
        #expect(RiskTextRenderer().render(report).contains("  \(RiskReport.effectProbabilityNote):\n    db-1 50.0%\n"))
        #expect(RiskMarkdownRenderer().render(report).contains("\(RiskReport.effectProbabilityNote): `db-1` 50.0%."))
    }
}

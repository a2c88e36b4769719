import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// What a workshop's spreadsheet does to a CSV (semicolons or tabs instead of commas, rows of
/// empty cells below the data, line breaks inside cells), and what `fmea import` keeps of the
/// worksheet it replaces (its comments; its layers left implicit where they were).
@Suite struct WorksheetImportTests {
    static let header = ["id", "component", "failure_mode", "notes"]

    /// Semicolon (the spreadsheet default where the comma is the decimal mark) and tab files are
    /// told apart from the header; a comma inside a field stays text.
    @Test(arguments: [";", "\t", ","])
    func delimiterIsDetected(delimiter: String) throws {
        let model = try FMEAFixtures.shopModelValue()
        let rows = [Self.header, ["a", "db", "disk full", "\"1,5 GB left\""], ["b", "front", "crash", ""]]
        let text = rows.map { $0.joined(separator: delimiter) }.joined(separator: "\n") + "\n"
        let modes = try WorksheetCSV.read(text, file: "w.csv", model: model)
        #expect(modes.map(\.id) == ["a", "b"])
        #expect(modes[0].notes == "1,5 GB left")
        #expect(CSVTable.detectDelimiter(text) == Unicode.Scalar(delimiter)!)
    }

    @Test func givenDelimiterOverridesDetection() throws {
        let model = try FMEAFixtures.shopModelValue()
        // A one-column-looking header: detection says comma, the team says semicolon.
        let text = "id;component;failure_mode\na;db;\"x, y\"\n"
        #expect(try WorksheetCSV.read(text, file: "w.csv", model: model, delimiter: ";").map(\.mode) == ["x, y"])
        do {
            _ = try WorksheetCSV.read("id;component;failure_mode\na;db\n", file: "w.csv", model: model)
            Issue.record("a ragged row was accepted")
        } catch {
            #expect(error.diagnostics[0].description.contains("check for an unquoted semicolon or a missing cell"))
        }
    }

    /// Blank lines and rows of empty (or blank) cells are skipped wherever they are.
    @Test func rowsOfEmptyCellsAreSkipped() throws {
        let model = try FMEAFixtures.shopModelValue()
        let text = "id;component;failure_mode;notes\n;;;\na;db;x;\n\n  ; ;;\t\n;;;\n"
        #expect(try WorksheetCSV.read(text, file: "w.csv", model: model).map(\.id) == ["a"])
        #expect(try WorksheetCSV.read("id,component,failure_mode\na,db,x\n,,\n", file: "w.csv", model: model).map(\.id) == ["a"])
    }

    /// The worksheet's comments survive an import, each where it was; a layer the worksheet left
    /// out stays out, one it stated stays in; rows the CSV drops take their comments along.
    @Test func importKeepsCommentsAndImplicitLayers() throws {
        let folder = try FMEAFixtures.scratch()
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        let original = """
            # Workshop of 3 March
            # (second line)

            version: 1   # the format
            # which model
            model: shop.yaml
            failure_modes:
              # the database first
              - id: db-1
                component: db   # the primary
                failure_mode: primary crashes
                # agreed after the drill
                severity: 8
                notes: |
                  # inside a block: text
                  more
              - id: front-1
                component: front
                layer: application
                failure_mode: "crash # on bad input"  # quoted hash
              - id: gone-1
                component: db   # dropped by the CSV
                failure_mode: x
            # end of the worksheet

            """
        try original.write(toFile: worksheet, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("rows.csv").path
        try """
            id;component;layer;failure_mode;severity;notes
            db-1;db;storage;primary crashes;7;"# inside a block: text
            more
            "
            front-1;front;application;crash # on bad input;;
            new-1;provider;external;outage;;
            ;;;;;

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try WorksheetImport.run(csvFile: csv, worksheetFile: worksheet, modelFile: nil)
        #expect(result.failureModes == 3)
        #expect(result.yaml == """
            # Workshop of 3 March
            # (second line)

            version: 1  # the format
            # which model
            model: shop.yaml
            failure_modes:
              # the database first
              - id: db-1
                component: db  # the primary
                failure_mode: primary crashes
                # agreed after the drill
                severity: 7
                notes: "# inside a block: text\\nmore\\n"
              - id: front-1
                component: front
                layer: application
                failure_mode: "crash # on bad input"  # quoted hash
              - id: new-1
                component: provider
                failure_mode: outage

            # end of the worksheet

            """)
    }

    /// A multi-line cell is one line in the text ranking, so the table keeps its columns.
    @Test func multiLineCellsAreOneLineInText() throws {
        let model = try FMEAFixtures.shopModelValue()
        var mode = FailureMode(id: "a", component: "db", layer: "storage", mode: "two\nlines\r\n  and a third")
        mode.owner = "team\nA"
        let worksheet = FMEAWorksheet(failureModes: [mode])
        let text = RiskTextRenderer().render(RiskReportBuilder.report(worksheet, analysis: AvailabilityAnalysis(model)))
        #expect(text.contains("  a  two lines and a third\n"))
        #expect(text.contains(" db · storage · open · team A\n"))
    }
}

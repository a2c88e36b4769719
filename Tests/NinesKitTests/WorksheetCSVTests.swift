import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

@Suite struct WorksheetCSVTests {
    /// export → import → export is byte-identical, and the rows are equal, on a worksheet that
    /// exercises every field (commas, quotes, line breaks, leading spaces, UTF-8, partial scores).
    @Test func exportImportExportIsIdentical() throws {
        let loaded = try FMEAFixtures.loadShop()
        let used = Set(FailureModeField.allCases.filter { field in loaded.worksheet.failureModes.contains { field.text(of: $0) != nil } })
        #expect(used == Set(FailureModeField.allCases), "the fixture must exercise every field")
        let first = WorksheetCSV.export(loaded.worksheet)
        let modes = try WorksheetCSV.read(first, file: "w.csv", model: loaded.model, extraLayers: loaded.worksheet.extraLayers)
        var again = loaded.worksheet
        again.failureModes = modes
        let second = WorksheetCSV.export(again)
        #expect(first == second)
        #expect(zip(modes, loaded.worksheet.failureModes).allSatisfy { a, b in
            FailureModeField.allCases.allSatisfy { $0.text(of: a) == $0.text(of: b) }
        })
    }

    /// The YAML written on import reads back to the same rows (and the same CSV).
    @Test func yamlWriterRoundTrip() throws {
        let loaded = try FMEAFixtures.loadShop()
        let yaml = WorksheetYAMLWriter.write(loaded.worksheet, system: loaded.model.name, modelReference: "shop.yaml")
        let reread = try FMEAFixtures.loadWorksheet(yaml)
        #expect(WorksheetCSV.export(reread.worksheet) == WorksheetCSV.export(loaded.worksheet))
        #expect(reread.worksheet.extraLayers == ["vendor-process"])
    }

    @Test func scaffoldReadsBackWithEmptyScores() throws {
        let model = try FMEAFixtures.shopModelValue()
        let scaffold = WorksheetScaffold.build(for: model).worksheet
        let yaml = WorksheetYAMLWriter.write(scaffold, system: model.name, modelReference: "shop.yaml", scaffold: true, model: model)
        #expect(yaml.contains("severity:   # TO FILL 1-10"))
        let reread = try FMEAFixtures.loadWorksheet(yaml)
        #expect(reread.worksheet.failureModes.count == scaffold.failureModes.count)
        #expect(reread.worksheet.failureModes.allSatisfy { $0.scores == nil })
        let db = reread.worksheet.failureModes.filter { $0.component == "db" }.map(\.mode)
        #expect(db == Array(FailureModeCatalogue.prompts(for: .database).prefix(4)))   // kind: database, standard set
        // the front door also gets the process/people prompts
        #expect(reread.worksheet.failureModes.contains { $0.component == "front" && $0.layer == "process" })
    }

    @Test(arguments: ["plain", "two words", "", "null", "~", "- dash", "a: b", "a #b", "#x", "'q'", "\"dq\"", "tab\there",
                      "line\nbreak", " lead", "trail ", "ünïcødé ✓ 🚀", "\u{2028}sep", "back\\slash", "yes", "0017", "[x]", "x:"])
    func yamlScalarsReadBack(text: String) throws {
        let yaml = "notes: " + WorksheetYAMLWriter.scalar(text) + "\n"   // a prose field: line breaks allowed
        guard case .success(.mapping(let pairs, _)) = YAMLParser.parse(yaml, file: "t.yaml"), case .scalar(let scalar) = pairs[0].value else {
            Issue.record("did not parse: \(yaml)")
            return
        }
        #expect(scalar.text == text)
        #expect(text.isEmpty || !scalar.isNull)
    }

    @Test func csvParserHandlesQuotesAndLineEndings() throws {
        let table = try CSVTable.parse("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\n", file: "t.csv").get()
        #expect(table.records.map { $0.map(\.text) } == [["a", "b,c", "d\"e"], ["multi\nline", "", "x"]])
        #expect(table.records[1][2].location == ModelLocation(file: "t.csv", line: 3, column: 8))
    }

    @Test(arguments: [
        ("a,b\"c\n", "t.csv:1:4: error: a quote inside an unquoted field"),
        ("\"a\"b\n", "t.csv:1:4: error: unexpected text after a closing quote"),
        ("a,\"open\n", "t.csv:1:3: error: a quoted field is never closed"),
    ])
    func malformedCSV(text: String, expected: String) {
        guard case .failure(let error) = CSVTable.parse(text, file: "t.csv") else {
            Issue.record("parsed")
            return
        }
        #expect(error.description.hasPrefix(expected), "\(error)")
    }

    static let header = "id,component,failure_mode,severity,occurrence,detection\n"

    func errors(_ csv: String) throws -> [String] {
        let model = try FMEAFixtures.shopModelValue()
        do {
            _ = try WorksheetCSV.read(csv, file: "w.csv", model: model)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: [
        (header + "a,db,x,11,1,1\n", "w.csv:2:8: error: row 2, column 'severity' must be a whole number from 1 to 10, found '11'"),
        (header + "a,db,x,1,one,1\n", "w.csv:2:10: error: row 2, column 'occurrence' must be a whole number from 1 to 10, found 'one'"),
        (header + "a,db,x,1,1,0\n", "row 2, column 'detection' must be a whole number from 1 to 10, found '0'"),
        (header + "a,db,x,1,1,2.0\n", "found '2.0'"),
        (header + "a,dbx,x,1,1,1\n", "w.csv:2:3: error: row 2, column 'component' names unknown component 'dbx'; did you mean 'db'?"),
        (header + "a,db,x,1,1,1\na,db,y,1,1,1\n", "w.csv:3:1: error: row 3, column 'id' repeats id 'a'"),
        (header + "a,db,x,1,1\n", "w.csv:2:10: error: row 2 has 5 fields but the header has 6 columns"),
        (header + ",db,x,1,1,1\n", "row 2, column 'id' is missing"),
        ("id,component,failure_mode,severty\n", "w.csv:1:27: error: row 1: unknown column 'severty'; did you mean 'severity'?"),
        ("id,component,severity\n", "row 1: the header has no column 'failure_mode'"),
        ("id,component,failure_mode,id\n", "row 1: column 'id' appears twice"),
        ("", "the CSV file is empty"),
    ])
    func badCSVIsLocatedByRowAndColumn(csv: String, expected: String) throws {
        let errors = try errors(csv)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains(expected) == true, "\(errors)")
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("id,component,failure_mode\na,db,caf".utf8)
        bytes.append(0xE9)   // Latin-1 é
        bytes.append(contentsOf: Array("\n".utf8))
        guard case .failure(let error) = SourceFile.decode(Data(bytes), file: "w.csv") else {
            Issue.record("decoded")
            return
        }
        #expect(error.description == "w.csv:2:9: error: invalid UTF-8 at byte offset 34; save the file as UTF-8")
    }

    /// What a spreadsheet saves as "CSV UTF-8": a byte-order mark and CRLF line ends.
    @Test func spreadsheetBOMAndCRLF() throws {
        let model = try FMEAFixtures.shopModelValue()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,component,failure_mode,notes\r\na,db,x,\"two\r\nlines\"\r\n".utf8)
        let text = try SourceFile.decode(Data(bytes), file: "w.csv").get()
        let modes = try WorksheetCSV.read(text, file: "w.csv", model: model)
        #expect(modes.map(\.id) == ["a"])
        #expect(modes[0].notes == "two\nlines")   // a cell's CRLF becomes the worksheet's LF (no CR in values)
    }

    @Test func columnsInAnyOrderAndBlankLines() throws {
        let model = try FMEAFixtures.shopModelValue()
        let modes = try WorksheetCSV.read("failure_mode,id,component\nx,a,db\n\ny,b,front\n", file: "w.csv", model: model)
        #expect(modes.map(\.id) == ["a", "b"])
        #expect(modes.map(\.layer) == ["storage", "application"])
    }
}

/// The CSV layer on arbitrary text: never a crash, and whatever parses is written back to the same records.
@Suite struct CSVPropertyTests {
    @Test func randomTextParsesOrFailsAndRoundTrips() {
        var random = SplitMix64(seed: 42)
        let alphabet: [Character] = ["a", "é", ",", "\"", "\n", "\r", " ", "🚀"]
        var parsed = 0
        for _ in 0..<2000 {
            let length = Int(random.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            guard case .success(let table) = CSVTable.parse(text, file: "r.csv") else { continue }
            parsed += 1
            let written = table.records.map { CSVTable.line($0.map(\.text)) }.joined()
            guard case .success(let again) = CSVTable.parse(written, file: "r.csv") else {
                Issue.record("written form of \(text.debugDescription) does not parse: \(written.debugDescription)")
                continue
            }
            #expect(again.records.map { $0.map(\.text) } == table.records.map { $0.map(\.text) }, "\(text.debugDescription)")
        }
        #expect(parsed > 100)
    }
}

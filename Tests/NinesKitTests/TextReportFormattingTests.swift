@testable import NinesKit
import Testing
import NinesTestSupport

@Suite("Text report formatting")
struct TextReportFormattingTests {
    @Test("targets print as written, without padding zeros", arguments: [
        ("99.95%", "99.95%"), ("99.999%", "99.999%"), ("99.5%", "99.5%"), ("0.9", "90%"), ("100%", "100%"),
        ("99.99999%", "99.99999%"),
    ])
    func target(written: String, printed: String) throws {
        let target = try QuantityParser.availability(written).get()
        #expect(Format.target(target) == printed)
    }

    @Test("wrap breaks at spaces within the width and keeps long words whole")
    func wrap() {
        #expect(Format.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(Format.wrap("averyveryverylongword x", width: 5) == ["averyveryverylongword", "x"])
        #expect(Format.wrap("  ", width: 10) == [])
    }

    @Test("long name lists stop after the limit and say how many more")
    func nameLists() {
        #expect(Format.names(["a", "b"], limit: 2) == "a, b")
        #expect(Format.names(["a", "b", "c", "d", "e"], limit: 2) == "a, b and 3 more (see --format json)")
        #expect(Format.names([]) == "")
    }

    @Test("every bundled model's text report fits in 80 columns", arguments: GoldenFiles.models)
    func fitsInEightyColumns(model: String) throws {
        let path = "models/\(model).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(try ModelLoader.load(text: text, file: path)))
        for line in TextReportRenderer().render(report).split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }
}

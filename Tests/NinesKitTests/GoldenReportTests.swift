import Foundation
@testable import NinesKit
import Testing
import NinesTestSupport

/// `nines report` on every bundled model, text and JSON, compared with recorded output.
///
/// A missing golden file is written and the test fails ("recorded, re-run"); run with
/// `NINES_RECORD=1` to re-record every golden file after an intended change, then review the diff.
@Suite("Golden reports of the bundled models")
struct GoldenReportTests {
    @Test("report matches the golden file", arguments: GoldenFiles.models, ["text", "json"])
    func report(model: String, format: String) throws {
        let path = "models/\(model).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let system = try ModelLoader.load(text: text, file: path)
        let analysis = AvailabilityAnalysis(system)
        var report = ReportBuilder.availabilityReport(analysis)
        // As `nines report` does by default.
        let prediction = SLAPrediction(system, full: analysis)
        ReportBuilder.addCutSets(MinimalCutSets(prediction, maxOrder: ReportBuilder.reportCutSetOrder), to: &report)
        let savings = PatternSavings(prediction) { try? ModelLoader.load(documents: [(path, text)], removing: $0) }
        ReportBuilder.addPatternSavings(savings, model: system, to: &report)
        let output = format == "json" ? JSONReportRenderer.render(report) : TextReportRenderer().render(report)
        GoldenFiles.compare(output, with: "\(model).\(format)")
    }
}

import Testing
@testable import nines
@testable import NinesKit

/// Every command's `--format` names a library format, and `ReportRenderers` has a renderer for
/// each (a format the factory lacks stops the process, so this test would not get to pass).
@Suite struct OutputFormatTests {
    @Test func everyCommandFormatHasARenderer() {
        // Asking is the test: each call reaches the factory's switch for that format.
        let asked = [ReportFormat.allCases.map { _ = $0.renderer(colour: false, topContributors: 5); return $0.rawValue },
                     CheckFormat.allCases.map { _ = $0.renderer(colour: false); return $0.rawValue },
                     SimulationFormat.allCases.map { _ = $0.renderer(colour: false); return $0.rawValue },
                     RiskFormat.allCases.map { _ = $0.renderer(colour: false); return $0.rawValue },
                     DiffFormat.allCases.map { _ = $0.renderer(); return $0.rawValue },
                     AdviceFormat.allCases.map { _ = $0.renderer(top: 3); return $0.rawValue },
                     SensitivityFormat.allCases.map { _ = $0.renderer(top: 3); return $0.rawValue },
                     CutSetFormat.allCases.map { _ = $0.renderer; return $0.rawValue },
                     ScenarioFormat.allCases.map { _ = $0.renderer(); return $0.rawValue }]
        #expect(asked.map(\.count) == [4, 6, 3, 4, 3, 3, 3, 3, 3])
    }

    /// A report in each of `nines report`'s formats, from the factory.
    @Test func reportFormatsRender() throws {
        let model = try ModelLoader.load(text: Self.model, file: "s.yaml")
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        let outputs = ReportFormat.allCases.map { $0.renderer(colour: false, topContributors: 5).render(report) }
        #expect(outputs[0].hasPrefix("s\n") && outputs[0].contains("web"), "\(outputs[0])")
        #expect(outputs[1].hasPrefix("{\n") && outputs[1].contains("\"name\" : \"web\""), "\(outputs[1])")
        #expect(outputs[2].hasPrefix("<!DOCTYPE html>"), "\(outputs[2].prefix(80))")
    }

    static let model = "version: 1\nsystem: s\ncomponents:\n  web: {availability: 99.9%}\n"

    /// The CI formats show input errors in their own form; text and JSON leave them to stderr.
    @Test func inputErrorsOnlyInTheCIFormats() {
        let withRenderer = CheckFormat.allCases.filter { $0.inputErrorRenderer != nil }.map(\.rawValue)
        #expect(withRenderer == ["junit", "github", "markdown", "sarif"])
    }

    @Test func diagramFormatsDraw() throws {
        let model = try ModelLoader.load(text: Self.model, file: "s.yaml")
        let diagram = StackDiagramBuilder.diagram(model, report: ReportBuilder.availabilityReport(AvailabilityAnalysis(model)))
        let starts = DiagramFormat.allCases.map { String($0.render(diagram).prefix(12)) }
        #expect(starts == ["<?xml versio", "digraph \"sta", "flowchart TB"])
    }
}

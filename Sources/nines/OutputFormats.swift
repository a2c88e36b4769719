import ArgumentParser
import Foundation
import NinesKit

// Every command's `--format`: the formats its report has, by the library's names. A command
// builds its report, asks its format for a renderer once, and prints what it renders; the
// renderers themselves are reached through `ReportRenderers`, the library's one factory.

/// A command's `--format` enum: each case is named as an `OutputFormat` (ninesTests checks every
/// case of every command against the factory).
protocol CommandFormat: RawRepresentable<String>, CaseIterable {}

extension CommandFormat {
    /// The library's format of the same name.
    var output: OutputFormat {
        guard let format = OutputFormat(rawValue: rawValue) else { preconditionFailure("no output format '\(rawValue)'") }
        return format
    }
}

/// `nines report --format`.
enum ReportFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, html, markdown

    func renderer(colour: Bool, topContributors: Int) -> any ReportRenderer<AvailabilityReport> {
        ReportRenderers.availability(output, colour: colour, topContributors: topContributors,
                                     workingFolder: FileManager.default.currentDirectoryPath)
    }

    /// Formats that draw: the report carries its charts and stack diagram (`ReportPictureBuilder`).
    var drawsPictures: Bool { self == .html }
}

/// `nines diagram --format`: the SVG is laid out by `StackDiagramLayout`, DOT and Mermaid by their tools.
enum DiagramFormat: String, ExpressibleByArgument, CommandFormat {
    case svg, dot, mermaid

    func render(_ diagram: StackDiagram) -> String { ReportRenderers.diagram(output, diagram) }
}

/// `nines check --format`.
enum CheckFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, junit, github, markdown, sarif

    func renderer(colour: Bool) -> any ReportRenderer<CheckReport> { ReportRenderers.check(output, colour: colour) }

    /// How the CI formats show input that stopped the check (stderr has it too); text and JSON
    /// readers get it on stderr alone.
    var inputErrorRenderer: (any ReportRenderer<InputErrorReport>)? { ReportRenderers.inputErrors(output) }
}

/// `nines simulate --format`.
enum SimulationFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, csv

    func renderer(colour: Bool) -> any ReportRenderer<SimulationReport> { ReportRenderers.simulation(output, colour: colour) }
}

/// `nines fmea rank --format`.
enum RiskFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, markdown, csv

    func renderer(colour: Bool) -> any ReportRenderer<RiskReport> { ReportRenderers.risk(output, colour: colour) }
}

/// `nines diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, markdown

    func renderer() -> any ReportRenderer<DiffReport> { ReportRenderers.diff(output) }
}

/// `nines advise --format`.
enum AdviceFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, markdown

    func renderer(top: Int) -> any ReportRenderer<AdviceReport> { ReportRenderers.advice(output, top: top) }
}

/// `nines sensitivity --format`.
enum SensitivityFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, csv

    func renderer(top: Int) -> any ReportRenderer<SensitivityReport> { ReportRenderers.sensitivity(output, top: top) }
}

/// `nines cuts --format`.
enum CutSetFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, csv

    var renderer: any ReportRenderer<CutSetReport> { ReportRenderers.cutSets(output) }
}

/// `nines incidents --format`.
enum IncidentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    var renderer: any ReportRenderer<IncidentReport> {
        switch self {
        case .text: SanitizedRenderer(IncidentTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(IncidentMarkdownRenderer())
        }
    }
}

/// `nines observe --format`.
enum ObserveFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    func renderer() -> any ReportRenderer<ObserveReport> {
        switch self {
        case .text: SanitizedRenderer(ObserveTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(ObserveTextRenderer(markdown: true))
        }
    }
}

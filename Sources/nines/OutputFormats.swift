import ArgumentParser
import Foundation
import NinesKit

// Every command's `--format`, and the one place a format name becomes a renderer. Commands build
// their report, ask their format for its renderer once, and print what it renders. Text and Markdown
// pass through `SanitizedRenderer`: no control character from a value reaches a terminal or CI log.

/// `nines report --format`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, markdown

    func renderer(colour: Bool, topContributors: Int) -> any ReportRenderer<AvailabilityReport> {
        switch self {
        case .text: SanitizedRenderer(TextReportRenderer(colour: colour, topContributors: topContributors), keepingColour: colour)
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(ReportMarkdownRenderer())
        case .html: HTMLReportRenderer(workingFolder: FileManager.default.currentDirectoryPath)
        }
    }

    /// Formats that draw: the report carries its charts and stack diagram (`ReportPictureBuilder`).
    var drawsPictures: Bool { self == .html }
}

/// `nines diagram --format`: the SVG is laid out by `StackDiagramLayout`, DOT and Mermaid by their tools.
enum DiagramFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, dot, mermaid

    func render(_ diagram: StackDiagram) -> String {
        switch self {
        case .svg: StackDiagramSVGRenderer().render(StackDiagramLayout(diagram))
        case .dot: StackDiagramDOTRenderer().render(diagram)
        case .mermaid: StackDiagramMermaidRenderer().render(diagram)
        }
    }
}

/// `nines check --format`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github, markdown, sarif

    func renderer(colour: Bool) -> any ReportRenderer<CheckReport> {
        switch self {
        case .text: SanitizedRenderer(CheckTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .junit: CheckJUnitRenderer()
        case .github: CheckGitHubRenderer()
        case .markdown: SanitizedRenderer(CheckMarkdownRenderer())
        case .sarif: CheckSARIFRenderer()
        }
    }

    /// How the CI formats show input that stopped the check (stderr has it too); text and JSON
    /// readers get it on stderr alone.
    var inputErrorRenderer: (any ReportRenderer<InputErrorReport>)? {
        switch self {
        case .text, .json: nil
        case .junit: InputErrorJUnitRenderer()
        case .github: InputErrorGitHubRenderer()
        case .markdown: SanitizedRenderer(InputErrorMarkdownRenderer())
        case .sarif: InputErrorSARIFRenderer()
        }
    }
}

/// `nines simulate --format`.
enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    func renderer(colour: Bool) -> any ReportRenderer<SimulationReport> {
        switch self {
        case .text: SanitizedRenderer(SimulationTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .csv: SimulationCSVRenderer()
        }
    }
}

/// `nines fmea rank --format`.
enum RiskFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, csv

    func renderer(colour: Bool) -> any ReportRenderer<RiskReport> {
        switch self {
        case .text: SanitizedRenderer(RiskTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(RiskMarkdownRenderer())
        case .csv: RiskCSVRenderer()
        }
    }
}

/// `nines diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    func renderer() -> any ReportRenderer<DiffReport> {
        switch self {
        case .text: SanitizedRenderer(DiffTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(DiffTextRenderer(markdown: true))
        }
    }
}

/// `nines advise --format`.
enum AdviceFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    func renderer(top: Int) -> any ReportRenderer<AdviceReport> {
        switch self {
        case .text: SanitizedRenderer(AdviceTextRenderer(top: top))
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(AdviceTextRenderer(markdown: true, top: top))
        }
    }
}

/// `nines sensitivity --format`.
enum SensitivityFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    func renderer(top: Int) -> any ReportRenderer<SensitivityReport> {
        switch self {
        case .text: SanitizedRenderer(SensitivityTextRenderer(top: top))
        case .json: JSONRenderer()
        case .csv: SensitivityCSVRenderer()
        }
    }
}

/// `nines cuts --format`.
enum CutSetFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    var renderer: any ReportRenderer<CutSetReport> {
        switch self {
        case .text: SanitizedRenderer(CutSetTextRenderer())
        case .json: JSONRenderer()
        case .csv: CutSetCSVRenderer()
        }
    }
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

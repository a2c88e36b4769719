import ArgumentParser
import NinesKit

// Every command's `--format`, and the one place a format name becomes a renderer. Commands build
// their report, ask their format for its renderer once, and print what it renders. Text and Markdown
// pass through `SanitizedRenderer`: no control character from a value reaches a terminal or CI log.

/// `nines report --format`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    func renderer(colour: Bool, topContributors: Int) -> any ReportRenderer<AvailabilityReport> {
        switch self {
        case .text: SanitizedRenderer(TextReportRenderer(colour: colour, topContributors: topContributors), keepingColour: colour)
        case .json: JSONRenderer()
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

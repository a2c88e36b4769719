import Foundation

/// The one place a report and an output format become a renderer (SwiftLint's reporter factory).
/// The concrete renderers are internal: a caller names a format, never a renderer type. Text and
/// Markdown come wrapped in `SanitizedRenderer`, so no control character from a value reaches a
/// terminal or CI log. A format a report does not have is a programming error: each command's
/// `--format` lists only its report's formats (ninesTests checks every one against this factory).
public enum ReportRenderers {
    /// `nines report`: text, json, html, markdown. `workingFolder` shortens the file paths the HTML shows.
    public static func availability(_ format: OutputFormat, colour: Bool = false, topContributors: Int = 5,
                                    workingFolder: String? = nil) -> any ReportRenderer<AvailabilityReport> {
        switch format {
        case .text: SanitizedRenderer(TextReportRenderer(colour: colour, topContributors: topContributors), keepingColour: colour)
        case .json: JSONRenderer()
        case .html: HTMLReportRenderer(workingFolder: workingFolder)
        case .markdown: SanitizedRenderer(ReportMarkdownRenderer())
        default: unsupported(format, "an availability report")
        }
    }

    /// `nines simulate`: text, json, csv.
    public static func simulation(_ format: OutputFormat, colour: Bool = false) -> any ReportRenderer<SimulationReport> {
        switch format {
        case .text: SanitizedRenderer(SimulationTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .csv: SimulationCSVRenderer()
        default: unsupported(format, "a simulation report")
        }
    }

    /// `nines check`: text, json, junit, github, markdown, sarif.
    package static func check(_ format: OutputFormat, colour: Bool = false) -> any ReportRenderer<CheckReport> {
        switch format {
        case .text: SanitizedRenderer(CheckTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .junit: CheckJUnitRenderer()
        case .github: CheckGitHubRenderer()
        case .markdown: SanitizedRenderer(CheckMarkdownRenderer())
        case .sarif: CheckSARIFRenderer()
        default: unsupported(format, "a check report")
        }
    }

    /// Input that stopped a check, in the CI formats (junit, github, markdown, sarif); nil for the
    /// others, whose readers get the errors on stderr alone.
    package static func inputErrors(_ format: OutputFormat) -> (any ReportRenderer<InputErrorReport>)? {
        switch format {
        case .junit: InputErrorJUnitRenderer()
        case .github: InputErrorGitHubRenderer()
        case .markdown: SanitizedRenderer(InputErrorMarkdownRenderer())
        case .sarif: InputErrorSARIFRenderer()
        default: nil
        }
    }

    /// `nines fmea rank`: text, json, markdown, csv.
    package static func risk(_ format: OutputFormat, colour: Bool = false) -> any ReportRenderer<RiskReport> {
        switch format {
        case .text: SanitizedRenderer(RiskTextRenderer(colour: colour), keepingColour: colour)
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(RiskMarkdownRenderer())
        case .csv: RiskCSVRenderer()
        default: unsupported(format, "a risk report")
        }
    }

    /// `nines diff`: text, json, markdown.
    package static func diff(_ format: OutputFormat) -> any ReportRenderer<DiffReport> {
        switch format {
        case .text: SanitizedRenderer(DiffTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(DiffTextRenderer(markdown: true))
        default: unsupported(format, "a diff report")
        }
    }

    /// The lines `nines diff` prints on stderr for what newly fails, sanitised.
    package static func diffFailureLines(_ report: DiffReport) -> [String] {
        DiffTextRenderer.failureLines(report).map { OutputSanitizer.output($0) }
    }

    /// `nines advise`: text, json, markdown.
    package static func advice(_ format: OutputFormat, top: Int) -> any ReportRenderer<AdviceReport> {
        switch format {
        case .text: SanitizedRenderer(AdviceTextRenderer(top: top))
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(AdviceTextRenderer(markdown: true, top: top))
        default: unsupported(format, "an advice report")
        }
    }

    /// `nines sensitivity`: text, json, csv.
    package static func sensitivity(_ format: OutputFormat, top: Int) -> any ReportRenderer<SensitivityReport> {
        switch format {
        case .text: SanitizedRenderer(SensitivityTextRenderer(top: top))
        case .json: JSONRenderer()
        case .csv: SensitivityCSVRenderer()
        default: unsupported(format, "a sensitivity report")
        }
    }

    /// `nines cuts`: text, json, csv.
    package static func cutSets(_ format: OutputFormat) -> any ReportRenderer<CutSetReport> {
        switch format {
        case .text: SanitizedRenderer(CutSetTextRenderer())
        case .json: JSONRenderer()
        case .csv: CutSetCSVRenderer()
        default: unsupported(format, "a cut set report")
        }
    }

    /// `nines scenario`: text, json, markdown.
    package static func scenario(_ format: OutputFormat) -> any ReportRenderer<ScenarioReport> {
        switch format {
        case .text: SanitizedRenderer(ScenarioTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(ScenarioMarkdownRenderer())
        default: unsupported(format, "a scenario report")
        }
    }

    /// `nines scenario --observed`: text, json, markdown.
    package static func observedScenario(_ format: OutputFormat) -> any ReportRenderer<ObservedScenarioReport> {
        switch format {
        case .text: SanitizedRenderer(ObservedScenarioTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(ObservedScenarioMarkdownRenderer())
        default: unsupported(format, "an observed scenario report")
        }
    }

    /// `nines diagram`: svg (laid out by `StackDiagramLayout`), dot and mermaid (laid out by their tools).
    package static func diagram(_ format: OutputFormat, _ diagram: StackDiagram) -> String {
        switch format {
        case .svg: StackDiagramSVGRenderer().render(StackDiagramLayout(diagram))
        case .dot: StackDiagramDOTRenderer().render(diagram)
        case .mermaid: StackDiagramMermaidRenderer().render(diagram)
        default: unsupported(format, "a stack diagram")
        }
    }

    private static func unsupported(_ format: OutputFormat, _ report: String) -> Never {
        preconditionFailure("no \(format.rawValue) format for \(report)")
    }
}

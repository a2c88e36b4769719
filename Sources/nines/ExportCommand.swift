import ArgumentParser
import NinesKit

/// `nines export`: a model written in another tool's format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a model in another tool's format: an Open-PSA MEF fault tree that SCRAM or XFTA can read, "
            + "or its objectives for SLO tools (OpenSLO, sloth, Prometheus rules).",
        discussion: "openpsa: a component without dependencies is a basic event of probability its unavailability; "
            + "a component with dependencies a gate; a k-of-n group an at-least gate; each objective a top gate. "
            + "openslo, sloth, prometheus-rules: each objective with a 'target' and an 'sli' (PromQL); the rules carry the "
            + "SRE workbook's multi-window burn-rate alerts, each saying what share of the budget it lets go. See docs/operations.md."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case openpsa, openslo, sloth
        case prometheusRules = "prometheus-rules"
    }

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .openpsa

    @Option(name: [.short, .long], help: "Write to this file (replaced whole) instead of stdout.",
            completion: .outputFile)
    var output: String?

    func run() throws {
        let system = try loadModel(model).model
        let text: String
        switch format {
        case .openpsa: text = OpenPSAExport.xml(system)
        case .openslo: text = try OpenSLOExport.yaml(system)
        case .sloth: text = try SlothExport.yaml(system)
        case .prometheusRules: text = try PrometheusRulesExport.yaml(system)
        }
        try OutputFile.emit(text, to: output)
    }
}

import ArgumentParser
import NinesKit

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "The stack diagram alone: SVG, Graphviz DOT or a Mermaid flowchart.",
        discussion: "Boxes by layer (software blue, platform green, external yellow), redundancy groups with their k of n, "
            + "the components that cost the most downtime outlined in red, customer-responsible parts hatched."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(DiagramFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiagramFormat = .svg

    @Option(name: [.short, .long], help: "Write the diagram to this file (replaced whole) instead of stdout.", completion: .outputFile)
    var output: String?

    func run() throws {
        let system = try loadModel(model).model
        let analysis = analyse(system)
        let diagram = StackDiagramBuilder.diagram(system, report: ReportBuilder.availabilityReport(analysis))
        try OutputFile.emit(format.render(diagram), to: output)
        KeptUntilExit.keep(system, analysis, diagram)
    }
}

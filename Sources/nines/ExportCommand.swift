import ArgumentParser
import NinesKit

/// `nines export`: a model written in another tool's format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a model in another tool's format: an Open-PSA MEF fault tree that SCRAM or XFTA can read.",
        discussion: "Failure logic: a component without dependencies is a basic event of probability its unavailability; "
            + "a component with dependencies a gate; a k-of-n group an at-least gate; each objective a top gate."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case openpsa }

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .openpsa

    @Option(name: [.short, .long], help: "Write to this file (replaced whole) instead of stdout.",
            completion: .outputFile)
    var output: String?

    func run() throws {
        let system = try loadModel(model).model
        try OutputFile.emit(OpenPSAExport.xml(system), to: output)
    }
}

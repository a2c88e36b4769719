import ArgumentParser
import Foundation
import NinesKit

@main
struct NinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nines",
        abstract: "Reliability modelling from a YAML stack diagram: availability, risks and SLA figures.",
        version: "0.1.0",
        subcommands: [ReportCommand.self, SimulateCommand.self, FMEACommand.self, CheckCommand.self, DiffCommand.self,
                      DiagramCommand.self, AdviseCommand.self, SensitivityCommand.self, ScenarioCommand.self, CutsCommand.self,
                      ImportCommand.self, ExportCommand.self, IncidentsCommand.self, ObserveCommand.self, CatalogueCommand.self]
    )

    /// Runs on a thread with a 512 MB stack (deep models recurse); `withDiagnostics` prints what
    /// goes wrong and picks the exit code.
    static func main() {
        FreedMemory.mapLargeBlocks()
        KeptUntilExit.enable()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let code = DeepStack.run(stackSize: 512 << 20) {
            withDiagnostics {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        }
        Foundation.exit(code)
    }
}

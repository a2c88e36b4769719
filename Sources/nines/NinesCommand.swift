import ArgumentParser
import Foundation
import NinesKit

@main
struct NinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nines",
        abstract: "Reliability modelling from a YAML stack diagram: availability, risks and SLA figures.",
        version: "0.1.0",
        subcommands: [ReportCommand.self, SimulateCommand.self, FMEACommand.self, CheckCommand.self, DiffCommand.self]
    )

    /// Runs on a thread with a large stack (deep models recurse), and maps usage errors to exit 2.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let code = LargeStack.run {
            withDiagnostics {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        }
        Foundation.exit(code)
    }
}

/// Runs work on a thread with a 512 MB stack and waits for its result.
enum LargeStack {
    static func run(_ body: @escaping @Sendable () -> Int32) -> Int32 {
        final class Box: @unchecked Sendable { var value: Int32 = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        return box.value
    }
}

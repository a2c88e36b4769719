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
        let code = LargeStack.run { () -> Int32 in
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                let code = exitCode(for: error)
                if code == .validationFailure {
                    Terminal.error(fullMessage(for: error))
                    return 2
                }
                if code == .success, let text = Optional(fullMessage(for: error)), !text.isEmpty {
                    print(text)  // --help and --version
                    return 0
                }
                // An ExitCode thrown after diagnostics were printed has no message of its own.
                let message = fullMessage(for: error)
                if code != .success && !message.isEmpty { Terminal.error(message) }
                return code.rawValue
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

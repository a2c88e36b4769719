import ArgumentParser
import Foundation
import NinesKit

/// Writes command output: to stdout, or to a file through `AtomicFile` (a temporary file in the same
/// folder, flushed, then renamed), so a failure part-way never leaves the user's file half written.
enum OutputFile {
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Terminal.write(text)
            return
        }
        try AtomicFile.write(text, to: path)
    }

    /// Writes what `renderer` makes of `report` as it is made: a JSON report of a large model
    /// (120 MB at 100,000 components) goes out in chunks instead of as one string.
    static func emit<Report>(_ report: Report, with renderer: any ReportRenderer<Report>, to path: String?) throws {
        guard let path else {
            try renderer.write(report) { StandardStream.output.write($0) }
            return
        }
        try AtomicFile.write(to: path) { sink in try renderer.write(report) { try sink.write($0) } }
    }
}

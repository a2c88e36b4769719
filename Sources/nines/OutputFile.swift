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
}

import ArgumentParser
import Foundation

/// Writes command output: to stdout, or to a file through a temporary file in the same folder and
/// a rename, so a failure part-way never leaves the user's file half written.
enum OutputFile {
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Terminal.write(text)
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).nines-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Terminal.error("error: cannot write '\(path)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

import Foundation
import NinesKit

/// Reads a file as it was at a git revision (`git show REV:./FILE`, run in the file's directory),
/// for `diff --base`. The blob's size is checked against the input limit (`git cat-file -s`)
/// before a byte of it is read, and git is run from a fixed system location, never looked up in
/// `PATH` (which a hostile checkout or environment could point at its own `git`).
enum GitShow {
    struct Failure: DiagnosticConvertible {
        let message: String
        var diagnostics: [Diagnostic] { [Diagnostic(message)] }
    }

    /// Where git is looked for, in order.
    static let locations = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git", "/bin/git"]

    static func read(revision: String, path: String, sizeLimit: Int) throws -> String {
        if revision.hasPrefix("-") { throw Failure(message: "--base must be a git revision, found '\(revision)'") }
        let url = URL(fileURLWithPath: path)
        let object = "\(revision):./\(url.lastPathComponent)"
        let name = "\(revision):\(path)"
        let folder = url.deletingLastPathComponent().path
        let size = try run(["-C", folder, "cat-file", "-s", object], limit: 64, path: path, revision: revision)
        guard let bytes = Int(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(message: "cannot read '\(path)' at revision '\(revision)': git gave no size for it")
        }
        if bytes > sizeLimit {
            throw Failure(message: "'\(name)' is \(describe(bytes)), over the \(describe(sizeLimit)) input limit; "
                          + "raise it with --max-input-size")
        }
        let data = try run(["-C", folder, "show", object], limit: sizeLimit, path: path, revision: revision)
        switch SourceFile.decode(data, file: name) {
        case .success(let text): return text
        case .failure(let error): throw error
        }
    }

    /// Runs git with `arguments`, reading at most `limit` bytes of its output.
    static func run(_ arguments: [String], limit: Int, path: String, revision: String) throws -> Data {
        guard let git = locations.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(message: "--base needs git, which is not installed (looked for \(locations.joined(separator: ", ")))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Failure(message: "cannot run git: \(error.localizedDescription)") }
        var data = Data()
        while data.count <= limit, let chunk = try? output.fileHandleForReading.read(upToCount: min(1 << 20, limit + 1 - data.count)),
              !chunk.isEmpty {
            data.append(chunk)
        }
        if data.count > limit { process.terminate() }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if data.count > limit {
            throw Failure(message: "'\(revision):\(path)' is over the \(describe(limit)) input limit; raise it with --max-input-size")
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "cannot read '\(path)' at revision '\(revision)': \(text)")
        }
        return data
    }

    static func describe(_ bytes: Int) -> String {
        bytes < 1_048_576 ? "\(bytes) bytes" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

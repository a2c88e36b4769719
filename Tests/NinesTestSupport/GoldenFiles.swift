import Foundation
import Testing

/// Where the models and golden files live, found from this source file so no working directory is assumed.
package enum GoldenFiles {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let directory = root.appendingPathComponent("Tests/NinesKitTests/Golden")
    package static let recording = ProcessInfo.processInfo.environment["NINES_RECORD"] == "1"

    /// Names (without `.yaml`) of the bundled system models, sorted. FMEA worksheets, which share
    /// the directory, are recognised by "fmea" in the name or by having no top-level `components:`.
    package static var models: [String] {
        let directory = root.appendingPathComponent("models")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.lowercased().contains("fmea") }
            .filter { file in
                let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
                return text.split(separator: "\n").contains { $0.hasPrefix("components:") }
            }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    /// Records an issue unless `output` equals the golden file; writes the file when missing or recording.
    package static func compare(_ output: String, with name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        guard !recording, let golden = try? String(contentsOf: url, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try output.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded Tests/NinesKitTests/Golden/\(name); review it and re-run\(recording ? " without NINES_RECORD" : "")",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if output != golden {
            let difference = firstDifference(output, golden)
            Issue.record("output differs from Tests/NinesKitTests/Golden/\(name): \(difference); re-record with NINES_RECORD=1 if intended",
                         sourceLocation: sourceLocation)
        }
    }

    /// "line 12: got '…', golden '…'" for the first line that differs.
    package static func firstDifference(_ output: String, _ golden: String) -> String {
        let got = output.components(separatedBy: "\n")
        let want = golden.components(separatedBy: "\n")
        for index in 0..<max(got.count, want.count) {
            let left = index < got.count ? got[index] : "<end of output>"
            let right = index < want.count ? want[index] : "<end of golden file>"
            if left != right { return "line \(index + 1): got '\(left)', golden '\(right)'" }
        }
        return "no line differs"
    }
}

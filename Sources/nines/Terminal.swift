import ArgumentParser
import Foundation
import NinesKit

/// The only place that writes to stdout/stderr and decides about colour.
enum Terminal {
    /// Writes the string's own UTF-8 bytes, without copying them into a `Data` first (a JSON
    /// report of a large model is tens of megabytes).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Colour only on a TTY and when NO_COLOR is not set.
    static var stdoutIsColourTerminal: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// `--timings`: a clock that prints one line per phase on stderr as it ends,
    /// e.g. `timing parse YAML 0.4120 s`.
    static func phaseTimings() -> PhaseTimings {
        PhaseTimings { name, seconds in error("timing \(name) \(String(format: "%.4f", seconds)) s") }
    }

    /// The closing `--timings` lines: total time and the size of the compiled diagram.
    static func timingsSummary(_ timings: PhaseTimings, diagramNodes: Int) {
        let total = timings.phases.reduce(0) { $0 + $1.seconds }
        error("timing total \(String(format: "%.4f", total)) s\ndiagram nodes \(diagramNodes)")
    }

    /// Prints every diagnostic with its source line and caret, then a count.
    static func report(_ error: DiagnosticError) {
        var sources: [String: String] = [:]
        var text = ""
        for diagnostic in error.diagnostics {
            let file = diagnostic.location.file
            if sources[file] == nil, case .success(let source)? = Optional(SourceFile.read(file)) { sources[file] = source }
            text += diagnostic.rendered(source: sources[file]) + "\n"
        }
        let count = error.diagnostics.count
        text += "\(count) error\(count == 1 ? "" : "s")\n"
        self.error(text)
    }
}

/// Exit codes shared by every command.
enum ExitStatus {
    static let ok: Int32 = 0
    static let fallsShort: Int32 = 1
    static let invalidInput: Int32 = 2
}

/// Thrown after diagnostics were printed: ends the command with exit 2.
struct InvalidInput: Error {}

extension ParsableCommand {
    /// Loads a model from plain file paths, printing diagnostics and exiting 2 when it is invalid.
    func loadModel(files: [String]) throws -> SystemModel {
        do {
            return try ModelLoader.load(files: files)
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// The analysis of `model`: every valid model gets one (see `FigureMethod`).
    func analyse(_ model: SystemModel, timings: PhaseTimings? = nil) -> AvailabilityAnalysis {
        AvailabilityAnalysis(model, timings: timings)
    }

    /// Loads an FMEA worksheet and its model, printing diagnostics and exiting 2 when invalid.
    func loadWorksheet(_ file: String) throws -> LoadedWorksheet {
        do {
            return try WorksheetLoader.load(file: file)
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// Loads model files, printing diagnostics and exiting 2 when they are invalid.
    /// The result keeps the file with embedded failure modes, for `embeddedWorksheet`.
    func loadModel(_ options: ModelOptions, timings: PhaseTimings? = nil) throws -> LoadedModel {
        options.inputLimit.apply()
        do {
            var loaded = try ModelLoader.loadKeepingWorksheet(files: options.files, timings: timings)
            options.applyCalendar(to: &loaded.model)
            return loaded
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

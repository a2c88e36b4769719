import ArgumentParser
import Foundation
import NinesKit

/// The only place that writes to stdout/stderr and decides about colour.
enum Terminal {
    /// Writes the string's own UTF-8 bytes, without copying them into a `Data` first (a JSON
    /// report of a large model is tens of megabytes). See `StandardStream.write` for failures.
    static func write(_ text: String) {
        StandardStream.output.write(text)
    }

    /// One message on stderr, ending with a line break.
    static func error(_ text: String) {
        StandardStream.error.write(text.hasSuffix("\n") ? text : text + "\n")
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
}

extension ParsableCommand {
    /// The analysis of `model`: every valid model gets one (see `FigureMethod`).
    func analyse(_ model: SystemModel, timings: PhaseTimings? = nil) -> AvailabilityAnalysis {
        AvailabilityAnalysis(model, timings: timings)
    }

    /// Loads the model files of `options` with its `--set` overrides and the failure modes asked
    /// for, and applies its calendar options.
    func loadModel(_ options: ModelOptions, failureModes: FailureModeSource = .none, removing: PatternKind? = nil,
                   timings: PhaseTimings? = nil) throws -> LoadedModel {
        var loaded = try ModelLoader.load(files: options.files, failureModes: failureModes, options: options.inputLimit.loadOptions,
                                          overrides: try options.overrides.overrides(), removing: removing, timings: timings)
        options.applyCalendar(to: &loaded.model)
        return loaded
    }
}

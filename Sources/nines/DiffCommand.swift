import ArgumentParser
import Foundation
import NinesKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Two versions of a model side by side: per objective availability and downtime before and after, and what each change costs.",
        discussion: """
            nines diff OLD.yaml NEW.yaml; nines diff --old A.yaml B.yaml --new A2.yaml B2.yaml for a model in several \
            files; or nines diff --base <git-rev> MODEL.yaml… (the old version of each file is read with 'git show'); \
            or nines diff MODEL.yaml --set PATH=VALUE… (the model against itself with the overrides). \
            --set always applies to the new version. \
            Exits 1 when a target that held now falls short, or when an objective's downtime grows by more than \
            --fail-on-cost per its period; 2 on invalid input.
            """
    )

    @Argument(help: ArgumentHelp("OLD.yaml NEW.yaml; with --base, the model file(s).", valueName: "file"), completion: .yamlFile)
    var files: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The old version's model file(s), merged like any model (use with --new).", valueName: "file"),
            completion: .yamlFile)
    var old: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The new version's model file(s) (use with --old).", valueName: "file"),
            completion: .yamlFile)
    var new: [String] = []

    @Option(help: ArgumentHelp("Compare the model file(s) with their version at this git revision (e.g. origin/main).", valueName: "rev"))
    var base: String?

    @Option(name: .customLong("fail-on-cost"),
            help: ArgumentHelp("Exit 1 when any objective's downtime grows by more than this per its period, e.g. '1m' or '5min'.",
                               valueName: "duration"))
    var failOnCost: String?

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Option(name: [.short, .long], help: "Write the diff to this file (replaced whole, never written through a link) instead of stdout.",
            completion: .outputFile)
    var output: String?

    @OptionGroup var calendar: CalendarOptions

    @OptionGroup var inputLimit: InputLimitOptions

    /// `--set` applies to the new version; `nines diff MODEL --set …` compares a model with itself overridden.
    @OptionGroup var overrides: OverrideOptions

    func validate() throws {
        if let base {
            if !old.isEmpty || !new.isEmpty {
                throw ValidationError("--base reads the old version from git: give only the model file(s), without --old or --new")
            }
            if files.isEmpty { throw ValidationError("give the model file(s) to compare with their version at '\(base)'") }
        } else if !old.isEmpty || !new.isEmpty {
            if old.isEmpty || new.isEmpty { throw ValidationError("give both versions: --old with the old file(s) and --new with the new one(s)") }
            if !files.isEmpty {
                throw ValidationError("give the versions either as OLD.yaml NEW.yaml or with --old and --new, not both "
                                      + "(found \(files.map { "'\($0)'" }.joined(separator: ", ")) besides --old and --new)")
            }
        } else {
            switch files.count {
            case 0: throw ValidationError("give the two versions to compare: nines diff OLD.yaml NEW.yaml (or --old FILE… --new FILE…, or --base REV MODEL.yaml)")
            case 1 where !overrides.set.isEmpty: break
            case 1: throw ValidationError("give the new version too: nines diff OLD.yaml NEW.yaml, or --base REV \(files[0]) to compare with git")
            case 2: break
            default: throw ValidationError("give two files, OLD.yaml NEW.yaml (found \(files.count)); for a model in several files use --old FILE… --new FILE…")
            }
        }
        _ = try allowedCost()
    }

    /// `--fail-on-cost` in hours.
    func allowedCost() throws -> Double? {
        guard let failOnCost else { return nil }
        guard case .success(let hours) = QuantityParser.duration(failOnCost, positive: false) else {
            throw ValidationError("--fail-on-cost must be a duration with a unit, such as '1m', '5min' or '2h', found '\(failOnCost)'")
        }
        return hours
    }

    func run() throws {
        let options = inputLimit.loadOptions
        let (oldFiles, newFiles) = base != nil || files.count == 1 ? (files, files) : old.isEmpty ? ([files[0]], [files[1]]) : (old, new)
        var oldModel: SystemModel
        let oldName: String
        if let base {
            let documents = try files.map { path in (file: "\(base):\(path)", text: try GitShow.read(revision: base, path: path, sizeLimit: options.sizeLimit)) }
            oldName = documents.map(\.file).joined(separator: " + ")
            oldModel = try ModelLoader.load(documents: documents)
        } else {
            oldName = oldFiles.joined(separator: " + ")
            oldModel = try ModelLoader.load(files: oldFiles, options: options)
        }
        var newModel = try ModelLoader.load(files: newFiles, failureModes: .none, options: options,
                                            overrides: try overrides.overrides()).model
        calendar.apply(to: &oldModel)
        calendar.apply(to: &newModel)
        let comparison = ModelComparison(old: oldModel, new: newModel, oldAnalysis: analyse(oldModel), newAnalysis: analyse(newModel))
        let newName = ([newFiles.joined(separator: " + ")] + overrides.set.map { "--set \($0)" }).joined(separator: " ")
        let report = DiffReportBuilder.diffReport(comparison, old: oldName, new: newName,
                                                  allowedCost: try allowedCost())
        try OutputFile.emit(format.renderer().render(report), to: output)
        KeptUntilExit.keep(oldModel, newModel, comparison, report)
        if !report.holds {
            // The log says why the step failed, whatever format went to stdout.
            ReportRenderers.diffFailureLines(report).forEach { Terminal.error($0) }
            throw ExitCode(ExitStatus.fallsShort)
        }
    }
}

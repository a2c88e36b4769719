import ArgumentParser
import NinesKit

struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Ranked design changes for an objective, each with the overrides that make it and its exact effect.",
        discussion: """
            For the objective with the least margin (or --objective): every change the model can express \
            (a replica more, one fewer needed, a standby with failover, half the repair or detection time, \
            less common cause, a queue or cache in front, an external part made the customer's), evaluated \
            exactly on the SLA figure, ranked by downtime saved; the ceiling with every component we own \
            perfect; the smallest set of changes that reaches the target and, with 'costs:' in the model, the \
            cheapest. Apply a suggestion with 'nines report MODEL --set …'. See docs/advise.md.
            """
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "The objective to advise on (default: the one with the least margin).")
    var objective: String?

    @Option(help: ArgumentHelp("The availability to reach instead of the objective's target, e.g. '99.95%'.", valueName: "availability"))
    var target: String?

    @Option(help: "Output format: \(AdviceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: AdviceFormat = .text

    @Option(help: "Changes listed in text and Markdown output (JSON lists all).")
    var top: Int = 10

    /// For benchmarks/advise.sh: also evaluate this many candidates the naive way (a recompilation
    /// each) and print the time on stderr.
    @Option(name: .customLong("naive-sample"), help: .hidden)
    var naiveSample: Int?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
        _ = try targetAvailability()
    }

    func targetAvailability() throws -> Probability? {
        guard let target else { return nil }
        guard case .success(let value) = QuantityParser.availability(target) else {
            throw ValidationError("--target must be an availability in (0, 100]%, e.g. '99.95%', found '\(target)'")
        }
        return value
    }

    func run() throws {
        let system = try loadModel(model).model
        try checkObjective(objective, in: system, command: "'nines advise' advises on one")
        let options = model
        // A structural suggestion (retry, bulkhead, placement, detection) is the model read again
        // with its overrides after the command's own, exactly as `nines report --set` reads it.
        let reload: AdviceReload = { extra in
            guard let added = try? ModelOverride.parse(extra),
                  var loaded = try? ModelLoader.load(files: options.files, failureModes: .none, options: options.inputLimit.loadOptions,
                                                     overrides: options.overrides.overrides() + added).model else { return nil }
            options.applyCalendar(to: &loaded)
            return loaded
        }
        let advice = Advice(analyse(system), objective: objective, target: try targetAvailability(), reload: reload)
        let report = AdviceReportBuilder.report(advice)
        Terminal.write(format.renderer(top: top).render(report))
        if let naiveSample {
            let start = ContinuousClock.now
            let (evaluated, total) = AdviceRecompiled.evaluate(system, objective: report.objective, limit: naiveSample)
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            Terminal.error("naive \(evaluated) of \(total) candidates recompiled in \(seconds) s")
        }
    }
}

extension ParsableCommand {
    /// Refuses a model without objectives, and an `--objective` it does not have ("did you mean").
    func checkObjective(_ name: String?, in model: SystemModel, command: String) throws {
        guard !model.objectives.isEmpty else {
            throw Diagnostic("the model has no objectives; \(command) (add one under 'objectives')")
        }
        if let name, !model.objectives.contains(where: { $0.name == name }) {
            throw Diagnostic("--objective '\(name)' is not an objective of the model"
                             + Suggestion.hint(for: name, in: model.objectives.map(\.name)))
        }
    }
}

import ArgumentParser
import NinesKit

/// `--set PATH=VALUE` (repeatable): what-if overrides, written into the model as if the file said so.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a model field as if the file said so (repeatable): COMPONENT.FIELD=VALUE, "
                               + "objectives.NAME.FIELD=VALUE or a top-level field, e.g. 'job-store.mttr=15m', "
                               + "'job-api.replicas=4', 'objectives.submit-job.target=99.95%'.", valueName: "path=value"))
    var set: [String] = []

    /// The parsed overrides; a malformed argument throws its located diagnostic.
    func overrides() throws -> [ModelOverride] { try ModelOverride.parse(set) }
}

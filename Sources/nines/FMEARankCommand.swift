import ArgumentParser
import NinesKit

struct FMEARankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "The ranked risk list: action priority, then RPN, then severity (or expected downtime)."
    )

    enum Order: String, ExpressibleByArgument, CaseIterable { case priority, downtime }

    @Argument(help: "The worksheet (YAML with 'model:'), or a model file with a 'failure_modes:' section.",
              completion: .yamlFile)
    var worksheet: String

    @Option(help: "Sort by 'priority' (AP, RPN, severity, id) or 'downtime' (expected downtime per period).")
    var by: Order = .priority

    @Flag(help: "Only failure modes still open or in progress.")
    var open = false

    @Option(help: "Only this FMEA layer.")
    var layer: String?

    @Option(help: "Only failure modes of this owner.")
    var owner: String?

    @Option(help: "Only failure modes of this component.")
    var component: String?

    @Option(help: "Show at most this many failure modes.")
    var top: Int?

    @Option(help: "Output format: \(RiskFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: RiskFormat = .text

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let loaded = try WorksheetLoader.load(file: worksheet, options: inputLimit.loadOptions)
        let modes = loaded.worksheet.failureModes
        try checkFilter("--layer", layer, known: Set(modes.map(\.layer)).sorted())
        try checkFilter("--component", component, known: loaded.model.components.map(\.name))
        try checkFilter("--owner", owner, known: Set(modes.compactMap(\.owner)).sorted())
        let filter = RiskRanking.Filter(openOnly: open, layer: layer, owner: owner, component: component)
        let order: RiskRanking.Order = by == .priority ? .priority : .downtime
        let report = RiskReportBuilder.report(loaded.worksheet, analysis: analyse(loaded.model),
                                              order: order, filter: filter, limit: top)
        Terminal.write(format.renderer(colour: Terminal.stdoutIsColourTerminal).render(report))
    }

    /// A filter naming nothing in the worksheet is a typo, not an empty result: exit 2 with a hint.
    func checkFilter(_ option: String, _ value: String?, known: [String]) throws {
        guard let value, !known.contains(value) else { return }
        let hint = Suggestion.hint(for: value, in: known)
        let listed = known.isEmpty ? "; there are none in this worksheet" : "; known: " + known.prefix(12).joined(separator: ", ")
        throw Diagnostic("\(option) '\(value)' matches nothing" + (hint.isEmpty ? listed : hint))
    }
}

import ArgumentParser
import NinesKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Availability per objective and for the whole system, downtime, MTBF and top contributors."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Contributors listed per figure in text output.")
    var top: Int = 5

    @Flag(help: "Add Monte Carlo figures (downtime spread, chance of meeting each target); see 'nines simulate'.")
    var simulate = false

    @OptionGroup(title: "Simulation (with --simulate)") var simulation: SimulationOptions

    @Option(name: [.short, .long], help: "Write the report to this file (replaced whole, never half-written) instead of stdout.",
            completion: .outputFile)
    var output: String?

    @Option(help: "FMEA worksheet whose top risks to add (default: the model file's own 'failure_modes:', if any).",
            completion: .yamlFile)
    var fmea: String?

    @Option(name: .customLong("top-risks"), help: "Failure modes listed under 'ranked risks'.")
    var topRisks: Int = 10

    @Option(help: "Mission reliability over this mission with no repair, e.g. '8760h' or '1y': R(t) and MTTF per objective and the system (objectives with their own 'mission:' use it).")
    var mission: String?

    @Option(name: .customLong("cut-sets"), help: "Minimal cut sets (up to order 2) listed per figure; 0 for none (default: 5 on models up to 2,000 components, else none). All of them: 'nines cuts'.")
    var cutSets: Int?

    @Option(help: "Contributors kept per figure, the largest first: JSON lists them, the rest counted and summed in 'contributorsNotListed' (default: every one on models up to 2,000 components, else the 100 largest).")
    var contributors: Int?

    @Flag(help: "Show, for each figure, the method the evaluation took and why (text and JSON).")
    var explain = false

    @Option(name: .customLong("uncertainty-samples"), help: "Draws of the model's uncertain inputs (ranges such as 'mttr: 15m..2h', lognormal figures) for each objective's availability percentiles; 0 for none.")
    var uncertaintySamples: Int = UncertaintyPropagation.defaultSamples

    /// Phase timings on stderr, for benchmarks/scale.sh.
    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        if topRisks < 0 { throw ValidationError("--top-risks must be 0 or more") }
        if let cutSets, cutSets < 0 { throw ValidationError("--cut-sets must be 0 or more") }
        if let contributors, contributors < 0 { throw ValidationError("--contributors must be 0 or more") }
        if !(0...1_000_000).contains(uncertaintySamples) { throw ValidationError("--uncertainty-samples must be from 0 to 1000000") }
        _ = try missionHours()
    }

    /// `--mission` in hours.
    func missionHours() throws -> Double? {
        guard let mission else { return nil }
        switch QuantityParser.duration(mission, positive: true) {
        case .success(let hours): return hours
        case .failure(let failure): throw ValidationError("--mission must be \(failure.expected), found '\(mission)'")
        }
    }

    func run() throws {
        let clock = timings ? Terminal.phaseTimings() : nil
        let loaded = try loadModel(model, failureModes: fmea.map { .worksheet($0) } ?? .embedded, timings: clock)
        let system = loaded.model
        clock?.mark("FMEA worksheet")
        let analysis = analyse(system, timings: clock)   // marks "compile BDD"
        // One promise view for the report's objectives and their cut sets.
        let prediction = SLAPrediction(system, full: analysis)
        let listed = ReportBuilder.contributorLimit(components: system.components.count, requested: contributors, top: top)
        var report = ReportBuilder.availabilityReport(analysis, worksheet: loaded.worksheet, topRisks: topRisks, explain: explain,
                                                      prediction: prediction, contributors: listed)
        clock?.mark("evaluate")
        if !PatternKind.used(in: system).isEmpty {
            // The same model without one pattern at a time (the files are not read again): what each pattern buys.
            let savings = PatternSavings(prediction) { kind in loaded.model(without: kind) }
            ReportBuilder.addPatternSavings(savings, model: system, to: &report)
            clock?.mark("pattern savings")
        }
        let cutSetsListed = cutSets ?? (system.components.count <= ReportBuilder.reportCutSetComponents ? ReportBuilder.reportCutSets : 0)
        if cutSetsListed > 0 {
            ReportBuilder.addCutSets(MinimalCutSets(prediction, maxOrder: ReportBuilder.reportCutSetOrder),
                                     to: &report, top: cutSetsListed)
            clock?.mark("cut sets")
        }
        let missionHours = try missionHours()
        var missionCurves: [MissionCurve] = []
        if missionHours != nil || system.objectives.contains(where: { $0.mission != nil }) {
            let mission = MissionReliability(analysis, missionHours: missionHours,
                                             curvePoints: format.drawsPictures ? ReportPictureBuilder.curvePoints : 0)
            report.missionReliability = mission.figures
            missionCurves = mission.curves
            clock?.mark("mission reliability")
        }
        if uncertaintySamples > 0, UncertaintyPropagation.applies(to: system) {
            report.uncertainty = ReportBuilder.uncertaintyReport(UncertaintyPropagation(analysis, samples: uncertaintySamples), model: system)
            clock?.mark("input uncertainty")
        }
        if simulate {
            report.simulation = try simulation.run(system, analysis: analysis)
            clock?.mark("simulate")
        }
        if format.drawsPictures {
            report.picture = ReportPictureBuilder.picture(report, model: system, missionCurves: missionCurves)
            clock?.mark("picture")
        }
        let renderer = format.renderer(colour: output == nil && Terminal.stdoutIsColourTerminal, topContributors: top)
        try OutputFile.emit(report, with: renderer, to: output)
        clock?.mark("render")   // and write: JSON goes out as it is rendered
        KeptUntilExit.keep(loaded, analysis, prediction, report)
        if let clock { Terminal.timingsSummary(clock, diagramNodes: analysis.diagramNodes) }
    }
}

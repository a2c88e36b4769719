import Foundation

extension ReportBuilder {
    /// The report's `uncertainty` section; nil when the model states no uncertain input.
    package static func uncertaintyReport(_ propagation: UncertaintyPropagation, model: SystemModel) -> UncertaintyReport? {
        guard !propagation.inputs.isEmpty, !propagation.objectives.isEmpty else { return nil }
        let inputs = propagation.inputs.map { input -> UncertaintyReport.Input in
            let text = Self.statement(input.field, input.distribution, yearHours: model.calendar.yearHours)
            switch input.distribution {
            case .logUniform(let low, let high):
                return .init(component: input.component, field: input.field.rawValue, distribution: "log-uniform",
                             median: input.distribution.median, low: low, high: high, sigma: nil, text: text)
            case .lognormal(let median, let sigma):
                return .init(component: input.component, field: input.field.rawValue, distribution: "lognormal",
                             median: median, low: nil, high: nil, sigma: sigma, text: text)
            }
        }
        let objectives = zip(model.objectives, propagation.objectives).map { objective, figure in
            let period = objective.period ?? model.period
            let hours = model.calendar.hours(in: period)
            return UncertaintyReport.Objective(
                objective: figure.objective, period: period.name, periodHours: hours,
                availabilityAtMedians: figure.atMedians.up, availabilityP5: figure.p5.up, availabilityP50: figure.p50.up,
                availabilityP95: figure.p95.up, unavailabilityAtMedians: figure.atMedians.down,
                unavailabilityP5: figure.p95.down, unavailabilityP50: figure.p50.down, unavailabilityP95: figure.p5.down,
                downtimeHoursP5: figure.p5.down * hours, downtimeHoursP95: figure.p95.down * hours,
                meanUnavailability: figure.meanUnavailability, target: figure.target?.up,
                probabilityMeetingTarget: figure.probabilityMeetingTarget, notPropagated: figure.notPropagated)
        }
        return UncertaintyReport(samples: propagation.samples, seed: propagation.seed, inputs: inputs, objectives: objectives)
    }

    /// "mttr 15m..2h (log-uniform)", "mtbf lognormal, median 83.3 d, error factor 3".
    static func statement(_ field: UncertainInput.Field, _ distribution: InputDistribution, yearHours: Double) -> String {
        func value(_ x: Double) -> String {
            switch field {
            case .availability: return Format.target(Probability(up: 1 - x, down: x))
            case .mtbf, .mttr: return Format.duration(hours: x)
            case .rate: return Format.perYear(x * yearHours)
            }
        }
        switch distribution {
        case .logUniform(let low, let high):
            let (from, to) = field == .availability ? (high, low) : (low, high)   // availability low to high
            return "\(field.rawValue) \(value(from))..\(value(to)) (log-uniform)"
        case .lognormal(let median, let sigma):
            let errorFactor = InputDistribution.errorFactor(sigma: sigma)
            return "\(field.rawValue) lognormal, median \(value(median)), error factor " + String(format: "%.3g", errorFactor)
        }
    }
}

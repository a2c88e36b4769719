import Foundation

/// The terminal report, readable at 80 columns. Colour (ANSI) only when asked, i.e. on a TTY.
struct TextReportRenderer {
    public var colour: Bool
    /// Contributors listed per figure.
    public var topContributors: Int

    public init(colour: Bool = false, topContributors: Int = 5) {
        self.colour = colour
        self.topContributors = topContributors
    }

    public func render(_ report: AvailabilityReport) -> String {
        var out: [String] = []
        out.append(bold(report.system))
        if let description = report.description { out.append(contentsOf: Format.wrap(description, width: 80)) }
        out.append("period: \(report.period) (\(Format.duration(hours: report.periodHours))); calendar: \(report.calendar)")
        if let overrides = Format.overrides(report.overrides) { out.append(overrides) }
        for figure in report.figures {
            out.append("")
            let covered = figure.kind == .objective && report.sla?.contains { $0.objective == figure.name } == true
            out.append(contentsOf: render(figure, slaCovers: covered))
        }
        if let mission = report.missionReliability, !mission.isEmpty {
            out.append("")
            out.append(contentsOf: render(mission))
        }
        if let sla = report.sla, !sla.isEmpty {
            out.append("")
            out.append(contentsOf: render(sla))
            if let policies = report.policies, !policies.isEmpty { out.append(contentsOf: render(policies)) }
        }
        if let drills = report.drills {
            out.append("")
            out.append(contentsOf: render(drills))
        }
        if let crews = report.crews {
            out.append("")
            out.append(contentsOf: render(crews))
        }
        if let savings = report.patternSavings, !savings.isEmpty {
            out.append("")
            out.append(contentsOf: render(savings))
        }
        if let uncertainty = report.uncertainty {
            out.append("")
            out.append(contentsOf: UncertaintyTextSection.lines(uncertainty).enumerated().map { $0 == 0 ? bold($1) : $1 })
        }
        if let simulation = report.simulation {
            out.append("")
            out.append(String(SimulationTextRenderer(colour: colour).render(simulation).dropLast()))
        }
        if let risks = report.risks {
            out.append("")
            out.append(contentsOf: RiskTextRenderer(colour: colour).section(risks))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The SLA prediction: per objective its budget, margin and verdict, exclusions, recovery.
    func render(_ sla: [SLAReport]) -> [String] {
        var lines = [bold("SLA prediction")]
        for r in sla {
            let head = "  \(r.objective) (\(r.kind), \(r.measure)): "
            switch r.verdict?.met {
            case true?: lines.append(head + paint("holds", green: true))
            case false?: lines.append(head + paint("falls short", green: false))
                lines.append(contentsOf: SLAText.reasons(r).flatMap { wrap("✗ " + $0, indent: 4) })
            case nil: lines.append(head + "no target")
            }
            let rows = [SLAText.predicted(r), SLAText.budget(r), SLAText.ceiling(r).map { "ceiling: " + $0 }, SLAText.period(r),
                        SLAText.exclusions(r), SLAText.maintenance(r), SLAText.allowedRecovery(r), SLAText.rto(r), SLAText.rpo(r),
                        SLAText.acceptedRequests(r), SLAText.unmonitored(r), SLAText.degraded(r)].compactMap { $0 }
            lines.append(contentsOf: rows.flatMap { wrap($0, indent: 4) })
        }
        return lines
    }

    /// Drilled parts: what the drills cost and the interval that would cost least.
    func render(_ drills: [DrillReport]) -> [String] {
        var lines = [bold("Drills (latent failures)")]
        for drill in drills {
            var now = "\(drill.component): drilled every \(Format.duration(hours: drill.testEveryHours)), "
                + "\(Format.duration(hours: drill.testDurationHours)) out each"
            if let coverage = drill.coverage, let demands = drill.demandEveryHours {
                now += ", finding \(Format.target(Probability(unavailability: 1 - coverage))) of the failures (demands every \(Format.duration(hours: demands)) find the rest)"
            }
            now += "; own unavailability \(Format.small(drill.unavailability))"
            lines.append(contentsOf: wrap(now, indent: 2))
            guard let every = drill.suggestedEveryHours, let q = drill.suggestedUnavailability else {
                lines.append(contentsOf: wrap("a drill costs no downtime: drilling more often only helps", indent: 4))
                continue
            }
            lines.append(contentsOf: wrap("suggested: every \(Format.duration(hours: every)) (own unavailability \(Format.small(q)))", indent: 4))
            for objective in drill.objectives {
                guard let suggested = objective.suggestedDowntimeHours else { continue }
                lines.append(contentsOf: wrap("\(objective.objective): \(Format.duration(hours: objective.downtimeHours)) down per "
                                              + "\(objective.period) now, \(Format.duration(hours: suggested)) with the suggested interval", indent: 4))
            }
        }
        return lines
    }

    /// Repair crews: the wait for a repairer, and each member with the crew and with its own repairer.
    func render(_ crews: [CrewReport]) -> [String] {
        var lines = [bold("Repair crews")]
        for crew in crews {
            if let warning = crew.warning { lines.append(contentsOf: wrap(warning, indent: 2)) }
            let how = crew.states.map { "exact, \($0) queue states" } ?? "simulated"
            lines.append(contentsOf: wrap("\(crew.crew) (\(crew.size) repairer\(crew.size == 1 ? "" : "s"), \(how)): a failure waits "
                                          + "\(Format.duration(hours: crew.meanWaitHours)) for a repairer on average; "
                                          + "\(String(format: "%.3g", crew.failuresPerYear)) failures a year", indent: 2))
            for member in crew.members {
                lines.append(contentsOf: wrap("\(member.component): own unavailability \(Format.small(member.unavailability)) "
                                              + "(\(Format.small(member.ownRepairerUnavailability)) with a repairer of its own)", indent: 4))
            }
        }
        return lines
    }

    /// The resiliency policies under the SLA prediction: per policy its verdict, per scenario its figures.
    func render(_ policies: [PolicyReport]) -> [String] {
        var lines = ["  " + bold("resiliency policies")]
        for policy in policies {
            let head = "    \(policy.disruptionClass) policy (\(PolicyText.limits(policy))): "
            switch policy.holds {
            case true?: lines.append(head + paint("holds", green: true))
            case false?: lines.append(head + paint("breached", green: false))
            case nil: lines.append(head + "no scenario of its class")
            }
            for scenario in policy.scenarios {
                lines.append(contentsOf: wrap(PolicyText.scenario(scenario), indent: 6))
            }
        }
        return lines
    }

    /// - Parameter slaCovers: the SLA prediction section gives this objective's verdict (with
    ///   exclusions applied), so the all-components figure does not repeat a possibly different one.
    func render(_ figure: FigureReport, slaCovers: Bool = false) -> [String] {
        let period = figure.period
        var lines: [String] = []
        switch figure.kind {
        case .system:
            lines.append(bold("system (every top-level component up)"))
            lines.append(clip("  top level: " + figure.components.joined(separator: ", "), 80))
        case .objective:
            lines.append(bold("objective \(figure.name) (\(figure.measure))"))
            let subject = figure.components.count == 1 ? "at \(figure.components[0])" : "path " + figure.components.joined(separator: " → ")
            lines.append(clip("  " + subject, 80))
        }
        let probability = Probability(up: figure.availability, down: figure.unavailability)
        var headline = "  availability \(Format.percent(probability))  (\(Format.nines(figure.nines)) nines, unavailability \(Format.small(figure.unavailability)))"
        if headline.count > 80 { headline = "  availability \(Format.percent(probability))  (\(Format.nines(figure.nines)) nines)" }
        lines.append(headline)
        if let users = figure.asUsersExperienceIt {
            lines.append(contentsOf: wrap(SLAText.usersExperience(users, period: period), indent: 2))
        }
        lines.append(contentsOf: methodLines(figure))
        if let plan = figure.plan {
            lines.append("  plan:")
            lines.append(contentsOf: planLines(plan, indent: "    "))
        }
        if let target = figure.targetProbability, let met = figure.meetsTarget, let budget = figure.errorBudgetHours, !slaCovers {
            let targetText = Format.target(target)
            let verdict = met ? paint("meets", green: true) : paint("misses", green: false)
            lines.append("  target \(targetText): \(verdict) (budget \(Format.duration(hours: budget))/\(period), "
                         + "expected \(Format.duration(hours: figure.downtimeHours)))")
        }
        lines.append(downtimeLine(figure))
        if let outages = figure.outagesPerYear, let mtbf = figure.mtbfHours, let mdt = figure.meanDownTimeHours {
            lines.append("  outages: \(Format.perYear(outages)); MTBF \(Format.duration(hours: mtbf)); mean down time \(Format.duration(hours: mdt))")
        } else if !figure.componentsWithoutRates.isEmpty {
            let names = figure.componentsWithoutRates.prefix(3).joined(separator: ", ") + (figure.componentsWithoutRates.count > 3 ? ", …" : "")
            lines.append(clip("  MTBF unknown: no repair time for \(names)", 80))
        }
        let top = figure.contributors.filter { $0.downtimeHours > 0 }.prefix(topContributors)
        if !top.isEmpty {
            lines.append("  top contributors (downtime/\(period) saved if perfect, share):")
            for item in top {
                let row = "    " + Format.column(item.shownName, 30) + " " + Format.column(item.layer, 14) + " "
                    + Format.column(Format.duration(hours: item.downtimeHours), 10, right: true) + "  "
                    + Format.column(String(format: "%5.1f%%", item.criticalityImportance * 100), 6, right: true)
                lines.append(row)
            }
        }
        if let cuts = figure.cutSets, figure.kind == .objective, !cuts.cutSets.isEmpty {
            lines.append("  top cut sets (order, probability, share; all with 'nines cuts'):")
            lines.append(contentsOf: CutSetTextRenderer.lines(cuts).map { clip("    " + $0, 80) })
        }
        return lines
    }

    /// Mission reliability: R(t) and MTTF per figure, no repair during the mission.
    func render(_ mission: [MissionFigure]) -> [String] {
        var lines = [bold("mission reliability (no repair during the mission; not the 'reliability' measure)")]
        for figure in mission {
            let mttf = figure.mttfHours.map { "; MTTF \(Format.duration(hours: $0))" } ?? ""
            lines.append(clip("  \(figure.name): R(\(Format.duration(hours: figure.missionHours))) = "
                              + "\(String(format: "%.6g", figure.reliability.up)) (fails with probability \(Format.small(figure.reliability.down)))"
                              + "\(mttf), \(figure.method.rawValue)", 80))
            if !figure.componentsWithoutFailureRates.isEmpty {
                lines.append(contentsOf: wrap("no failure rate (counted as never failing): "
                                              + figure.componentsWithoutFailureRates.joined(separator: ", "), indent: 4))
            }
        }
        return lines
    }

    /// "  downtime: 9.14 min/month (1.85 h/year, 2.13 min/week, 18.3 s/day)": the figure's own
    /// period first, then other standard periods while the line fits in 80 columns.
    /// How a figure that is not one exact diagram was obtained: the certified interval, the
    /// estimate with its confidence interval, and what conditioning enumerated.
    func methodLines(_ figure: FigureReport) -> [String] {
        var lines: [String] = []
        let percent = { (availability: Double, unavailability: Double) in
            Format.percent(Probability(up: availability, down: unavailability))
        }
        if let interval = figure.interval, figure.method == FigureMethod.bounded.rawValue {
            let low = String(format: "%.10g", interval.minUnavailability), high = String(format: "%.10g", interval.maxUnavailability)
            lines.append(clip("  bounded: unavailability certified in [\(low), \(high)]", 80))
            lines.append("  shown: an estimate inside it; a target is judged by the upper end")
        } else if let interval = figure.interval, figure.method == FigureMethod.estimated.rawValue {
            lines.append("  certified between \(percent(interval.minAvailability, interval.maxUnavailability)) and "
                         + "\(percent(interval.maxAvailability, interval.minUnavailability))")
        }
        if let estimate = figure.estimate {
            let interval = "estimated \(Format.percent(Probability(availability: estimate.availability))) (95% CI "
                + "\(Format.percent(Probability(availability: estimate.low))) – \(Format.percent(Probability(availability: estimate.high)))"
            let full = "  \(interval); \(estimate.samples) random states, seed \(estimate.seed))"
            lines.append(full.count <= 80 ? full : "  \(interval))")
            let biased = estimate.sampling == "plain" ? "" : estimate.sampling == "cutSetMixture" ? ", cut-set mixture sampling" : ", failure-biased sampling"
            let error = estimate.relativeError.map { String(format: "%.1f%%", $0 * 100) } ?? "unknown (no outage drawn)"
            lines.append("  relative error \(error)\(biased)")
            lines.append("  no exact method reached it: a target is judged by the CI's lower end")
        }
        if let conditioning = figure.conditioning {
            let how = figure.method == FigureMethod.exact.rawValue ? "exact to 12 digits" : "interval"
            lines.append(clip("  \(how): conditioned on \(Format.count(conditioning.components)) shared components "
                              + "(\(Format.count(conditioning.states)) states)", 80))
        }
        return lines
    }

    /// A figure's plan (`report --explain`): each step, why, and its parts indented below.
    func planLines(_ plan: FigurePlan, indent: String) -> [String] {
        var lines = Format.wrap(plan.summary, width: 80 - indent.count).enumerated().map { indent + ($0.offset == 0 ? "" : "  ") + $0.element }
        lines += Format.wrap("why: " + plan.reason, width: 78 - indent.count).map { indent + "  " + $0 }
        for part in plan.parts ?? [] { lines += planLines(part, indent: indent + "  ") }
        if let hidden = plan.partsNotShown { lines.append("\(indent)  … \(Format.count(hidden)) more") }
        return lines
    }

    func downtimeLine(_ figure: FigureReport) -> String {
        let own = "  downtime: \(Format.duration(hours: figure.downtimeHours))/\(figure.period)"
        var others = figure.downtime.filter { $0.period != figure.period && ["year", "month", "week", "day"].contains($0.period) }
            .map { "\(Format.duration(hours: $0.downtimeHours))/\($0.period)" }
        while !others.isEmpty {
            let line = own + " (" + others.joined(separator: ", ") + ")"
            if line.count <= 80 { return line }
            others.removeLast()
        }
        return own
    }

    /// Wraps to 80 columns under `indent` spaces (continuations two more), keeping a number with
    /// the unit after it ("1.24 h/month").
    func wrap(_ text: String, indent: Int) -> [String] {
        let glued = text.replacingOccurrences(of: #"(\d) "#, with: "$1\u{00A0}", options: .regularExpression)
        let lines = Format.wrap(glued, width: 80 - indent - 2)
        return lines.enumerated().map { index, line in
            String(repeating: " ", count: indent + (index == 0 ? 0 : 2)) + line.replacingOccurrences(of: "\u{00A0}", with: " ")
        }
    }

    func clip(_ text: String, _ width: Int) -> String { text.count > width ? String(text.prefix(width - 1)) + "…" : text }
    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func paint(_ text: String, green: Bool) -> String { colour ? "\u{1B}[\(green ? 32 : 31)m\(text)\u{1B}[0m" : text }
}

/// The terminal report, readable at 80 columns. Colour (ANSI) only when asked, i.e. on a TTY.
public struct TextReportRenderer {
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
        for figure in report.figures {
            out.append("")
            out.append(contentsOf: render(figure))
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

    func render(_ figure: FigureReport) -> [String] {
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
        if let target = figure.target, let met = figure.meetsTarget, let budget = figure.errorBudgetHours {
            let targetText = Format.target(Probability(up: target, down: figure.targetUnavailability ?? 1 - target))
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
                let row = "    " + Format.column(item.component, 30) + " " + Format.column(item.layer, 14) + " "
                    + Format.column(Format.duration(hours: item.downtimeHours), 10, right: true) + "  "
                    + Format.column(String(format: "%5.1f%%", item.share * 100), 6, right: true)
                lines.append(row)
            }
        }
        return lines
    }

    /// "  downtime: 9.14 min/month (1.85 h/year, 2.13 min/week, 18.3 s/day)": the figure's own
    /// period first, then other standard periods while the line fits in 80 columns.
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

    func clip(_ text: String, _ width: Int) -> String { text.count > width ? String(text.prefix(width - 1)) + "…" : text }
    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func paint(_ text: String, green: Bool) -> String { colour ? "\u{1B}[\(green ? 32 : 31)m\(text)\u{1B}[0m" : text }
}

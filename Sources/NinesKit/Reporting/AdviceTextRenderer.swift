/// `nines advise` as text, or Markdown for a pull-request comment: where the objective stands, the
/// ranked changes with the overrides that make each, the ceiling, and the sets that reach the target.
struct AdviceTextRenderer: ReportRenderer {
    public var markdown: Bool
    /// Suggestions listed (JSON lists all).
    public var top: Int

    public init(markdown: Bool = false, top: Int = 10) {
        self.markdown = markdown
        self.top = top
    }

    public func render(_ report: AdviceReport) -> String {
        var lines: [String] = []
        let per = "/\(report.period)"
        let title = "advise: \(report.system), objective \(report.objective) (\(report.measure))"
        lines.append(markdown ? "### nines \(title)" : title)
        if markdown { lines.append("") }
        if let overrides = Format.overrides(report.overrides) { lines.append(overrides + (markdown ? "  " : "")) }
        var now = "now \(percent(report.availability, report.unavailability)), downtime \(Format.duration(hours: report.downtimeHours))\(per)"
        if let target = report.target, let budget = report.errorBudgetHours {
            now += "; target \(Format.target(Probability(up: target, down: 1 - target))) allows \(Format.duration(hours: budget))\(per)"
            now += report.meetsTarget == true ? " (met)" : " (not met)"
        }
        lines.append(now + (markdown ? "  " : ""))
        let ceiling = report.ceiling
        var ceilingLine = "ceiling (every component we own perfect): \(percent(ceiling.availability, ceiling.unavailability)), "
            + "downtime \(Format.duration(hours: ceiling.downtimeHours))\(per)"
        if let reaches = ceiling.reachesTarget {
            ceilingLine += reaches ? "; the target is within reach" : "; no change to our own components reaches the target"
        }
        lines.append(ceilingLine)
        lines.append("")
        if report.suggestions.isEmpty {
            lines.append("no listed change saves downtime on this objective")
        } else {
            lines.append(markdown ? "| # | change | saves\(per) | of budget | availability | cost\(per) | overrides |"
                                  : "changes, most downtime saved first (saved\(per), share of budget, new availability):")
            if markdown { lines.append("|---|---|---|---|---|---|---|") }
            for item in report.suggestions.prefix(top) { lines.append(contentsOf: suggestion(item)) }
            if report.suggestions.count > top {
                lines.append("\(report.suggestions.count - top) more (--top \(report.suggestions.count) or --format json lists all)")
            }
        }
        if let ranking = report.costRanking {
            lines.append("")
            lines.append("most downtime saved per unit of cost (saved\(per) per 100\(per) spent):")
            for rank in ranking.prefix(top) {
                let item = report.suggestions[rank - 1]
                let value = item.downtimeSavedHoursPerCost.map { Format.duration(hours: $0 * 100) } ?? "free"
                lines.append((markdown ? "- " : "  ") + "\(rank). \(item.change): \(value)")
            }
        }
        lines.append("")
        lines.append(contentsOf: setLines("smallest set of changes", report.smallestSet, report.smallestSetOutcome,
                                          searched: report.smallestSetSearched, report: report))
        if report.suggestions.contains(where: { $0.costPerPeriod != nil }) {
            lines.append(contentsOf: setLines("cheapest set of changes", report.cheapestSet, report.cheapestSetOutcome,
                                              searched: report.cheapestSetSearched, report: report))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func suggestion(_ item: AdviceSuggestionReport) -> [String] {
        let share = item.budgetShare.map(SLAText.percent) ?? "–"
        let cost = item.costPerPeriod.map(OverrideText.decimal) ?? "–"
        let availability = percent(item.availability, item.unavailability)
        if markdown {
            let set = item.set.map { "`--set \(shellWord($0))`" }.joined(separator: " ")
            return ["| \(item.rank) | \(cell(item.change)) | \(Format.duration(hours: item.downtimeSavedHours)) | \(share) | \(availability) | \(cost) | \(set) |"]
        }
        var head = "\(Format.column("\(item.rank).", 4))\(item.change)"
        head += "\n      saves \(Format.duration(hours: item.downtimeSavedHours)), \(share) of budget → \(availability)"
        if let price = item.costPerPeriod { head += "; costs \(OverrideText.decimal(price))" }
        return [head, "      " + item.set.map { "--set " + shellWord($0) }.joined(separator: " ")]
    }

    private func setLines(_ name: String, _ set: AdviceSetReport?, _ outcome: AdviceReport.SetOutcome, searched: Int,
                          report: AdviceReport) -> [String] {
        let target = report.target.map { Format.target(Probability(up: $0, down: 1 - $0)) } ?? "the target"
        switch outcome {
        case .alreadyMet: return ["\(name): none needed, the objective meets \(target)"]
        case .notSearched:
            return report.target == nil ? ["\(name): no target to reach (give one with --target)"] : []
        case .noneReaches:
            return ["\(name): none of the \(searched) best changes, even all together, reaches \(target)"]
        case .reaches:
            guard let set else { return [] }
            var lines = ["\(name) reaching \(target): \(set.changes.count) → \(percent(set.availability, set.unavailability)), "
                         + "saves \(Format.duration(hours: set.downtimeSavedHours))/\(report.period)"
                         + (set.costPerPeriod.map { ", costs \(OverrideText.decimal($0))/\(report.period)" } ?? "")]
            lines += set.changes.map { (markdown ? "- " : "  - ") + $0 }
            // The overrides advise ran with come first: the set is advised on top of them.
            let command = "nines report \(report.sources.joined(separator: " ")) "
                + ((report.overrides ?? []) + set.set).map { "--set " + shellWord($0) }.joined(separator: " ")
            lines.append(markdown ? "\n`\(command)`\n" : "  " + command)
            return lines
        }
    }

    private func percent(_ up: Double, _ down: Double) -> String { Format.percent(Probability(up: up, down: down)) }

    /// An override as a shell word: quoted when it holds a space or a character the shell reads.
    private func shellWord(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_.=%/:".contains($0) } ? text : "'\(text)'"
    }

    private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

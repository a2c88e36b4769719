/// The sections of the HTML report, each a list of lines; formatting only (see `HTMLReportRenderer`).
struct HTMLReportSections {
    let report: AvailabilityReport

    static func escape(_ text: String) -> String { CheckJUnitRenderer.escape(text) }
    func e(_ text: String) -> String { Self.escape(text) }

    func percent(_ up: Double, _ down: Double) -> String { Format.percent(Probability(up: up, down: down)) }
    func hours(_ value: Double?) -> String { value.map { Format.duration(hours: $0) } ?? "unknown" }

    func header() -> [String] {
        var lines = ["<header>", "<h1>\(e(report.system))</h1>"]
        if let description = report.description { lines.append("<p class=\"meta\">\(e(description))</p>") }
        lines.append("<p class=\"meta\">Period: <strong>\(e(report.period))</strong> (\(e(hours(report.periodHours)))) · "
                     + "calendar: \(e(report.calendar)) · \(report.components.count) components</p>")
        lines.append("</header>")
        return lines
    }

    func objectives() -> [String] {
        var lines = ["<section id=\"objectives\">", "<h2>Objectives</h2>", "<div class=\"cards\">"]
        for (index, figure) in report.figures.enumerated() {
            let budget = report.picture?.figureBudgets[index]
            lines.append("<div class=\"card\(figure.kind == .system ? " system" : "")\">")
            let title = figure.kind == .system ? "Whole system" : figure.name
            lines.append("<h3>\(e(title)) <span class=\"muted small\">\(e(figure.kind == .system ? "every top-level component" : figure.measure))</span></h3>")
            lines.append("<div><span class=\"figure\">\(percent(figure.availability, figure.unavailability))</span>"
                         + "<span class=\"nines\">\(Format.nines(figure.nines)) nines</span> \(verdict(figure.meetsTarget))</div>")
            let sla = figure.kind == .objective ? report.sla?.first { $0.objective == figure.name } : nil
            lines.append(contentsOf: reasons(sla))
            if let budget { lines.append(contentsOf: budgetBar(budget, period: figure.period)) }
            lines.append("<dl>")
            if let users = figure.asUsersExperienceIt {
                let counted = users.excluded.map { "\($0.component) (\($0.responsibility))" }.joined(separator: ", ")
                lines.append("<dt>as users experience it</dt><dd>\(percent(users.availability, users.unavailability)), "
                             + "\(hours(users.downtimeHours)) per \(e(figure.period)), "
                             + (users.outagesPerYear.map { "outages \(e(Format.perYear($0))), " } ?? "")
                             + "counting \(e(counted)), "
                             + "which the promise leaves out</dd>")
            }
            if let target = figure.targetProbability {
                lines.append("<dt>target</dt><dd>\(Format.target(target))</dd>")
            }
            lines.append("<dt>downtime</dt><dd>\(hours(figure.downtimeHours)) per \(e(figure.period))</dd>")
            if let sla, let text = SLAText.degraded(sla) { lines.append("<dt>degraded</dt><dd>\(e(text))</dd>") }
            if let budget {
                let margin = budget.marginHours >= 0 ? "\(hours(budget.marginHours)) left" : "\(hours(-budget.marginHours)) over"
                lines.append("<dt>margin</dt><dd>\(margin)\(budget.marginShare.map { " (\(Format.share($0)) of the budget)" } ?? "")</dd>")
            }
            lines.append("<dt>MTBF</dt><dd>\(hours(figure.mtbfHours))</dd><dt>mean down time</dt><dd>\(hours(figure.meanDownTimeHours))</dd>")
            if figure.method != "exact" { lines.append("<dt>method</dt><dd>\(e(figure.method))</dd>") }
            lines.append("</dl>")
            let top = figure.contributors.prefix(3).filter { $0.downtimeHours > 0 }
            if !top.isEmpty {
                lines.append("<div class=\"small\"><strong>Top contributors</strong><ol>")
                for contributor in top {
                    lines.append("<li>\(e(contributor.shownName)) <span class=\"muted\">(\(e(contributor.layer)))</span>: "
                                 + "\(hours(contributor.downtimeHours)) per \(e(figure.period)), \(Format.share(contributor.share))</li>")
                }
                lines.append("</ol></div>")
            }
            lines.append("</div>")
        }
        lines += ["</div>", "</section>"]
        return lines
    }

    func verdict(_ meets: Bool?) -> String {
        switch meets {
        case true?: "<span class=\"verdict met\">objective met</span>"
        case false?: "<span class=\"verdict missed\">objective missed</span>"
        case nil: "<span class=\"verdict none\">no target</span>"
        }
    }

    /// Why a missed objective is missed, one line per reason (nothing when it is met).
    func reasons(_ sla: SLAReport?) -> [String] {
        guard let sla, sla.verdict?.met == false else { return [] }
        return ["<ul class=\"reasons small\">"] + SLAText.reasons(sla).map { "<li>\(e($0))</li>" } + ["</ul>"]
    }

    /// Downtime as a bar against the error budget, the budget a dark mark.
    func budgetBar(_ bar: BudgetBar, period: String) -> [String] {
        let width = 300.0
        let fill = bar.overBudget ? "#dc2626" : "#16a34a"
        let used = bar.usedShare.map { ", \(Format.share($0)) used" } ?? ""
        return ["<svg class=\"budget\" width=\"\(Int(width))\" height=\"34\" viewBox=\"0 0 \(Int(width)) 34\" role=\"img\" "
                + "aria-label=\"downtime \(e(hours(bar.downtimeHours))) against a budget of \(e(hours(bar.budgetHours)))\">",
                "<rect x=\"0\" y=\"4\" width=\"\(Int(width))\" height=\"14\" rx=\"3\" fill=\"#e2e8f0\"/>",
                "<rect x=\"0\" y=\"4\" width=\"\(String(format: "%.1f", width * bar.downtimeShare))\" height=\"14\" rx=\"3\" fill=\"\(fill)\"/>",
                "<line x1=\"\(String(format: "%.1f", width * bar.budgetShare - 1))\" y1=\"0\" x2=\"\(String(format: "%.1f", width * bar.budgetShare - 1))\" y2=\"22\" stroke=\"#0f172a\" stroke-width=\"2\"/>",
                "<text x=\"0\" y=\"32\" font-size=\"11\" fill=\"#475569\">\(e(hours(bar.downtimeHours))) of a \(e(hours(bar.budgetHours))) budget per \(e(period))\(used)</text>",
                "</svg>"]
    }

    func diagram() -> [String] {
        guard let layout = report.picture?.diagram else { return [] }
        var lines = ["<section id=\"diagram\">", "<h2>Stack diagram</h2>"]
        if layout.diagram.collapsed {
            lines.append("<p class=\"muted small\">\(Format.count(layout.diagram.componentCount)) components: too many for a box each, "
                         + "so each box stands for a layer (and, apart, its parts outside the SLA), with counts.</p>")
        }
        if let note = StackDiagramText.edgeNote(layout.diagram) { lines.append("<p class=\"muted small\">\(e(note)).</p>") }
        lines.append("<div class=\"diagram\">")
        lines.append(StackDiagramSVGRenderer(standalone: false).render(layout))
        lines += ["</div>", "</section>"]
        return lines
    }

    func slaPrediction() -> [String] {
        guard let sla = report.sla, !sla.isEmpty else { return [] }
        var lines = ["<section id=\"sla\">", "<h2>SLA prediction</h2>",
                     "<p class=\"muted small\">Each objective is a promise, judged by one rule everywhere: customer-responsible "
                     + "and out-of-scope components are left out of these figures (what they would cost, and the figure as users "
                     + "experience it with them, are listed beside them), and a missed RTO or RPO misses the objective.</p>",
                     "<table><thead><tr><th>objective</th><th>kind</th><th class=\"num\">target</th><th class=\"num\">predicted</th>"
                     + "<th class=\"num\">downtime</th><th class=\"num\">budget</th><th class=\"num\">margin</th><th>verdict</th><th>left out</th></tr></thead><tbody>"]
        for (index, item) in sla.enumerated() {
            let bar = report.picture?.slaBudgets[index]
            let target = item.targetProbability.map(Format.target) ?? "—"
            let margin = item.marginHours.map { $0 >= 0 ? "\(hours($0)) left" : "\(hours(-$0)) over" } ?? "—"
            let excluded = item.excluded.map { "\(e($0.component)) (\(e($0.responsibility)), \(hours($0.downtimeHours)))" }.joined(separator: "<br>")
            lines.append("<tr><td><strong>\(e(item.objective))</strong><br><span class=\"muted small\">\(e(item.measure))</span></td>"
                         + "<td>\(e(item.kind.uppercased()))</td><td class=\"num\">\(target)</td>"
                         + "<td class=\"num\">\(percent(item.availability, item.unavailability))</td>"
                         + "<td class=\"num\">\(hours(item.downtimeHours)) / \(e(item.period))</td>"
                         + "<td class=\"num\">\(item.errorBudgetHours.map { hours($0) } ?? "—")</td><td class=\"num\">\(margin)</td>"
                         + "<td>\(verdict(item.verdict?.met))\(reasons(item).joined())"
                         + "\(bar.map { (item.verdict?.met == false ? "" : "<br>") + budgetBar($0, period: item.period).joined() } ?? "")</td>"
                         + "<td class=\"small\">\(excluded.isEmpty ? "—" : excluded + users(item))</td></tr>")
        }
        lines += ["</tbody></table>", "</section>"]
        return lines
    }

    /// "<br>as users experience it, counting them: 99.897% (44.5 min per month, outages 14.2/y)"
    func users(_ item: SLAReport) -> String {
        guard let users = item.asUsersExperienceIt else { return "" }
        return "<br>as users experience it, counting them: \(percent(users.availability, users.unavailability)) "
            + "(\(hours(users.downtimeHours)) per \(e(item.period))"
            + (users.outagesPerYear.map { ", outages \(e(Format.perYear($0)))" } ?? "") + ")"
    }

    func recovery() -> [String] {
        guard let sla = report.sla, !sla.isEmpty else { return [] }
        var lines = ["<section id=\"recovery\">", "<h2>Recovery: RTO and RPO</h2>",
                     "<table><thead><tr><th>objective</th><th>RTO target</th><th>worst recovery</th><th>RPO target</th><th>worst data loss</th>"
                     + "<th>recovery per outage</th><th>notes</th></tr></thead><tbody>"]
        for item in sla {
            let rto = item.worstRTO.map { "\(hours($0.hours)) <span class=\"muted\">(\(e($0.component)), \(e($0.basis)))</span>" } ?? "—"
            let rpo = item.worstRPO.map { "\(hours($0.hours)) <span class=\"muted\">(\(e($0.component)), \(e($0.basis)))</span>" } ?? "—"
            var notes: [String] = []
            if !item.unknownRTO.isEmpty { notes.append("recovery time not modelled: " + e(Format.names(item.unknownRTO, limit: 8))) }
            if let unmonitored = item.unmonitored, !unmonitored.isEmpty {
                notes.append("unmonitored (no detect): " + e(Format.names(unmonitored, limit: 8)))
            }
            if !item.unprotected.isEmpty { notes.append("data with no replication or backups: " + e(Format.names(item.unprotected, limit: 8))) }
            var perOutage = "mean \(hours(item.meanRecoveryHours))"
            if let allowed = item.allowedRecoveryHours { perOutage += "; the target allows \(hours(allowed))" }
            lines.append("<tr><td><strong>\(e(item.objective))</strong></td>"
                         + "<td>\(item.rto.map { hours($0) } ?? "—") \(check(item.rtoHolds))</td><td>\(rto)</td>"
                         + "<td>\(item.rpo.map { hours($0) } ?? "—") \(check(item.rpoHolds))</td><td>\(rpo)</td>"
                         + "<td class=\"small\">\(perOutage)</td><td class=\"small\">\(notes.isEmpty ? "—" : notes.joined(separator: "<br>"))</td></tr>")
        }
        lines += ["</tbody></table>", "</section>"]
        return lines
    }

    func check(_ holds: Bool?) -> String {
        switch holds {
        case true?: "<span class=\"ok\">✓ met</span>"
        case false?: "<span class=\"fail\">✗ missed</span>"
        case nil: ""
        }
    }
}

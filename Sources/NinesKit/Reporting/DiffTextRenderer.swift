/// `nines diff` as text (or Markdown for a PR comment): per objective before → after, the cost of
/// each change on it, then the component changes field by field.
struct DiffTextRenderer {
    public var markdown: Bool

    public init(markdown: Bool = false) { self.markdown = markdown }

    public func render(_ report: DiffReport) -> String {
        let outcome = report.holds ? "✅ passes" : "❌ fails"
        var lines = [markdown ? "### nines diff: \(MarkdownText.code(report.old)) → \(MarkdownText.code(report.new)) — \(outcome)"
                              : "nines diff: \(report.old) → \(report.new)"]
        if markdown { lines.append("") }
        for objective in report.objectives {
            lines.append(bullet(0) + headline(objective))
            for item in objective.attributions {
                lines.append(bullet(1) + inert(Self.sentence(item, objective: objective)))
            }
        }
        if !report.attributed {
            lines.append(bullet(0) + "\(report.components.count) components changed: too many to price each change on its own")
        }
        if report.components.isEmpty {
            lines.append(bullet(0) + "no component changed")
        } else {
            lines.append(markdown ? "" : "components:")
            if markdown { lines.append("**Components**"); lines.append("") }
            for component in report.components {
                let fields = component.fields.map(DiffReportBuilder.describe).joined(separator: "; ")
                lines.append(bullet(markdown ? 0 : 1) + inert("\(component.name): \(component.change.rawValue)" + (fields.isEmpty ? "" : ": " + fields)))
            }
        }
        lines += gate(report)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict last, with each reason the command exits 1 for.
    func gate(_ report: DiffReport) -> [String] {
        let limit = report.allowedCostHours.map { Format.duration(hours: $0) }
        var lines = markdown ? [""] : []
        guard !report.holds else {
            let cost = limit.map { ", and no objective costs more than \($0) per period" } ?? ""
            return lines + [(markdown ? "**Passes**: " : "passes: ") + "no objective newly falls short" + cost]
        }
        let count = report.failures.count
        lines.append((markdown ? "**Fails**" : "fails") + " (\(count) reason\(count == 1 ? "" : "s")):")
        if markdown { lines.append("") }
        for failure in report.failures {
            lines.append(bullet(markdown ? 0 : 1) + sentence(failure, in: report))
        }
        return lines
    }

    /// One line per reason `nines diff` fails, plain text, for the log (stderr): "nines diff fails:
    /// submit-job: now falls short: 45 min/month of downtime against a budget of 43.2 min". Empty
    /// when it passes.
    public static func failureLines(_ report: DiffReport) -> [String] {
        let plain = DiffTextRenderer(markdown: false)
        return report.failures.map { "nines diff fails: " + plain.sentence($0, in: report) }
    }

    /// "submit-job: now falls short: worst RTO 1 h (job-queue, repair) exceeds rto 30 min"
    func sentence(_ failure: DiffFailure, in report: DiffReport) -> String {
        let objective = report.objectives.first { $0.name == failure.objective }
        let name = markdown ? "**\(inert(failure.objective))**" : failure.objective
        switch failure.reason {
        case .fallsShort:
            let was = objective?.before == nil ? " (a new objective)" : ""
            let why = objective?.after.map { SLAText.reasons($0).joined(separator: "; ") } ?? ""
            return "\(name): now falls short\(was)" + (why.isEmpty ? "" : ": " + inert(why))
        case .costsTooMuch:
            let period = objective?.period ?? "period"
            let delta = Format.duration(hours: objective?.deltaHours ?? 0)
            let limit = report.allowedCostHours.map { Format.duration(hours: $0) } ?? "allowed cost"
            return "\(name): costs \(delta)/\(period) more, over the \(limit)/\(period) allowed"
        }
    }

    /// "submit-job: 99.9712% → 99.9531%, 12.4 min → 24.8 min/month (+12.4 min)"
    func headline(_ o: ObjectiveDiff) -> String {
        let name = markdown ? "**\(inert(o.name))**" : o.name
        switch (o.before, o.after) {
        case (let b?, let a?):
            let delta = o.deltaHours ?? 0
            let change = delta == 0 ? "unchanged" : (delta > 0 ? "+" : "−") + Format.duration(hours: abs(delta))
            return "\(name): \(percent(b)) → \(percent(a)), \(Format.duration(hours: b.downtimeHours)) → "
                + "\(Format.duration(hours: a.downtimeHours))/\(o.period) (\(change))" + verdict(b, a)
        case (nil, let a?): return "\(name): new objective, \(percent(a)), \(Format.duration(hours: a.downtimeHours))/\(o.period)"
        case (let b?, nil): return "\(name): removed (was \(percent(b)), \(Format.duration(hours: b.downtimeHours))/\(o.period))"
        case (nil, nil): return name
        }
    }

    /// "changing postgres (replicas 2 → 1) costs 12.4 min/month on submit-job"
    public static func sentence(_ item: Attribution, objective: ObjectiveDiff) -> String {
        let verb = item.deltaHours > 0 ? "costs" : "saves"
        return "changing \(item.component) (\(item.change)) \(verb) \(Format.duration(hours: abs(item.deltaHours)))/\(objective.period) on \(objective.name)"
    }

    func verdict(_ before: SLAReport, _ after: SLAReport) -> String {
        switch (before.verdict?.met, after.verdict?.met) {
        case (true?, false?): return "; now falls short"
        case (false?, true?): return "; now holds"
        default: return ""
        }
    }

    func target(_ r: SLAReport) -> String {
        Format.target(r.targetProbability ?? Probability(up: 0, down: 1))
    }

    func percent(_ r: SLAReport) -> String { Format.percent(Probability(up: r.availability, down: r.unavailability)) }
    /// Model text (names, changed values) as Markdown shows it literally; as is in text.
    func inert(_ text: String) -> String { markdown ? MarkdownText.inline(text) : text }

    func bullet(_ depth: Int) -> String { markdown ? String(repeating: "  ", count: depth) + "- " : String(repeating: "  ", count: depth + 1) }
}

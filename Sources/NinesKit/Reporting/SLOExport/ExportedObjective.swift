/// An objective as SLO tools see it: a target over a rolling window, measured by PromQL. Built
/// once for every export format, so OpenSLO, sloth and the Prometheus rules agree on names and windows.
struct ExportedObjective {
    let objective: Objective
    let target: Probability
    /// A name valid where tools need a DNS label (RFC 1123: lowercase letters, digits and '-', at
    /// most 63): the objective's, lowercased, '_' as '-', made unique with a suffix when needed.
    let slug: String
    /// The objective's window, hours, and as a duration in days ("30d").
    let windowHours: Double
    let window: String
    let alerts: BurnRateAlerts

    /// The objectives with a target, in model order; `requireSLI` keeps only those with `sli:`.
    static func all(in model: SystemModel, requireSLI: Bool) -> [ExportedObjective] {
        var used = Set<String>()
        return model.objectives.compactMap { objective in
            guard let target = objective.target, !requireSLI || objective.sli != nil else { return nil }
            let hours = model.calendar.hours(in: objective.period ?? model.period)
            let base = slugged(objective.name)
            var slug = base, suffix = 2
            while !used.insert(slug).inserted {
                let tail = "-\(suffix)"
                slug = String(base.prefix(63 - tail.count)).trimmingSuffix("-") + tail
                suffix += 1
            }
            return ExportedObjective(objective: objective, target: target, slug: slug, windowHours: hours,
                                     window: duration(hours: hours), alerts: BurnRateAlerts(target: target, windowHours: hours))
        }
    }

    /// `name` as a DNS label: lowercase ASCII letters and digits, every other run of characters one '-'.
    static func slugged(_ name: String) -> String {
        var mapped = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                mapped.unicodeScalars.append(scalar)
            } else if !mapped.hasSuffix("-") {
                mapped += "-"
            }
        }
        while mapped.first == "-" { mapped.removeFirst() }
        var trimmed = Substring(mapped.prefix(63))
        while trimmed.first == "-" { trimmed = trimmed.dropFirst() }
        while trimmed.last == "-" { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? "objective" : String(trimmed)
    }

    /// Hours as a Prometheus / OpenSLO duration: whole days as "30d", else whole hours, else minutes.
    static func duration(hours: Double) -> String {
        if hours >= 24, (hours / 24).rounded() == hours / 24 { return "\(Int(hours / 24))d" }
        if hours.rounded() == hours { return "\(Int(hours))h" }
        return "\(Int((hours * 60).rounded()))m"
    }
}

private extension String {
    func trimmingSuffix(_ character: Character) -> String {
        var text = Substring(self)
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}

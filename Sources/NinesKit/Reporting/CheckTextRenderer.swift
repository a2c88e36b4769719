/// `nines check` for a terminal: one line per result (PASS/FAIL/WARN), details indented, a count.
struct CheckTextRenderer {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: CheckReport) -> String {
        var lines = ["nines check: \(report.system) (calendar: \(report.calendar)"
                     + (report.minMargin > 0 ? "; min margin \(SLAText.percent(report.minMargin)))" : ")")]
        if let overrides = Format.overrides(report.overrides) { lines.append(overrides) }
        for result in report.results {
            lines.append(label(result.status) + "  " + result.message)
            lines.append(contentsOf: result.details.map { "      " + $0 })
        }
        lines.append(CheckSummary.line(report))
        return lines.joined(separator: "\n") + "\n"
    }

    func label(_ status: CheckResult.Status) -> String {
        switch status {
        case .pass: return paint("PASS", code: 32)
        case .fail: return paint("FAIL", code: 31)
        case .warning: return paint("WARN", code: 33)
        }
    }

    func paint(_ text: String, code: Int) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}

/// The closing count every check format prints: "3 passed, 1 failed, 0 warnings: falls short".
enum CheckSummary {
    public static func line(_ report: CheckReport) -> String {
        "\(report.passed) passed, \(report.failed) failed, \(report.warnings) warning\(report.warnings == 1 ? "" : "s"): "
            + (report.holds ? "all objectives hold" : "falls short")
    }
}

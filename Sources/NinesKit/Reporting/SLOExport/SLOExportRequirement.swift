import Foundation

/// What every SLO export shares: the refusal when no objective can be exported, the header
/// comment naming what was left out, and how numbers are written.
enum SLOExportRequirement {
    /// Refuses, at the first objective (or the model), a model none of whose objectives has a target and an `sli:`.
    static func check(_ objectives: [ExportedObjective], model: SystemModel, format: String) throws(DiagnosticError) {
        guard objectives.isEmpty else { return }
        let message = "no objective has both a 'target' and an 'sli' (PromQL), which --format \(format) needs; "
            + "add e.g. 'sli: {good: http_requests_total{code!~\"5..\"}, total: http_requests_total}' to an objective (docs/operations.md)"
        if let first = model.objectives.first {
            throw DiagnosticError([Diagnostic(at: first.location, message, length: first.name.count)])
        }
        throw DiagnosticError([Diagnostic(message)])
    }

    /// A comment naming the model and the objectives left out (no target or no `sli:`).
    static func header(_ model: SystemModel, format: String) -> String {
        let skipped = model.objectives.filter { $0.target == nil || $0.sli == nil }.map(\.name)
        var lines = ["# \(format) from the nines model \(YAMLQuoted.comment(model.name)) (nines export)."]
        if !skipped.isEmpty {
            lines.append("# Not exported (no 'target' or no 'sli'): " + skipped.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shortest decimal that reads back as `value`, never in exponent form: "0.999", "14.4".
    static func number(_ value: Double) -> String {
        var text = String(format: "%.15f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if let short = [6, 8, 10, 12].lazy.map({ String(format: "%.\($0)f", value) }).first(where: { Double($0) == value }) {
            text = short
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

/// Writes a worksheet as YAML that `WorksheetReader` reads back to the same worksheet: fields in
/// `FailureModeField` order, text plain where YAML keeps it as is, double-quoted with escapes
/// everywhere else (line breaks, quotes, leading spaces, `#`, `: `, null words…).
package enum WorksheetYAMLWriter {
    /// Fields a scaffold shows empty for the workshop to fill; the scores are marked TO FILL.
    static let scaffoldFields: [FailureModeField] = [.function, .effectEndUser, .cause, .detectionControls,
                                                      .severity, .occurrence, .detection, .recommendedAction, .owner]

    /// - Parameters:
    ///   - modelReference: the `model:` line (path relative to the worksheet file).
    ///   - scaffold: show the empty fields of `scaffoldFields` with the scores marked TO FILL.
    public static func write(_ worksheet: FMEAWorksheet, system: String, modelReference: String, scaffold: Bool = false) -> String {
        var out = "# FMEA worksheet for \(oneLine(system)); format: docs/fmea.md\n"
        if scaffold {
            out += "# Scaffolded by 'nines fmea init': the failure modes are prompts; keep, reword or delete them.\n"
            out += "# Scores are 1-10 (severity, occurrence, detection: 10 is worst). Optional fields: "
                + FailureModeField.allCases.filter { !FailureModeField.required.contains($0) && !scaffoldFields.contains($0) && $0 != .layer }
                    .map(\.rawValue).joined(separator: ", ") + ".\n"
        }
        out += "version: 1\nmodel: \(scalar(modelReference))\n"
        if let scoring = worksheet.scoring { out += write(scoring) }
        if !worksheet.extraLayers.isEmpty { out += "fmea_layers: [" + worksheet.extraLayers.map(scalar).joined(separator: ", ") + "]\n" }
        out += "failure_modes:\n"
        var lastComponent: String?
        for mode in worksheet.failureModes {
            if scaffold && mode.component != lastComponent { out += "\n  # \(mode.component)\n" }
            lastComponent = mode.component
            var first = true
            for field in FailureModeField.allCases {
                let value = field.text(of: mode)
                guard value != nil || (scaffold && scaffoldFields.contains(field)) else { continue }
                out += (first ? "  - " : "    ") + field.rawValue + ":"
                first = false
                if let value { out += " " + scalar(value) } else if field.isScore { out += "   # TO FILL 1-10" }
                out += "\n"
            }
        }
        return out
    }

    static func write(_ scoring: FMEAScoring) -> String {
        switch scoring {
        case .rpnThresholds(let high, let medium):
            return "scoring:\n  rpn_thresholds: {high: \(high), medium: \(medium)}\n"
        case .actionPriority(let table):
            func band(_ range: ClosedRange<Int>) -> String {
                range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
            }
            var text = "scoring:\n  name: \(scalar(table.name))\n  action_priority:\n"
            for rule in table.rules {
                text += "    - {severity: \(band(rule.severity)), occurrence: \(band(rule.occurrence)), "
                    + "detection: \(band(rule.detection)), priority: \(rule.priority.rawValue)}\n"
            }
            return text
        }
    }

    /// A YAML scalar for `text`: plain when that reads back identically, else double-quoted.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if ["~", "null", "Null", "NULL"].contains(text) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}

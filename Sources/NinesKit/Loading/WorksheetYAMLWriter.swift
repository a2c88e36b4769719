/// Writes a worksheet as YAML that `WorksheetReader` reads back to the same worksheet: fields in
/// `FailureModeField` order, text plain where YAML keeps it as is, double-quoted with escapes
/// everywhere else (line breaks, quotes, leading spaces, `#`, `: `, null words…).
package enum WorksheetYAMLWriter {
    /// Fields a scaffold shows empty for the workshop to fill; the scores are marked TO FILL.
    static let scaffoldFields: [FailureModeField] = [.function, .effectEndUser, .cause, .detectionControls,
                                                      .severity, .occurrence, .detection, .recommendedAction, .owner]
    /// The comment a scaffold writes beside an empty score; dropped once the score is filled.
    static let toFill = "# TO FILL 1-10"

    /// - Parameters:
    ///   - modelReference: the `model:` line (path relative to the worksheet file).
    ///   - scaffold: show the empty fields of `scaffoldFields` with the scores marked TO FILL, and a
    ///     comment before each component's block.
    ///   - model: when given, a row's `layer` is left out where it is the default for its
    ///     component's model layer (the reader gives it back), unless the file being replaced
    ///     stated it (`layout.layerStated`).
    ///   - layout: how the file being replaced was written: its comments go back where they
    ///     were (its opening block replaces the generated one), except a scaffold's "TO FILL"
    ///     beside a score now filled, and the empty fields it wrote stay.
    ///   - notes: comment lines written before the row with that id (the scaffold's "also stands for …").
    public static func write(_ worksheet: FMEAWorksheet, system: String, modelReference: String, scaffold: Bool = false,
                             model: SystemModel? = nil, layout: WorksheetLayout = WorksheetLayout(),
                             notes: [String: [String]] = [:]) -> String {
        var out = ""
        if layout.opening.isEmpty {
            out += "# FMEA worksheet for \(oneLine(system)); format: docs/fmea.md\n"
            if scaffold {
                out += "# Scaffolded by 'nines fmea init': the failure modes are prompts; keep, reword or delete them.\n"
                out += "# Scores are 1-10 (severity, occurrence, detection: 10 is worst). Optional fields: "
                    + FailureModeField.allCases.filter { !FailureModeField.required.contains($0) && !scaffoldFields.contains($0) && $0 != .layer }
                        .map(\.rawValue).joined(separator: ", ") + ".\n"
            }
        } else {
            out += layout.opening.joined(separator: "\n") + "\n"
        }
        func key(_ name: String, _ text: String) {
            for line in layout.beforeKey[name] ?? [] { out += line + "\n" }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            if let comment = layout.endOfKeyLine[name], !lines.isEmpty { lines[0] += "  " + comment }
            out += lines.map { $0 + "\n" }.joined()
        }
        key("version", "version: 1\n")
        key("model", "model: \(scalar(modelReference))\n")
        if let scoring = worksheet.scoring { key("scoring", write(scoring)) }
        if !worksheet.extraLayers.isEmpty { key("fmea_layers", "fmea_layers: [" + worksheet.extraLayers.map(scalar).joined(separator: ", ") + "]\n") }
        if !worksheet.groups.isEmpty {
            key("fmea_groups", "fmea_groups:\n" + worksheet.groups.map { "  \($0.name): [" + $0.components.joined(separator: ", ") + "]\n" }.joined())
        }
        key("failure_modes", "failure_modes:\n")
        let modelLayers = Dictionary(model?.components.map { ($0.name, $0.layer) } ?? [], uniquingKeysWith: { first, _ in first })
        var lastComponent: String?
        for mode in worksheet.failureModes {
            if scaffold && mode.component != lastComponent { out += "\n  # \(mode.component)\n" }
            lastComponent = mode.component
            for line in (layout.beforeRow[mode.id] ?? []) + (notes[mode.id] ?? []) { out += "  " + line + "\n" }
            let implicitLayer = modelLayers[mode.component].map(FMEALayer.defaultLayer(forModelLayer:))
            var first = true
            for field in FailureModeField.allCases {
                var value = field.text(of: mode)
                if field == .layer && value == implicitLayer && !layout.layerStated.contains(mode.id) { value = nil }
                let keptEmpty = (scaffold && scaffoldFields.contains(field))
                    || layout.fieldsStated[mode.id]?.contains(field.rawValue) == true
                guard value != nil || keptEmpty else { continue }
                for line in layout.beforeField[mode.id]?[field.rawValue] ?? [] { out += "    " + line + "\n" }
                var name = field.rawValue
                if field == .component && mode.group == nil && mode.components.count > 1 {
                    name = WorksheetReader.componentsKey
                    value = "[" + mode.components.map(scalar).joined(separator: ", ") + "]"
                } else {
                    value = value.map(scalar)
                }
                out += (first ? "  - " : "    ") + name + ":"
                first = false
                let comment = layout.endOfLine[mode.id]?[field.rawValue]
                if let value {
                    out += " " + value
                } else if scaffold && field.isScore {
                    out += "   " + toFill
                }
                if let comment, !(value != nil && comment.hasPrefix(toFill)) {
                    out += (value == nil && comment == toFill ? "   " : "  ") + comment
                }
                out += "\n"
            }
        }
        if !layout.closing.isEmpty { out += "\n" + layout.closing.joined(separator: "\n") + "\n" }
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

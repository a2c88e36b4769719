import Foundation

/// One row of a worksheet as text, before validation: what a YAML entry or a CSV record gave
/// for each field, with where each value sits in its file.
struct FailureModeCells {
    struct Cell {
        var text: String
        var location: ModelLocation
    }

    var cells: [FailureModeField: Cell] = [:]
    /// The row's own position (the YAML entry, or the CSV record's first cell).
    var location: ModelLocation
    /// How messages name a field of this row: "'severity' of failure mode 'db-1'" or "row 4, column 'severity':".
    var describe: (FailureModeField) -> String
}

/// Turns the text of a row into a `FailureMode`, reporting each bad value where it is. Shared by
/// the YAML and the CSV readers so both accept and refuse exactly the same values.
struct FailureModeRowReader {
    let model: SystemModel
    /// FMEA layers a row may name: the built-in ones, the model's own and the worksheet's extras.
    let layers: [String]
    let diagnostics: DiagnosticCollector
    /// Position of each component name in the model (the first, as `SystemModel.component(named:)`
    /// finds it): a worksheet has several rows per component, and a scan per row made reading a
    /// 4,000-component worksheet take 2 s.
    private let componentIndex: [String: Int]

    /// The worksheet's named groups of components.
    let groups: [String: FailureModeGroup]

    init(model: SystemModel, extraLayers: [String], groups: [FailureModeGroup] = [], diagnostics: DiagnosticCollector) {
        self.groups = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.model = model
        var componentIndex: [String: Int] = [:]
        componentIndex.reserveCapacity(model.components.count)
        for (index, component) in model.components.enumerated() where componentIndex[component.name] == nil {
            componentIndex[component.name] = index
        }
        self.componentIndex = componentIndex
        var layers = FMEALayer.builtIn
        for layer in Layer.builtIn + model.layers.map(\.name) + extraLayers where !layers.contains(layer) { layers.append(layer) }
        self.layers = layers
        self.diagnostics = diagnostics
    }

    /// Reads every row, then refuses ids used twice (pointing at the second use).
    func readAll(_ rows: [FailureModeCells]) -> [FailureMode] {
        var seen: [String: ModelLocation] = [:]
        var result: [FailureMode] = []
        for row in rows {
            guard let mode = read(row) else { continue }
            if let first = seen[mode.id] {
                let cell = row.cells[.id]!
                diagnostics.error(cell.location, "\(row.describe(.id)) repeats id '\(mode.id)', first used at \(first); ids must be unique",
                                  length: mode.id.count)
                continue
            }
            seen[mode.id] = row.cells[.id]?.location ?? row.location
            result.append(mode)
        }
        return result
    }

    func read(_ row: FailureModeCells) -> FailureMode? {
        func text(_ field: FailureModeField) -> FailureModeCells.Cell? {
            guard let cell = row.cells[field], !cell.text.isEmpty else { return nil }
            return cell
        }
        func fail(_ field: FailureModeField, _ cell: FailureModeCells.Cell, expected: String, hint: String = "") {
            diagnostics.error(cell.location, "\(row.describe(field)) must be \(expected), found '\(Self.clip(cell.text))'\(hint)",
                              length: cell.text.count)
        }
        var missing = false
        for field in FailureModeField.required where text(field) == nil {
            diagnostics.error(row.cells[field]?.location ?? row.location, "\(row.describe(field)) is missing (\(Self.expectation(field)))")
            missing = true
        }
        if let cell = text(.id), !Self.isValidID(cell.text) {
            fail(.id, cell, expected: "an id of letters, digits, '-', '_' or '.' (up to 128 characters)")
            missing = true
        }
        var components: [Component] = []
        var group: String?
        if let cell = text(.component) {
            if let named = groups[cell.text.trimmingCharacters(in: .whitespaces)] {
                group = named.name
                components = named.components.compactMap { componentIndex[$0].map { model.components[$0] } }
            } else {
                components = readComponents(cell, row: row)
            }
            if components.isEmpty { missing = true }
        }
        guard !missing, let id = text(.id)?.text, let mode = text(.failureMode)?.text, let component = components.first else { return nil }

        var layer = FMEALayer.defaultLayer(forModelLayer: component.layer)
        if let cell = text(.layer) {
            if layers.contains(cell.text) {
                layer = cell.text
            } else {
                fail(.layer, cell, expected: "an FMEA layer (" + FMEALayer.builtIn.joined(separator: ", ") + ", or one under 'fmea_layers')",
                     hint: Suggestion.hint(for: cell.text, in: layers))
            }
        }
        var result = FailureMode(id: id, components: components.map(\.name), layer: layer, mode: mode, location: row.location)
        result.group = group
        result.function = text(.function)?.text
        result.effectLocal = text(.effectLocal)?.text
        result.effectEndUser = text(.effectEndUser)?.text
        result.cause = text(.cause)?.text
        result.prevention = text(.prevention)?.text
        result.detectionControls = text(.detectionControls)?.text
        result.recommendedAction = text(.recommendedAction)?.text
        result.owner = text(.owner)?.text
        result.notes = text(.notes)?.text

        func score(_ field: FailureModeField) -> Int? {
            guard let cell = text(field) else { return nil }
            guard let value = QuantityParser.integer(cell.text), Scores.range.contains(value) else {
                fail(field, cell, expected: "a whole number from 1 to 10")
                return nil
            }
            return value
        }
        result.severity = score(.severity)
        result.occurrence = score(.occurrence)
        result.detection = score(.detection)
        result.severityAfter = score(.severityAfter)
        result.occurrenceAfter = score(.occurrenceAfter)
        result.detectionAfter = score(.detectionAfter)

        func choice<T: RawRepresentable & CaseIterable>(_ field: FailureModeField, _ type: T.Type) -> T? where T.RawValue == String {
            guard let cell = text(field) else { return nil }
            if let value = T(rawValue: cell.text) { return value }
            let names = T.allCases.map(\.rawValue)
            fail(field, cell, expected: "one of " + names.map { "'\($0)'" }.joined(separator: ", "), hint: Suggestion.hint(for: cell.text, in: names))
            return nil
        }
        result.treatment = choice(.treatment, Treatment.self)
        result.status = choice(.status, Status.self)

        if let cell = text(.due) {
            if Self.isISODate(cell.text) { result.due = cell.text } else { fail(.due, cell, expected: "a date as YYYY-MM-DD") }
        }
        if let cell = text(.rate) {
            switch QuantityParser.rate(cell.text) {
            case .success(let value): result.rate = Stated(text: cell.text, value: value)
            case .failure(let failure): fail(.rate, cell, expected: failure.expected)
            }
        }
        if let cell = text(.outage) {
            if cell.text == Outage.untilRepairedText {
                if let unrepaired = components.first(where: { $0.figures.mttr == nil }) {
                    diagnostics.error(cell.location, "\(row.describe(.outage)) is 'until-repaired' but component '\(unrepaired.name)' "
                                      + "has no 'mttr' in the model; give a duration such as '30m'", length: cell.text.count)
                } else {
                    result.outage = .untilRepaired
                }
            } else {
                switch QuantityParser.duration(cell.text, positive: true) {
                case .success(let hours): result.outage = .duration(Stated(text: cell.text, value: hours))
                case .failure(let failure): fail(.outage, cell, expected: failure.expected + " or 'until-repaired'")
                }
            }
        }
        if let cell = text(.effectProbability) {
            switch QuantityParser.fraction(cell.text) {
            case .success(let p): result.effectProbability = Stated(text: cell.text, value: p.up)
            case .failure(let failure): fail(.effectProbability, cell, expected: failure.expected)
            }
        }
        for (given, needed) in [(FailureModeField.rate, FailureModeField.outage), (.outage, .rate)] {
            if let cell = text(given), text(needed) == nil {
                diagnostics.error(cell.location, "\(row.describe(given)) is given without '\(needed.rawValue)'; "
                                  + "a quantified failure mode needs both a rate (e.g. '2/y') and an outage duration (e.g. '45m' or 'until-repaired')")
            }
        }
        return result
    }

    /// The components a row names: one, or several separated by commas ("app-1, app-2"; the YAML
    /// list `components: [app-1, app-2]` arrives joined so). Empty after reporting a name that is
    /// unknown or repeated.
    func readComponents(_ cell: FailureModeCells.Cell, row: FailureModeCells) -> [Component] {
        var found: [Component] = []
        var failed = false
        for part in cell.text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let index = componentIndex[name] else {
                let what = name.isEmpty ? "an empty component name in '\(Self.clip(cell.text))'" : "unknown component '\(Self.clip(name))'"
                let hint = groups[name] != nil ? "; a group stands alone in 'component' (list its members instead)"
                    : name.isEmpty ? "; separate several components with commas"
                    : Suggestion.hint(for: name, in: model.components.map(\.name) + groups.keys.sorted())
                diagnostics.error(cell.location, "\(row.describe(.component)) names \(what)" + hint, length: cell.text.count)
                failed = true
                continue
            }
            if found.contains(where: { $0.name == name }) {
                diagnostics.error(cell.location, "\(row.describe(.component)) names '\(name)' twice", length: cell.text.count)
                failed = true
                continue
            }
            found.append(model.components[index])
        }
        return failed ? [] : found
    }

    static func expectation(_ field: FailureModeField) -> String {
        switch field {
        case .id: return "a unique id such as 'db-1'"
        case .component: return "the name of a component of the model"
        default: return "what can go wrong, e.g. 'primary crashes'"
        }
    }

    static func isValidID(_ id: String) -> Bool {
        id.count <= 128 && id.unicodeScalars.allSatisfy {
            $0 == "-" || $0 == "_" || $0 == "." || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }

    /// A real calendar date written YYYY-MM-DD.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    static func clip(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: "\\n")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }
}

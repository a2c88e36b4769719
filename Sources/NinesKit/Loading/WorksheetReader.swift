/// Reads an FMEA worksheet from YAML: a separate file (`model:` + `failure_modes:`) or the
/// `failure_modes:` section of a model file. See docs/fmea.md for the format.
struct WorksheetReader {
    let file: String
    let model: SystemModel
    let diagnostics: DiagnosticCollector

    static let worksheetKeys = ["version", "model", "failure_modes", "scoring", "fmea_layers", "fmea_groups"]
    /// Keys a model file may carry for its worksheet (ModelDocumentReader skips them).
    static let embeddedKeys = ["failure_modes", "scoring", "fmea_layers", "fmea_groups"]

    /// - Parameter embedded: the file is the model itself, so its other keys belong to the model.
    func read(_ root: YAMLValue, embedded: Bool) -> FMEAWorksheet {
        guard let top = MappingReader(root, context: embedded ? "the model" : "the worksheet", diagnostics: diagnostics) else {
            return FMEAWorksheet(failureModes: [])
        }
        var worksheet = FMEAWorksheet(failureModes: [])
        if !embedded {
            if let version = top.scalar("version", expected: "the format version, 1"), version.text != "1" {
                diagnostics.error(version.location, "unsupported worksheet format version '\(version.clipped)'; this nines reads version 1")
            }
            worksheet.modelReference = top.string("model", required: true)
        }
        if let layers = top.value("fmea_layers") { worksheet.extraLayers = readLayerNames(layers) }
        if let scoring = top.value("scoring") { worksheet.scoring = readScoring(scoring) }
        if let groups = top.value("fmea_groups") { worksheet.groups = readGroups(groups) }
        let rowReader = FailureModeRowReader(model: model, extraLayers: worksheet.extraLayers, groups: worksheet.groups,
                                             diagnostics: diagnostics)
        if let modes = top.value("failure_modes") {
            worksheet.failureModes = rowReader.readAll(readRows(modes))
        } else if !embedded {
            top.missing("failure_modes", expected: "a list of failure modes")
        }
        if !embedded { top.rejectUnknownKeys(known: Self.worksheetKeys) }
        return worksheet
    }

    /// `fmea_layers: [vendor, people]`: names as for components.
    private func readLayerNames(_ value: YAMLValue) -> [String] {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(value.location, "'fmea_layers' must be a list of layer names, found \(value.kindDescription)")
            return []
        }
        var names: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item, NameRules.isValid(scalar.text) else {
                diagnostics.error(item.location, "'fmea_layers' must list layer names, found \(item.kindDescription); " + NameRules.explanation)
                continue
            }
            if !names.contains(scalar.text) { names.append(scalar.text) }
        }
        return names
    }

    /// `fmea_groups: {app-servers: [app-1, app-2, app-3]}`: names for components a row takes down
    /// together; a name may not be a component's, and every member must be one.
    private func readGroups(_ value: YAMLValue) -> [FailureModeGroup] {
        guard let fields = MappingReader(value, context: "'fmea_groups'", diagnostics: diagnostics) else { return [] }
        let names = model.components.map(\.name)
        var groups: [FailureModeGroup] = []
        for (key, _) in fields.entries {
            guard NameRules.isValid(key.text), !names.contains(key.text) else {
                diagnostics.error(key.location, "group '\(key.clipped)' in 'fmea_groups' "
                                  + (NameRules.isValid(key.text) ? "has the name of a component; name the group otherwise" : "is no valid name; " + NameRules.explanation),
                                  length: key.text.count)
                continue
            }
            guard let members = fields.nameList(key.text, required: true), !members.isEmpty else {
                diagnostics.error(key.location, "group '\(key.clipped)' in 'fmea_groups' must list its components, e.g. [app-1, app-2]")
                continue
            }
            var failed = false
            for member in members where !names.contains(member.name) {
                diagnostics.error(member.location, "group '\(key.clipped)' in 'fmea_groups' names unknown component '\(member.name)'"
                                  + Suggestion.hint(for: member.name, in: names), length: member.name.count)
                failed = true
            }
            if Set(members.map(\.name)).count != members.count {
                diagnostics.error(key.location, "group '\(key.clipped)' in 'fmea_groups' names a component twice")
                failed = true
            }
            if !failed { groups.append(FailureModeGroup(name: key.text, components: members.map(\.name))) }
        }
        return groups
    }

    private func readRows(_ value: YAMLValue) -> [FailureModeCells] {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(value.location, "'failure_modes' must be a list of failure modes (entries starting with '- id:'), found \(value.kindDescription)")
            return []
        }
        var rows: [FailureModeCells] = []
        for (index, item) in items.enumerated() {
            let label = "failure mode \(index + 1)"
            guard let fields = MappingReader(item, context: label, diagnostics: diagnostics) else { continue }
            var name = label
            if case .scalar(let id)? = fields.entries.first(where: { $0.key.text == "id" })?.value, !id.isNull { name = "failure mode '\(id.clipped)'" }
            var row = FailureModeCells(location: fields.location, describe: { [name] field in "'\(field.rawValue)' of \(name)" })
            // One pass over the entry's keys (worksheets can be long; no per-field search).
            for (key, value) in fields.entries {
                if key.text == Self.componentsKey {
                    if let cell = readComponentList(value, of: name, replacing: row.cells[.component]) { row.cells[.component] = cell }
                    continue
                }
                guard let field = FailureModeField(rawValue: key.text) else {
                    diagnostics.error(key.location, "unknown field '\(key.clipped)' in \(label)"
                                      + Suggestion.hint(for: key.text, in: FailureModeField.allCases.map(\.rawValue) + [Self.componentsKey]),
                                      length: key.text.count)
                    continue
                }
                guard case .scalar(let scalar) = value else {
                    diagnostics.error(value.location, "'\(field.rawValue)' of \(name) must be text, found \(value.kindDescription)")
                    continue
                }
                if scalar.isNull { continue }
                if field == .component, row.cells[.component] != nil {
                    diagnostics.error(key.location, "\(name) gives both 'component' and 'components'; give one")
                    continue
                }
                // Quoted scalars come back tagged as strings; every worksheet value is text, so only other tags are refused.
                if let tag = scalar.explicitTag, tag != "tag:yaml.org,2002:str" {
                    diagnostics.error(scalar.location, "'\(field.rawValue)' of \(name) has a YAML tag '\(tag)'; tags are not supported")
                    continue
                }
                row.cells[field] = FailureModeCells.Cell(text: scalar.text, location: scalar.location)
            }
            rows.append(row)
        }
        return rows
    }

    /// `components: [app-1, app-2]` in YAML: several components one occurrence takes down
    /// together. They become the `component` cell as the CSV column writes them ("app-1, app-2").
    private func readComponentList(_ value: YAMLValue, of name: String, replacing existing: FailureModeCells.Cell?) -> FailureModeCells.Cell? {
        if existing != nil {
            diagnostics.error(value.location, "\(name) gives both 'component' and 'components'; give one")
            return nil
        }
        guard case .sequence(let items, let location) = value, !items.isEmpty else {
            diagnostics.error(value.location, "'\(Self.componentsKey)' of \(name) must be a list of component names such as "
                              + "[app-1, app-2], found \(value.kindDescription)")
            return nil
        }
        var names: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.isNull, !scalar.text.contains(",") else {
                diagnostics.error(item.location, "'\(Self.componentsKey)' of \(name) must list component names, found \(item.kindDescription)")
                return nil
            }
            names.append(scalar.text)
        }
        return FailureModeCells.Cell(text: names.joined(separator: ", "), location: location)
    }

    /// The YAML key of a row about several components (the CSV keeps them in `component`).
    static let componentsKey = "components"

    /// `scoring:` holds either `action_priority:` (a team's own table, first matching rule wins)
    /// or `rpn_thresholds: {high: 200, medium: 80}`.
    private func readScoring(_ value: YAMLValue) -> FMEAScoring? {
        guard let fields = MappingReader(value, context: "'scoring'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["name", "action_priority", "rpn_thresholds"]) }
        let name = fields.string("name")
        switch (fields.value("action_priority"), fields.value("rpn_thresholds")) {
        case (let table?, nil):
            return readTable(table, name: name ?? "custom")
        case (nil, let thresholds?):
            guard let limits = MappingReader(thresholds, context: "'rpn_thresholds'", diagnostics: diagnostics) else { return nil }
            defer { limits.rejectUnknownKeys(known: ["high", "medium"]) }
            let high = limits.integer("high", in: 1...1000, required: true)
            let medium = limits.integer("medium", in: 1...1000, required: true)
            guard let high, let medium else { return nil }
            if medium > high {
                diagnostics.error(limits.location, "'rpn_thresholds' has medium \(medium) above high \(high); medium must be ≤ high")
                return nil
            }
            return .rpnThresholds(high: high, medium: medium)
        case (.some, .some):
            diagnostics.error(fields.location, "'scoring' gives both 'action_priority' and 'rpn_thresholds'; give one")
            return nil
        case (nil, nil):
            fields.missing("action_priority", expected: "a list of rules, or 'rpn_thresholds' with 'high' and 'medium'")
            return nil
        }
    }

    private func readTable(_ value: YAMLValue, name: String) -> FMEAScoring? {
        guard case .sequence(let items, let location) = value, !items.isEmpty else {
            diagnostics.error(value.location, "'action_priority' of 'scoring' must be a non-empty list of rules such as "
                              + "{severity: 9-10, occurrence: 1-10, detection: 1-10, priority: H}, found \(value.kindDescription)")
            return nil
        }
        var rules: [ActionPriorityTable.Rule] = []
        var failed = false
        for (index, item) in items.enumerated() {
            guard let fields = MappingReader(item, context: "rule \(index + 1) of 'action_priority'", diagnostics: diagnostics) else {
                failed = true
                continue
            }
            defer { fields.rejectUnknownKeys(known: ["severity", "occurrence", "detection", "priority"]) }
            let bands = ["severity", "occurrence", "detection"].map { key in
                fields.parsed(key, required: true, expected: "a rating or a band such as '7-10'", Self.band)
            }
            let priority = fields.choice("priority", as: ActionPriority.self)
            if priority == nil && !fields.has("priority") { fields.missing("priority", expected: "H, M or L") }
            guard let s = bands[0], let o = bands[1], let d = bands[2], let priority else {
                failed = true
                continue
            }
            rules.append(.init(severity: s, occurrence: o, detection: d, priority: priority))
        }
        guard !failed else { return nil }
        let table = ActionPriorityTable(name: name, rules: rules)
        if let gap = table.firstUncovered {
            diagnostics.error(location, "the 'action_priority' table covers no rule for severity \(gap.severity), occurrence "
                              + "\(gap.occurrence), detection \(gap.detection); every combination of 1–10 needs a rule (end with a catch-all)")
            return nil
        }
        return .actionPriority(table)
    }

    /// "7", "7-10" or "7–10" within 1–10.
    static func band(_ text: String) -> Result<ClosedRange<Int>, QuantityParser.Failure> {
        let failure = QuantityParser.Failure("a rating 1–10 or a band such as '7-10'")
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return .failure(failure) }
        let numbers = parts.map { QuantityParser.integer(String($0)) }
        guard let low = numbers.first!, let high = numbers.last!, Scores.range.contains(low), Scores.range.contains(high), low <= high else {
            return .failure(failure)
        }
        return .success(low...high)
    }
}

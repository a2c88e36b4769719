import Foundation

/// Reads an incident log: CSV with a header naming `component`, `start` and `end` (required) and
/// `id`, `cause`, `customer_impact` (optional), in any order, one outage a row. Every problem is
/// reported at once at its row and column: unknown or repeated columns, ragged rows, components
/// the model does not have, timestamps without a zone or in another clock format, ends before starts.
package enum IncidentLogReader {
    package enum Column: String, CaseIterable, Sendable {
        case id, component, start, end, cause
        case customerImpact = "customer_impact"
    }

    static let required: [Column] = [.component, .start, .end]

    /// Reads the log at `path` against the components of `model`.
    public static func load(_ path: String, model: SystemModel, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> [Incident] {
        let text: String
        switch SourceFile.read(path, options: options) {
        case .success(let read): text = read
        case .failure(let error): throw error
        }
        let file = SourceFile.displayName(path)
        do {
            return try read(text, file: file, components: model.components.map(\.name))
        } catch {
            throw error.quoting([(file, text)])
        }
    }

    /// Reads CSV text (`file` names it in messages); `components` are the names an incident may name.
    public static func read(_ text: String, file: String, components: [String]) throws(DiagnosticError) -> [Incident] {
        let table: CSVTable
        switch CSVTable.parse(text, file: file, delimiter: CSVTable.detectDelimiter(text)) {
        case .success(let parsed): table = parsed
        case .failure(let error): throw error
        }
        let expected = "expected a header row naming " + required.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            + " (and optionally 'id', 'cause', 'customer_impact')"
        guard let header = table.records.first, !(header.count == 1 && header[0].text.isEmpty) else {
            throw DiagnosticError([Diagnostic(at: ModelLocation(file: file, line: 1, column: 1), "the incident log is empty; \(expected)")])
        }
        let collector = DiagnosticCollector()
        var columns: [Column?] = []
        var seen: [Column: ModelLocation] = [:]
        let names = Column.allCases.map(\.rawValue)
        for cell in header {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = Column(rawValue: name) else {
                collector.error(cell.location, "unknown column '\(FailureModeRowReader.clip(cell.text))'"
                                + Suggestion.hint(for: name, in: names) + "; known columns: " + names.joined(separator: ", "),
                                length: max(1, cell.text.count))
                columns.append(nil)
                continue
            }
            if let first = seen[column] {
                collector.error(cell.location, "column '\(name)' appears twice; first at \(first)", length: max(1, cell.text.count))
            }
            seen[column] = seen[column] ?? cell.location
            columns.append(column)
        }
        for column in required where seen[column] == nil {
            collector.error(header[0].location, "the header has no '\(column.rawValue)' column; \(expected)", length: 1)
        }
        guard !collector.hasErrors else { throw DiagnosticError(collector.diagnostics) }
        let known = Set(components)
        var incidents: [Incident] = []
        for (offset, record) in table.records.dropFirst().enumerated() {
            let row = offset + 2
            if record.count == 1 && record[0].text.trimmingCharacters(in: .whitespaces).isEmpty { continue }   // blank line
            guard record.count == columns.count else {
                collector.error(record[0].location, "row \(row) has \(record.count) fields; the header has \(columns.count)")
                continue
            }
            var cells: [Column: CSVTable.Field] = [:]
            for (column, cell) in zip(columns, record) { if let column { cells[column] = cell } }
            func text(_ column: Column) -> String? {
                cells[column].map { CSVFormulaGuard.unguarded($0.text.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func time(_ column: Column) -> Double? {
                guard let cell = cells[column] else { return nil }
                guard let value = text(column) else {
                    collector.error(cell.location, "row \(row): '\(column.rawValue)' is empty; write an ISO 8601 time with its zone, e.g. '2026-03-01T14:05:00Z'")
                    return nil
                }
                switch IncidentTimestamp.parse(value) {
                case .success(let seconds): return seconds
                case .failure(let problem):
                    collector.error(cell.location, "row \(row): '\(column.rawValue)' '\(FailureModeRowReader.clip(value))' \(problem.explanation)",
                                    length: max(1, cell.text.count))
                    return nil
                }
            }
            let component = text(.component)
            if let cell = cells[.component] {
                if let component, !known.contains(component) {
                    collector.error(cell.location, "row \(row): unknown component '\(FailureModeRowReader.clip(component))'"
                                    + Suggestion.hint(for: component, in: components), length: max(1, cell.text.count))
                } else if component == nil {
                    collector.error(cell.location, "row \(row): 'component' is empty; name a component of the model")
                }
            }
            let start = time(.start), end = time(.end)
            if let start, let end, end < start, let cell = cells[.end] {
                collector.error(cell.location, "row \(row): the incident ends before it starts ('end' is \(Self.hours(start - end)) before 'start')",
                                length: max(1, cell.text.count))
            }
            guard let component, known.contains(component), let start, let end, end >= start else { continue }
            incidents.append(Incident(component: component, start: start, end: end, id: text(.id), cause: text(.cause),
                                      customerImpact: text(.customerImpact), location: record[0].location))
        }
        guard !collector.hasErrors else { throw DiagnosticError(collector.diagnostics) }
        return incidents
    }

    private static func hours(_ seconds: Double) -> String {
        seconds >= 3600 ? "\(Double(Int(seconds / 360)) / 10) h" : "\(Int(seconds / 60)) min"
    }
}

extension IncidentLogReader {
    /// A `--since` or `--until` time, parsed like the log's: seconds since the epoch.
    public static func time(_ text: String, option: String) throws(DiagnosticError) -> Double {
        switch IncidentTimestamp.parse(text) {
        case .success(let seconds): return seconds
        case .failure(let problem): throw DiagnosticError([Diagnostic("\(option) '\(text)' \(problem.explanation)")])
        }
    }

    /// The observation window: the options' times, else from the first start to the last end in the log.
    public static func window(_ incidents: [Incident], since: Double?, until: Double?) throws(DiagnosticError) -> (since: Double, until: Double) {
        guard let since = since ?? incidents.map(\.start).min(), let until = until ?? incidents.map(\.end).max() else {
            throw DiagnosticError([Diagnostic("the incident log has no incidents; give the window it covers with --since and --until")])
        }
        guard until > since else {
            throw DiagnosticError([Diagnostic("the observation window is empty: --until (\(IncidentTimestamp.format(until))) "
                                              + "is not after --since (\(IncidentTimestamp.format(since)))")])
        }
        return (since, until)
    }
}

/// The spreadsheet form of a worksheet's failure modes: one header row with the column names of
/// `FailureModeField` in their fixed order, one row per failure mode. Reading accepts the columns
/// in any order and any subset that includes the required ones, and refuses unknown or repeated
/// columns, ragged rows and bad values, each with its row and column name. Cells that a spreadsheet
/// would run as a formula are written with a leading `'` and read without it (`CSVFormulaGuard`).
package enum WorksheetCSV {
    public static func export(_ worksheet: FMEAWorksheet) -> String {
        let fields = FailureModeField.allCases
        var text = CSVTable.line(fields.map(\.rawValue))
        for mode in worksheet.failureModes {
            text += CSVTable.line(fields.map { CSVFormulaGuard.guarded($0.text(of: mode) ?? "") })
        }
        return text
    }

    /// The columns that hold a decimal number (with a unit): where a spreadsheet writes the comma
    /// as the decimal mark, `0,5/y` in them means `0.5/y`.
    static let decimalColumns: Set<FailureModeField> = [.rate, .outage, .effectProbability]

    /// Reads failure modes from CSV text, validated against `model` like a YAML worksheet.
    /// - Parameters:
    ///   - delimiter: the field separator; nil to detect it from the header
    ///     (`CSVTable.detectDelimiter`: a comma, semicolon or tab).
    ///   - decimalComma: whether a comma in `decimalColumns` is the decimal mark; nil to take it so
    ///     when the separator is a semicolon (what a spreadsheet writes where the comma is the
    ///     decimal mark, and a comma can then be nothing else in a number).
    public static func read(_ text: String, file: String, model: SystemModel, extraLayers: [String] = [],
                            groups: [FailureModeGroup] = [], delimiter: Unicode.Scalar? = nil,
                            decimalComma: Bool? = nil) throws(DiagnosticError) -> [FailureMode] {
        let table: CSVTable
        let delimiter = delimiter ?? CSVTable.detectDelimiter(text)
        let decimalComma = decimalComma ?? (delimiter == ";")
        switch CSVTable.parse(text, file: file, delimiter: delimiter) {
        case .success(let parsed): table = parsed
        case .failure(let error): throw error
        }
        let start = ModelLocation(file: file, line: 1, column: 1)
        guard let header = table.records.first, !(header.count == 1 && header[0].text.isEmpty) else {
            throw DiagnosticError([Diagnostic(at: start, "the CSV file is empty; expected a header row with "
                                              + FailureModeField.required.map { "'\($0.rawValue)'" }.joined(separator: ", ") + " and the other columns")])
        }
        let collector = DiagnosticCollector()
        var columns: [FailureModeField?] = []
        var seen: [FailureModeField: ModelLocation] = [:]
        let names = FailureModeField.allCases.map(\.rawValue)
        var unknown = 0
        for cell in header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            guard let field = FailureModeField(rawValue: name) else {
                // The known columns are listed once, and only the errors a user will see get a "did
                // you mean": a header of 16,000 unknown columns stays linear and cheap.
                unknown += 1
                let hint = unknown <= 100 ? Suggestion.hint(for: name, in: names) : ""
                collector.error(cell.location, "row 1: unknown column '\(FailureModeRowReader.clip(cell.text))'"
                                + hint + (unknown == 1 ? "; known columns: " + names.joined(separator: ", ") : ""),
                                length: max(1, cell.text.count))
                columns.append(nil)
                continue
            }
            if let first = seen[field] {
                collector.error(cell.location, "row 1: column '\(name)' appears twice (first at column \(first.column))", length: name.count)
            }
            seen[field] = cell.location
            columns.append(field)
        }
        for field in FailureModeField.required where seen[field] == nil {
            collector.error(start, "row 1: the header has no column '\(field.rawValue)', which every worksheet needs")
        }
        if collector.hasErrors { throw DiagnosticError(collector.diagnostics) }

        var rows: [FailureModeCells] = []
        for (offset, record) in table.records.enumerated().dropFirst() {
            let number = offset + 1
            // A blank line, or a row of empty cells (spreadsheets export those below the data).
            if record.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) { continue }
            guard record.count == header.count else {
                collector.error(record.last?.location ?? start, "row \(number) has \(record.count) field\(record.count == 1 ? "" : "s") "
                                + "but the header has \(header.count) columns; check for an unquoted \(describe(delimiter)) or a missing cell")
                continue
            }
            var row = FailureModeCells(location: record[0].location, describe: { field in "row \(number), column '\(field.rawValue)'" })
            for (column, cell) in zip(columns, record) {
                guard let column else { continue }
                // Spreadsheets end lines inside a cell with CRLF; the worksheet's prose uses LF.
                var text = CSVFormulaGuard.unguarded(cell.text).replacingOccurrences(of: "\r\n", with: "\n")
                if decimalComma && decimalColumns.contains(column) { text = decimalPoint(text, in: column) }
                if let problem = YAMLTextPolicy.problem(in: text, multiLine: YAMLTextPolicy.multiLineKeys.contains(column.rawValue)) {
                    collector.error(cell.location, "row \(number), column '\(column.rawValue)' \(problem)")
                    continue
                }
                row.cells[column] = FailureModeCells.Cell(text: text, location: cell.location)
            }
            rows.append(row)
        }
        let modes = FailureModeRowReader(model: model, extraLayers: extraLayers, groups: groups, diagnostics: collector).readAll(rows)
        if collector.hasErrors { throw DiagnosticError(collector.diagnostics) }
        return modes
    }

    /// `0,5/y` as `0.5/y`: a number's one comma becomes its decimal point when the result is a
    /// valid value of `column`. Anything else (a point as well, more than one comma: a thousands
    /// separator is not guessed at; a bad unit) is left as written, so it is refused quoting the
    /// value the user wrote.
    static func decimalPoint(_ text: String, in column: FailureModeField) -> String {
        guard !text.contains("."), text.filter({ $0 == "," }).count == 1 else { return text }
        let converted = text.replacingOccurrences(of: ",", with: ".")
        let valid: Bool
        switch column {
        case .rate: valid = (try? QuantityParser.rate(converted).get()) != nil
        case .outage: valid = (try? QuantityParser.duration(converted, positive: true).get()) != nil
        default: valid = (try? QuantityParser.fraction(converted).get()) != nil
        }
        return valid ? converted : text
    }

    /// "comma", "semicolon" or "tab", for messages.
    static func describe(_ delimiter: Unicode.Scalar) -> String {
        switch delimiter {
        case ";": return "semicolon"
        case "\t": return "tab"
        default: return "comma"
        }
    }
}

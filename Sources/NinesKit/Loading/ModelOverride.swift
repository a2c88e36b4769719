/// One what-if override from the command line, `--set PATH=VALUE`: `job-store.mttr=15m`,
/// `job-api.replicas=4`, `objectives.submit-job.target=99.95%`, `period=year`.
///
/// An override is applied to the parsed YAML tree before the model is read, so its value is
/// parsed and validated by the same code as the file's (`ModelOverrideApplier`). Its value's
/// nodes are located in a pseudo-file named after the argument (`--set job-store.mttr=soon`),
/// whose one line is the argument itself, so a bad value is reported and quoted at the argument.
public struct ModelOverride: Hashable, Sendable, CustomStringConvertible {
    /// The argument as given, `PATH=VALUE`.
    public let argument: String
    /// The path's names, split at '.' (names never hold a '.': `NameRules`).
    let path: [String]
    /// Where each path name starts in `sourceLine` (1-based column).
    let pathColumns: [Int]
    /// The value, parsed as YAML: a scalar, `[a, b]` or `{detect: 30s}`.
    let value: YAMLValue

    public var description: String { argument }

    /// Two overrides are the same when written the same (the value follows from the text).
    public static func == (lhs: ModelOverride, rhs: ModelOverride) -> Bool { lhs.argument == rhs.argument }
    public func hash(into hasher: inout Hasher) { hasher.combine(argument) }

    /// The pseudo-file name diagnostics about this override carry.
    public var file: String { "--set \(argument)" }

    /// The one line diagnostics quote: how the argument was written.
    var sourceLine: String { file }

    /// Columns count Unicode scalars; the argument starts after `--set `.
    private static let prefixColumns = 6

    /// Splits `PATH=VALUE` and parses the value; throws a located diagnostic on a malformed argument.
    public init(_ argument: String) throws(DiagnosticError) {
        self.argument = argument
        let file = "--set \(argument)"
        let start = ModelLocation(file: file, line: 1, column: Self.prefixColumns + 1)
        let example = "e.g. '--set job-store.mttr=15m' or '--set objectives.submit-job.target=99.95%'"
        func refuse(_ message: String, column: Int? = nil, length: Int = 1) -> DiagnosticError {
            var location = start
            if let column { location.column = column }
            return DiagnosticError([Diagnostic(at: location, message, length: length)],
                                   sources: [file: SourceText(file, file: file)])
        }
        guard !argument.contains(where: \.isNewline) else {
            throw refuse("'--set' takes one line, PATH=VALUE; \(example)")
        }
        guard let equals = argument.firstIndex(of: "=") else {
            throw refuse("'--set \(argument)' has no '='; write PATH=VALUE, \(example)", length: argument.unicodeScalars.count)
        }
        let pathText = String(argument[..<equals])
        let valueText = String(argument[argument.index(after: equals)...])
        var names: [String] = []
        var columns: [Int] = []
        var column = Self.prefixColumns + 1
        for name in pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard NameRules.isValid(name) else {
                throw refuse("'\(pathText)' is not a path of names joined by '.'; \(example)", column: column,
                             length: max(1, name.unicodeScalars.count))
            }
            names.append(name)
            columns.append(column)
            column += name.unicodeScalars.count + 1
        }
        let valueColumn = column
        guard !valueText.allSatisfy(\.isWhitespace) else {
            throw refuse("'--set \(pathText)=' gives no value; write the value as in the model file, \(example)", column: valueColumn - 1)
        }
        switch YAMLParser.parse(valueText, file: file) {
        case .success(let tree):
            value = tree.shifted(columns: valueColumn - 1)
        case .failure(let error):
            let shifted = error.diagnostics.map { diagnostic in
                var moved = diagnostic
                if var location = moved.location {
                    // A value is one line: a problem found past its end is shown at its end.
                    location.column = location.line == 1 ? location.column + valueColumn - 1 : file.unicodeScalars.count
                    location.line = 1
                    moved.location = location
                }
                return moved
            }
            throw DiagnosticError(shifted, sources: [file: SourceText(file, file: file)])
        }
        path = names
        pathColumns = columns
    }

    /// Where the path's last name is written: the location of the key the override sets.
    var keyLocation: ModelLocation {
        ModelLocation(file: file, line: 1, column: pathColumns.last ?? Self.prefixColumns + 1)
    }

    /// The location of the path's name at `index`.
    func location(ofName index: Int) -> ModelLocation {
        ModelLocation(file: file, line: 1, column: pathColumns[index])
    }

    /// Parses every argument, collecting all the malformed ones.
    public static func parse(_ arguments: [String]) throws(DiagnosticError) -> [ModelOverride] {
        var overrides: [ModelOverride] = []
        var errors: [DiagnosticError] = []
        for argument in arguments {
            do { overrides.append(try ModelOverride(argument)) } catch { errors.append(error) }
        }
        guard errors.isEmpty else {
            throw DiagnosticError(errors.flatMap(\.diagnostics),
                                  sources: errors.reduce(into: [:]) { $0.merge($1.sources) { first, _ in first } })
        }
        return overrides
    }
}

extension YAMLValue {
    /// The same tree with every location on line 1 moved right by `columns` (a value parsed alone,
    /// located in the argument it came from).
    func shifted(columns: Int) -> YAMLValue {
        func move(_ location: ModelLocation) -> ModelLocation {
            var moved = location
            if moved.line == 1 { moved.column += columns }
            return moved
        }
        func move(_ scalar: YAMLScalar) -> YAMLScalar {
            var moved = scalar
            moved.location = move(scalar.location)
            return moved
        }
        switch self {
        case .scalar(let scalar): return .scalar(move(scalar))
        case .sequence(let items, let location): return .sequence(items.map { $0.shifted(columns: columns) }, move(location))
        case .mapping(let pairs, let location):
            return .mapping(pairs.map { (key: move($0.key), value: $0.value.shifted(columns: columns)) }, move(location))
        }
    }
}

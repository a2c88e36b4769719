/// A position in an input file: 1-based line and column (columns count Unicode scalars).
public struct ModelLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    /// Stored in 32 bits (a file is at most a few hundred MB): every node of a parsed model and
    /// every component keeps a location, so its size is paid a million times over on a large model.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// Line and column only: locations are keys of per-model tables (a redundancy group's
    /// members), and hashing the file's name for each cost more than the rare collision across
    /// files, which equality (file included) still tells apart.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
    }

    public static func < (lhs: ModelLocation, rhs: ModelLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

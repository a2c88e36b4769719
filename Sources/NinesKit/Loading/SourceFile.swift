import Foundation

/// How the loaders read input files; the executable fills it from its options.
public struct LoadOptions: Sendable, Equatable {
    /// Largest input read without `--max-input-size`: a file at this limit is read or refused in under
    /// 2 s and 256 MB whatever its shape (measured in docs/security.md: the densest YAML, a flow list
    /// of one-letter names, 1.2 s and 208 MB; an ordinary model less than half of that). 2 MB is four
    /// times a 10,000-component model.
    public static let defaultSizeLimit = 2 * 1024 * 1024

    /// Largest file read, in bytes; a larger one is refused with an error that names `--max-input-size`.
    public var sizeLimit: Int

    public init(sizeLimit: Int = defaultSizeLimit) {
        self.sizeLimit = sizeLimit
    }
}

/// Reads an input file as UTF-8 text, refusing binary data and oversized files with a clear error.
package enum SourceFile {
    /// Reads `path`, refusing files larger than `options.sizeLimit` bytes.
    public static func read(_ path: String, options: LoadOptions) -> Result<String, DiagnosticError> {
        read(path, sizeLimit: options.sizeLimit)
    }

    /// What messages call standard input, read when a path is `-`.
    public static let standardInputName = "<stdin>"

    /// The name messages use for `path`: `<stdin>` for `-`, the path itself otherwise.
    public static func displayName(_ path: String) -> String { path == "-" ? standardInputName : path }

    /// Reads `path` (`-`: standard input) once, refusing more than `sizeLimit` bytes. Pipes, FIFOs and
    /// `/dev/fd/N` work like files: they are read once, and diagnostics quote the text read here.
    public static func read(_ path: String, sizeLimit: Int) -> Result<String, DiagnosticError> {
        let name = displayName(path)
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(unreadable(path, "no such file"))
            }
            if isDirectory.boolValue { return .failure(unreadable(path, "is a directory, expected a YAML file")) }
            guard let opened = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)) else {
                return .failure(unreadable(path, "cannot read the file"))
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        let tooLarge = { (size: String) in
            unreadable(name, "the file is \(size), over the \(describe(bytes: sizeLimit)) input limit; "
                       + "raise it with --max-input-size (reading takes up to about 100 MB of memory per MB)")
        }
        // The size of the open file (not of the path, which may have changed since): a regular file
        // over the limit is refused before a byte is read.
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > sizeLimit {
            return .failure(tooLarge(describe(bytes: Int(status.st_size))))
        }
        // Read at most one byte past the limit, so devices and pipes (/dev/zero, a FIFO) cannot exhaust memory.
        var data = Data()
        while data.count <= sizeLimit {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: min(1 << 20, sizeLimit + 1 - data.count)) } catch {
                return .failure(unreadable(name, "cannot read the file: \(error.localizedDescription)"))
            }
            guard let chunk, !chunk.isEmpty else { break }   // nil or empty: end of file
            data.append(chunk)
        }
        if data.count > sizeLimit { return .failure(tooLarge("larger than that")) }
        return decode(data, file: name)
    }

    /// A problem with the whole file, at its start; its first line is not quoted (the file may be
    /// huge, binary or missing, and the line says nothing about the problem).
    static func unreadable(_ file: String, _ message: String) -> DiagnosticError {
        var diagnostic = Diagnostic(at: ModelLocation(file: file, line: 1, column: 1), message)
        diagnostic.quotesSource = false
        return DiagnosticError([diagnostic])
    }

    /// "812 bytes", "3.5 MB": sizes in messages.
    static func describe(bytes: Int) -> String {
        bytes < 1_048_576 ? "\(bytes) bytes" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// Decodes UTF-8 (an optional BOM is dropped); reports the byte offset of the first invalid byte.
    public static func decode(_ data: Data, file: String) -> Result<String, DiagnosticError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(unreadable(file, "the file is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8"))
        }
        if let zero = bytes.firstIndex(of: 0) {
            if zero < 4 && bytes.count >= 4 && bytes.prefix(64).filter({ $0 == 0 }).count * 4 >= min(bytes.count, 64) {
                return .failure(unreadable(file, "the file looks like UTF-16 or UTF-32 (every other byte is NUL); save it as UTF-8"))
            }
            return .failure(DiagnosticError([located(bytes, offset: zero, file: file,
                                                     "the file contains a NUL byte at byte offset \(zero); expected UTF-8 text")]))
        }
        // Validating the whole buffer at once is fast; the scalar-by-scalar walk only locates a bad byte.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let offset = firstInvalidUTF8(in: bytes)
        return .failure(DiagnosticError([located(bytes, offset: offset, file: file, "invalid UTF-8 at byte offset \(offset); save the file as UTF-8")]))
    }

    /// Byte offset of the first byte that does not decode as UTF-8 (`bytes.count` when all do).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    static func located(_ bytes: [UInt8], offset: Int, file: String, _ message: String) -> Diagnostic {
        let position = SourceText(bytes: bytes, file: file).position(ofByte: offset)
        var diagnostic = Diagnostic(at: ModelLocation(file: file, line: position.line, column: position.column), message)
        diagnostic.quotesSource = false   // the line does not decode
        return diagnostic
    }
}

import Foundation
import NinesKit

/// Writes files all at once or not at all: the content goes to a temporary file in the target's
/// directory, is flushed to disk, and then renamed over the target. A crash, a full disk or an error
/// half-way leaves the user's existing file exactly as it was (rename is atomic within a directory).
///
/// A symbolic link is followed, so the file it points to is replaced and the link stays; an existing
/// file keeps its permission bits, a new one gets the usual `0666 & ~umask`.
enum AtomicFile {
    /// Why a file could not be written; `description` names the path and the reason.
    struct WriteError: DiagnosticConvertible, CustomStringConvertible, Sendable {
        var path: String
        var reason: String
        var description: String { "cannot write '\(path)': \(reason)" }
        var diagnostics: [Diagnostic] { [Diagnostic(description)] }
    }

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws(WriteError) {
        try write(to: path) { handle in try handle.write(contentsOf: data) }
    }

    /// Writes UTF-8 `text` to `path` atomically, straight from the string's own bytes (no copy).
    static func write(_ text: String, to path: String) throws(WriteError) {
        try write(to: path) { handle in
            var text = text
            try text.withUTF8 { try handle.write(contentsOf: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Lets `produce` stream the content into a temporary file; when it throws, the temporary file is
    /// removed, `path` is left untouched and the error is reported as a `WriteError`.
    static func write(to path: String, _ produce: (FileHandle) throws -> Void) throws(WriteError) {
        let target = resolvedTarget(path)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteError(path: path, reason: "it is a directory")
        }
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).nines-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try produce(handle)
            guard fchmod(descriptor, permissions(forExisting: target)) == 0, fsync(descriptor) == 0 else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            try handle.close()
            guard rename(temporary, target) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            try? handle.close()
            unlink(temporary)
            if let error = error as? WriteError { throw error }
            throw WriteError(path: path, reason: "\(error)")
        }
    }

    /// The file a path finally names, following symbolic links (a dangling link names its target).
    static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {   // the kernel's own limit on link chains
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    /// The existing file's mode, or what `open(2)` would give a new file under the current umask.
    static func permissions(forExisting path: String) -> mode_t {
        var status = stat()
        if stat(path, &status) == 0 { return status.st_mode & 0o7777 }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }
}

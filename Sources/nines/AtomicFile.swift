import Foundation
import NinesKit

/// Writes files all at once or not at all: the content goes to a temporary file in the target's
/// directory, is flushed to disk, renamed over the target, and the directory is flushed too. A
/// crash, a full disk or an error half-way leaves the user's existing file exactly as it was
/// (rename is atomic within a directory).
///
/// A symbolic link at the path (even a dangling one) is replaced by the new file, never written
/// through: a link planted in a shared folder cannot send the report elsewhere. An existing file
/// keeps its permission bits but never setuid, setgid or sticky; a new one gets `0666 & ~umask`.
/// SIGINT, SIGTERM and SIGHUP during the write remove the temporary file before nines ends; a
/// file-size limit (`ulimit -f`, SIGXFSZ) is reported as "the file is too large", like a full disk.
enum AtomicFile {
    /// Why a file could not be written; `description` names the path and the reason.
    struct WriteError: DiagnosticConvertible, CustomStringConvertible, Sendable {
        var path: String
        var reason: String
        var description: String { "cannot write '\(path)': \(reason)" }
        var diagnostics: [Diagnostic] { [Diagnostic(description)] }
    }

    /// Where `write(to:_:)` streams the content: the temporary file's descriptor.
    struct Sink {
        let descriptor: Int32
        let path: String

        func write(_ data: Data) throws {
            try data.withUnsafeBytes { try write($0) }
        }

        func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: AtomicFile.sentence(errno))
                }
                offset += written
            }
        }
    }

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws(WriteError) {
        try write(to: path) { sink in try sink.write(data) }
    }

    /// Writes UTF-8 `text` to `path` atomically, straight from the string's own bytes (no copy).
    static func write(_ text: String, to path: String) throws(WriteError) {
        try write(to: path) { sink in
            var text = text
            try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Lets `produce` stream the content into a temporary file; when it throws, the temporary file is
    /// removed, `path` is left untouched and the error is reported as a `WriteError`.
    static func write(to path: String, _ produce: (Sink) throws -> Void) throws(WriteError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var status = stat()
        let exists = lstat(path, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR { throw WriteError(path: path, reason: "it is a directory") }
        // A link is replaced, so the new file's mode is a new file's, not the link target's.
        let mode = exists && status.st_mode & S_IFMT == S_IFREG ? status.st_mode & 0o777 : newFileMode()
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).nines-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: sentence(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cleanup = InterruptCleanup(removing: temporary)
        defer { cleanup.end() }
        var isOpen = true
        do {
            try produce(Sink(descriptor: descriptor, path: path))
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw WriteError(path: path, reason: sentence(errno)) }
            isOpen = false
            guard close(descriptor) == 0 else { throw WriteError(path: path, reason: sentence(errno)) }
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: sentence(errno)) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            if let error = error as? WriteError { throw error }
            throw WriteError(path: path, reason: "\(error)")
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Flushes the directory entry of the rename, so the new file survives a power cut.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// What `open(2)` would give a new file under the current umask.
    static func newFileMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    /// A write failure in words.
    static func sentence(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is used up"
        case EFBIG: return "the file is too large (over the file-size limit set with 'ulimit -f', or the file system's)"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such folder"
        case EROFS: return "the file system is read-only"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

import Foundation
import Testing
@testable import nines

/// A fresh directory under the system temporary directory, removed by the caller.
func makeScratchDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "nines-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

extension FileWritingSuites {
@Suite("AtomicFile")   // writes install process-wide signal handlers (one at a time: FileWritingSuites)
struct AtomicFileTests {
    struct Interrupted: Error {}

    @Test func writesNewFileAndReplacesExistingOne() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.json"
        try AtomicFile.write("first\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.json"])
    }

    @Test func failureHalfWayLeavesTheUsersFileUntouched() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/worksheet.csv"
        try Data("the user's precious content\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(to: path) { sink in
                try sink.write(Data("half of the new cont".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the user's precious content\n")
        // No temporary file is left behind either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["worksheet.csv"])
    }

    /// A link planted at the output path (here pointing at a file of someone else's, and a dangling
    /// one) is replaced by the new file; what it pointed at is not touched or created.
    @Test func replacesSymbolicLinksInsteadOfWritingThroughThem() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = directory + "/victim.txt", link = directory + "/report.txt", dangling = directory + "/dangling.txt"
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "victim.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "created-elsewhere.txt")
        try AtomicFile.write("new", to: link)
        try AtomicFile.write("new", to: dangling)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "someone else's")
        #expect(try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: directory + "/created-elsewhere.txt"))
        #expect(try String(contentsOfFile: dangling, encoding: .utf8) == "new")
    }

    /// The replaced file's permission bits stay, but never setuid, setgid or sticky.
    @Test func keepsPermissionsButNeverSetuidOrSetgid() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o6750)
        try AtomicFile.write("new", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    /// While a file is written, SIGINT, SIGTERM and SIGHUP have nines' handler (which removes the
    /// temporary file, then ends as the signal would) and SIGXFSZ is caught; afterwards each signal
    /// acts as before.
    @Test func signalsRemoveTheTemporaryFileOnlyDuringAWrite() throws {
        func handler(_ signal: Int32) -> UnsafeRawPointer? {
            var current = sigaction()
            sigaction(signal, nil, &current)
            return unsafeBitCast(current.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
        }
        let before = InterruptCleanup.signals.map(handler)
        let cleanup = InterruptCleanup(removing: "/nonexistent/nines-test")
        let during = InterruptCleanup.signals.map(handler)
        cleanup.end()
        #expect(InterruptCleanup.signals.map(handler) == before)
        #expect(zip(before, during).allSatisfy { $0 != $1 })
    }

    /// "No space left" and "file too large" are sentences, not error dumps.
    @Test func writeFailuresAreSentences() {
        #expect(AtomicFile.sentence(ENOSPC) == "no space left on the device")
        #expect(AtomicFile.sentence(EFBIG).hasPrefix("the file is too large"))
    }

    @Test func refusesDirectoriesAndMissingFolders() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/no/such/folder/out.txt") }
    }
}
}

import Foundation
import Testing
@testable import nines

/// A fresh directory under the system temporary directory, removed by the caller.
func makeScratchDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "nines-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("AtomicFile")
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
            try AtomicFile.write(to: path) { handle in
                try handle.write(contentsOf: Data("half of the new cont".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the user's precious content\n")
        // No temporary file is left behind either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["worksheet.csv"])
    }

    @Test func keepsPermissionsAndFollowsSymbolicLinks() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let real = directory + "/real.txt", link = directory + "/link.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        try AtomicFile.write("new", to: link)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        let mode = try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func refusesDirectoriesAndMissingFolders() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: directory + "/no/such/folder/out.txt") }
    }
}

import Foundation
import Testing

/// A throw-away git repository for the `diff --base` tests.
package enum GitFixture {
    /// `git init`, then adds and commits `files` (names inside `directory`).
    package static func commit(_ files: [String], in directory: URL) throws {
        for arguments in [["init", "-q"], ["add"] + files,
                          ["-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "-m", "model"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", directory.path] + arguments
            try git.run()
            git.waitUntilExit()
            try #require(git.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
    }
}

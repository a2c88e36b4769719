import Foundation
import Testing
import NinesTestSupport

/// The CLI tests' child-process runner drains stdout and stderr at once: a child that writes more
/// than a pipe holds (64 KiB on Linux) to stderr before closing stdout would otherwise block
/// forever while the runner waits for its stdout.
@Suite struct ChildProcessTests {
    @Test(.timeLimit(.minutes(1))) func runnerReadsALargeStderrBesideStdout() throws {
        let bytes = 300_000
        let script = "head -c \(bytes) /dev/zero | tr '\\0' e >&2; head -c \(bytes) /dev/zero | tr '\\0' o; exit 3"
        let run = try NinesExecutable.launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: GoldenFiles.root)
        #expect(run.status == 3)
        #expect(run.stderr.utf8.count == bytes && run.stderr.allSatisfy { $0 == "e" })
        #expect(run.stdout.utf8.count == bytes && run.stdout.allSatisfy { $0 == "o" })
    }
}

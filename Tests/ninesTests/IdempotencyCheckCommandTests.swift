import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines check` on a non-idempotent payment behind a queue or a retry: exit 1, annotated at the line.
@Suite struct IdempotencyCheckCommandTests {
    /// `nines check` exits 1 and points at the line.
    @Test func checkExitsOneAtTheLine() throws {
        let (run, path) = try Self.checkAsGitHub("""
            version: 1
            system: shop payments
            components:
              orders: { layer: platform, kind: queue, availability: 99.9%, mttr: 1h }
              payment: { mtbf: 720h, mttr: 10m, idempotent: false, depends_on: [orders] }
            objectives:
              pay: { at: payment, target: 99% }
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=\(path),line=5,col=37,title=nines idempotency%3A payment/redelivered-by/orders::"), "\(run.stdout)")
    }

    /// `nines check` exits 1 on a retried non-idempotent payment call, at the retry's line.
    @Test func checkExitsOneAtTheRetry() throws {
        let (run, path) = try Self.checkAsGitHub("""
            version: 1
            system: shop payments
            components:
              payment: { mtbf: 720h, mttr: 10m, idempotent: false }
              checkout: { mtbf: 720h, mttr: 10m, depends_on: [payment], retry: { attempts: 3, backoff: 200ms, timeout: 1s } }
            objectives:
              pay: { at: checkout, target: 99% }
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=\(path),line=5,col=61,title=nines idempotency%3A payment/retried-by/checkout::"), "\(run.stdout)")
    }

    /// `nines check --format github` on a model written to a scratch file; the file's path for the annotations.
    static func checkAsGitHub(_ text: String) throws -> (run: NinesExecutable.Run, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-idempotency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("shop.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (try NinesExecutable.run(["check", file.path, "--format", "github"]), file.path)
    }
}

import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// A hostile system name through `nines check` and `nines diff --format markdown` (MarkdownInjectionTests
/// has the escaping rules).
@Suite struct MarkdownInjectionCommandTests {
    /// The system name reaches the check's headline and the diff's; neither posts it as markup.
    @Test func aHostileSystemNameStaysText() throws {
        let system = "@all [click](https://evil.example) ![t](https://t.example/p.png) <img src=x> #1 www.evil.example"
        let model = "version: 1\nsystem: \"\(system)\"\ncomponents:\n  web: {availability: 99.9%}\n"
            + "objectives:\n  users: {target: 99.99%, at: web}\n"
        let folder = try SecurityTests.folder(["m.yaml": model, "n.yaml": model.replacingOccurrences(of: "99.9%", with: "99.5%")])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = try SecurityTests.shell("\"$NINES\" check m.yaml --format markdown", in: folder)
        let diff = try SecurityTests.shell("\"$NINES\" diff m.yaml n.yaml --format markdown", in: folder)
        #expect(check.status == 1 && diff.status == 0, "\(check.stderr)\(diff.stderr)")
        #expect(check.stdout.contains("\\[click\\]"), "\(check.stdout)")
        for output in [check.stdout, diff.stdout] {
            for forbidden in ["@all", "](https://", "![t]", "<img", "#1", "www.evil"] {
                #expect(!output.contains(forbidden), "\(forbidden) in \(output)")
            }
        }
    }
}

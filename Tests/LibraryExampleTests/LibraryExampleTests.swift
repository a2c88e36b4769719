import Foundation
import NinesKit
import Testing

/// The example in docs/library.md is `LibraryExample.swift`, compiled here with a plain
/// `import NinesKit` (no `@testable`; a test target still sees `package` symbols, so the public
/// API alone is checked by scripts/library-api.sh, which builds the same file from a separate
/// package), and it gives the figures it promises.
@Suite("docs/library.md example")
struct LibraryExampleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The model docs/library.md shows (scripts/library-api.sh runs the example on it too).
    static let shop = (try? String(contentsOf: folder.appendingPathComponent("shop.yaml"), encoding: .utf8)) ?? ""

    @Test("docs/library.md shows LibraryExample.swift exactly")
    func documentShowsTheExample() throws {
        let example = try String(contentsOf: Self.folder.appendingPathComponent("LibraryExample.swift"), encoding: .utf8)
        let document = try String(contentsOf: Self.folder.appendingPathComponent("../../docs/library.md"), encoding: .utf8)
        #expect(document.contains("```swift\n" + example + "```\n"))
    }

    @Test("one line per objective, with its availability and method")
    func objectives() throws {
        // web: 1 − 0.001² = 0.999999, in series with db 0.9995.
        let lines = try objectiveAvailabilities(of: Self.shop, file: "shop.yaml")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("checkout: 99.949") == true)
        #expect(lines.first?.hasSuffix("% (exact)") == true)
    }

    @Test("an invalid model gives located diagnostics")
    func invalidModel() {
        let broken = Self.shop.replacingOccurrences(of: "99.95%", with: "120%")
        #expect(throws: DiagnosticError.self) { try objectiveAvailabilities(of: broken, file: "shop.yaml") }
        do {
            _ = try objectiveAvailabilities(of: broken, file: "shop.yaml")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("shop.yaml:6:") == true)
        }
    }
}

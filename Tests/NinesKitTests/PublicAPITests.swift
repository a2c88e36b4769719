import Foundation
import Testing
import NinesTestSupport

/// The library's public surface stays small and documented (issue 21): fewer than 110 public
/// types (scripts/public-types.sh lists them), each named in docs/library.md. What the `nines`
/// executable needs beyond that is `package`.
@Suite struct PublicAPITests {
    static let limit = 110

    /// Every `public struct|enum|class|protocol|actor|typealias` name under Sources/NinesKit.
    static func publicTypes() throws -> [String] {
        let folder = GoldenFiles.root.appendingPathComponent("Sources/NinesKit")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        let declaration = /^\s*public (?:final |indirect )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z0-9_]+)/
        var names: [String] = []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration) { names.append(String(match.1)) }
            }
        }
        return names
    }

    @Test func fewerThanTheLimit() throws {
        let names = try Self.publicTypes()
        #expect(names.count > 50, "the scan found only \(names.count): is Sources/NinesKit where it was?")
        #expect(names.count < Self.limit, "\(names.count) public types; make the new ones package or internal (scripts/public-types.sh)")
    }

    /// Named in backticks, alone or as the last part of a qualified name (`FigureReport.Kind`).
    @Test func eachIsListedInTheLibraryPage() throws {
        let page = try String(contentsOf: GoldenFiles.root.appendingPathComponent("docs/library.md"), encoding: .utf8)
        for name in Set(try Self.publicTypes()) {
            #expect(page.contains("`\(name)`") || page.contains(".\(name)`") || page.contains("`\(name)<"),
                    "public type \(name) is not in docs/library.md")
        }
    }
}

import Foundation
import Testing
@testable import NinesKit

/// Every hazard of the YAML layer has a fixture in `Fixtures/hostile/` with the exact diagnostics
/// expected beside it (`NAME.expected`, `line:column: severity: message` per line, or `OK` when the
/// file must load). Loading goes through `ModelLoader.load(files:)`, the path the CLI takes.
@Suite("Hostile model files")
struct HostileInputTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/hostile")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func outcome(ofLoading path: String) -> [String] {
        do {
            _ = try ModelLoader.load(files: [path])
            return ["OK"]
        } catch {
            return error.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.severity.rawValue): \($0.message)" }
        }
    }

    @Test func everyHazardHasAFixture() {
        #expect(Self.fixtures.count >= 40)
    }

    @Test(arguments: fixtures)
    func fixtureGivesItsExpectedDiagnostics(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name + ".yaml").path
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name + ".expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let found = Self.outcome(ofLoading: path)
        #expect(found == expected)
        // Readable: no message embeds a large part of the file.
        for line in found { #expect(line.count < 300, "\(line.prefix(120))…") }
    }

    /// Library users may parse on threads with small stacks; the depth bound keeps the recursive
    /// tree builder (`YAMLEventBuilder`) far from overflowing one of 256 KB.
    @Test func deepNestingIsSafeOnASmallStack() {
        final class Box: @unchecked Sendable { var outcomes: [Bool] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for depth in [YAMLPreflight.maxDepth - 3, 100_000] {
                let text = "version: 1\nsystem: s\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
                if case .success = YAMLParser.parse(text, file: "deep.yaml") { box.outcomes.append(true) } else { box.outcomes.append(false) }
            }
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(box.outcomes == [true, false])
    }

    /// A `k_of` group whose exact diagram would take k × (n − k + 1) nodes past the group budget
    /// (once refused at load) is answered: the group is not compiled, and its members are
    /// independent, so the certified interval (the Poisson-binomial at both ends,
    /// `associationBounds`) pins the figure: exact, with nothing sampled.
    @Test func hugeKOfGroupIsAnsweredExactlyByItsBounds() throws {
        let n = 2000, k = 1000
        let members = (0..<n).map { "c\($0)" }
        let yaml = "version: 1\nsystem: wide\ncomponents:\n"
            + members.map { "  \($0): { availability: 50% }\n" }.joined()
            + "  top:\n    availability: 100%\n    depends_on: [{k_of: {k: \(k), of: [\(members.joined(separator: ", "))]}}]\n"
            + "objectives:\n  top: { at: top }\n"
        let model = try ModelLoader.load(text: yaml, file: "wide.yaml")
        let figure = AvailabilityAnalysis(model, scope: .objectivesOnly).objective(0)
        #expect(figure.method == .exact && figure.estimate == nil)
        // P(at least 1000 of 2000 fair coins up) = 1/2 + P(exactly 1000)/2, P(exactly 1000) =
        // C(2000, 1000)/2^2000 ≈ 0.01784.
        let exact = 0.5 + exp(lgamma(2001) - 2 * lgamma(1001) - 2000 * log(2)) / 2
        #expect(abs(figure.probability.up - exact) <= 1e-12, "\(figure.probability.up) vs \(exact)")
    }

    @Test func oversizedInputIsRefusedWithTheLimitNamed() throws {
        let path = Self.directory.appendingPathComponent("allowed-lookalikes.yaml").path
        guard case .failure(let error) = SourceFile.read(path, sizeLimit: 100) else {
            Issue.record("a file over the limit was read")
            return
        }
        #expect(error.diagnostics.map(\.message).first?.contains("over the 100 bytes input limit; raise it with --max-input-size") == true)
    }

    /// A device or pipe has no size up front; reading stops one byte past the limit.
    @Test func endlessInputStopsAtTheLimit() {
        guard case .failure(let error) = SourceFile.read("/dev/zero", sizeLimit: 4096) else {
            Issue.record("/dev/zero was read")
            return
        }
        #expect(error.diagnostics.first?.message.hasPrefix("the file is larger than that, over the 4096 bytes input limit") == true)
    }
}

@Suite("YAML preflight")
struct YAMLPreflightTests {
    static let accepted = [
        "a: b & c\n", "a: 5*3\n", "a: wow!\n", "a: \"&x *y !z\"\n", "a: '&x ''*y'' !z'\n", "a: x # &not *an !anchor\n",
        "a: |\n  &text\n  *text\n  !text\nb: 1\n", "- >-\n  *folded*\n- c\n", "a: [b, \"c&\", d*]\n", "a: {b: c&d}\n",
        "a: http://x/#frag\n", "a: \"multi\n  &line\"\n", "%YAML 1.1\n---\na: b\n", "a: \"esc \\\" &x\"\n",
    ]
    static let refused = [
        "a: &x b\n", "a: *x\n", "a: !!str b\n", "- &x b\n", "[&x a]\n", "{a: *x}\n", "{\"a\":*x}\n", "{a:*x}\n",
        "? &k a\n: b\n", "--- &x\na: b\n", "a:\n  - !t x\n", "- key: |\n    text\n  other: &x y\n",
        "a: \"q\" \nb: &x 1\n", "a:\r&x: 1\n", "a: x\u{2028}&y: 1\n", "a:\t*x\n",
    ]

    @Test(arguments: accepted) func plainTextLookalikesPass(_ text: String) {
        #expect(YAMLPreflight.check(text, file: "t.yaml").isEmpty)
    }

    @Test(arguments: refused) func anchorsAliasesAndTagsAreCaught(_ text: String) {
        #expect(!YAMLPreflight.check(text, file: "t.yaml").isEmpty)
    }
}

/// The preflight against libyaml itself: random YAML-like text from a token soup; whenever the
/// preflight lets a text through, the tree libyaml builds must hold no alias and no written tag
/// (the later safety nets report those with their own messages).
@Suite("YAML preflight against libyaml")
struct YAMLPreflightAgreementTests {
    static let tokens = ["&a", "*a", "!t", "!!str", "- ", "-", " ", "  ", "\n", "\r", ": ", ":", "[", "]", "{", "}", ", ", ",",
                         "#", " #", "'", "\"", "\\", "| ", ">-", "\n  ", "x", "key", "? ", "---", "<<: ", "0.9", "\t", "%"]

    @Test func nothingLibyamlReadsAsAnAliasOrTagGetsThrough() {
        var random = SplitMix64(seed: 42)
        var passed = 0
        for _ in 0..<10_000 {
            let text = (0..<random.int(in: 1...24)).map { _ in random.pick(Self.tokens) }.joined()
            guard YAMLPreflight.check(text, file: "t.yaml").isEmpty else { continue }
            passed += 1
            if case .failure(let error) = YAMLParser.parse(text, file: "t.yaml") {
                for diagnostic in error.diagnostics {
                    #expect(!diagnostic.message.hasPrefix("aliases ('*name') are not supported"), "\(text.debugDescription)")
                }
            }
            if case .success(let tree) = YAMLParser.parse(text, file: "t.yaml") {
                #expect(!Self.hasTag(tree), "\(text.debugDescription)")
            }
        }
        #expect(passed > 300)   // the soup is not all refused, so the check has something to check
    }

    static func hasTag(_ value: YAMLValue) -> Bool {
        switch value {
        case .scalar(let scalar): return scalar.explicitTag != nil
        case .sequence(let items, _): return items.contains(where: hasTag)
        case .mapping(let pairs, _): return pairs.contains { hasTag($0.value) }
        }
    }
}

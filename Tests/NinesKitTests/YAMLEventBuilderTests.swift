import Foundation
import Testing
@testable import NinesKit

/// The event builder is the fast path of `YAMLParser`: it must give exactly the tree Yams' composing
/// path gives (text, quoting, every line:column), hand over whatever needs a diagnostic, and take
/// ordinary model files itself (or large models load slowly again).
@Suite("YAML event builder")
struct YAMLEventBuilderTests {
    /// Every YAML file of the repository's models and test fixtures.
    static let files: [(name: String, text: String)] = {
        let folders = [URL(fileURLWithPath: "models"), Fixtures.root]
        var found: [(String, String)] = []
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "yaml", let data = try? Data(contentsOf: url),
                      let text = String(data: data, encoding: .utf8) else { continue }
                found.append((url.lastPathComponent, text))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }()

    /// Shapes the fixtures may miss: quoting styles, block scalars, flow collections, odd marks.
    static let snippets = [
        "a: 'single'\nb: \"double \\u00e9\"\nc: |\n  literal\n  text\nd: >\n  folded\n  text\ne: plain text\n",
        "'quoted key': 1\n\"other\": [x, 'y', {z: 1}]\nempty:\nnull: ~\n",
        "list:\n- a\n-   b\n- [c, d]\n- {e: f}\n- - nested\n  - deeper\n",
        "é: ünïcode\n  # comment\nkey: value with spaces   \nmultiline: first\n  second line\n",
        "--- \nx: 1\n...\n",
        "%YAML 1.1\n---\nx: 1\n",
        "{a: 1, b: [2, 3], c: {d: 4}}",
        "x: \"\"\n'': empty key\n",
        "\r\nwindows: line\r\nends: here\r\n",
    ]

    /// A canonical, complete dump of a tree, locations included.
    static func dump(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let s): return "S(\(s.text.debugDescription) q=\(s.isQuoted) t=\(s.explicitTag ?? "-") @\(s.location))"
        case .sequence(let items, let at): return "L@\(at)[" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let pairs, let at):
            return "M@\(at){" + pairs.map { dump(.scalar($0.key)) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
        }
    }

    @Test func sameTreeAsComposingWheneverItBuildsOne() throws {
        var built = 0
        let snippets = Self.snippets.enumerated().map { ("snippet \($0.offset)", $0.element) }
        for (name, text) in Self.files + snippets {
            guard case .success(let fast) = YAMLEventBuilder.build(text, file: name) else { continue }
            built += 1
            guard case .success(let composed) = YAMLParser.compose(text, file: name) else {
                Issue.record("\(name): built a tree where composing reports a problem")
                continue
            }
            #expect(Self.dump(fast) == Self.dump(composed), "\(name)")
        }
        #expect(built >= Self.snippets.count)
    }

    @Test(arguments: [
        "a: &x 1\nb: *x\n",                   // anchor and alias
        "a: !!str 1\n",                       // tag
        "~: 1\n",                             // null key
        "<<: {a: 1}\n",                       // merge key
        "[a]: 1\n",                           // list as a key
        "a: 1\n---\nb: 2\n",                  // second document
        "",                                   // no document
        "a: [1, 2\n",                         // syntax error
        "x: \"\u{FEFF}\"\n",                  // a scalar that starts with a byte order mark, quoted or not
    ])
    func handsOverWhatComposingMustJudge(_ text: String) {
        #expect(YAMLEventBuilder.build(text, file: "t.yaml") == nil)
    }

    @Test(arguments: [
        ("a: 1\na: 2\n", ["t.yaml:2:1: error: duplicate key 'a' in the same mapping (first at line 1, column 1)"]),
        ("a: 1\n'a': 2\n", ["t.yaml:2:1: error: duplicate key 'a' in the same mapping (first at line 1, column 1)"]),
        ("x:\n  a: 1\n  b: 2\n  a: 3\ny: {b: 1, b: 2}\n", [
            "t.yaml:4:3: error: duplicate key 'a' in the same mapping (first at line 2, column 3)",
            "t.yaml:5:11: error: duplicate key 'b' in the same mapping (first at line 5, column 5)",
        ]),
    ])
    func repeatedKeysAreReportedAtTheRepeatAllAtOnce(_ text: String, expected: [String]) throws {
        guard case .failure(let error) = try #require(YAMLEventBuilder.build(text, file: "t.yaml")) else {
            Issue.record("accepted a mapping with a repeated key")
            return
        }
        #expect(error.diagnostics.map(\.description) == expected)
        // Composing with Yams refuses the same files (at the first occurrence, one mapping only).
        guard case .failure = YAMLParser.compose(text, file: "t.yaml") else {
            Issue.record("Yams accepts what the event builder refuses")
            return
        }
    }

    /// Mappings past 16 keys switch to a hashed index; repeats are still found at any position.
    @Test func repeatsInLargeMappingsAreFound() throws {
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k3: again\nk39: again\n"
        guard case .failure(let error) = try #require(YAMLEventBuilder.build(text, file: "t.yaml")) else {
            Issue.record("accepted a mapping with repeated keys")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "t.yaml:41:1: error: duplicate key 'k3' in the same mapping (first at line 4, column 1)",
            "t.yaml:42:1: error: duplicate key 'k39' in the same mapping (first at line 40, column 1)",
        ])
    }

    @Test func ordinaryModelsTakeTheFastPath() throws {
        for model in ["two-tier-service", "retail-omnichannel", "devops-job-runner"] {
            let text = try String(contentsOfFile: "models/\(model).yaml", encoding: .utf8)
            #expect(YAMLEventBuilder.build(text, file: model) != nil, "\(model)")
        }
        var rng = SplitMix64(seed: 7)
        for index in 0..<20 {
            let text = ModelYAML.text(of: RandomModels.make(&rng, index: index))
            #expect(YAMLEventBuilder.build(text, file: "random-\(index).yaml") != nil)
        }
    }
}

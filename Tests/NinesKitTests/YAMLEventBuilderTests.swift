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
            guard let fast = YAMLEventBuilder.build(text, file: name) else { continue }
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
        "a: 1\na: 2\n",                       // repeated key
        "a: 1\n'a': 2\n",                     // repeated text, different quoting (Yams decides)
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

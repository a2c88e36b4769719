import Foundation
import Testing
@testable import NinesKit

/// The event builder is the one YAML reader: it must give the tree a YAML composer gives (text,
/// quoting, every line:column), report what model files may not hold at its place, and point
/// libyaml's own errors at theirs.
@Suite("YAML event builder")
struct YAMLEventBuilderTests {
    /// A canonical, complete dump of a tree, locations included.
    static func dump(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let s): return "S(\(s.text.debugDescription) q=\(s.isQuoted) t=\(s.explicitTag ?? "-") @\(s.location))"
        case .sequence(let items, let at): return "L@\(at)[" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let pairs, let at):
            return "M@\(at){" + pairs.map { dump(.scalar($0.key)) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Shapes the fixtures may miss: quoting styles, block scalars, flow collections, odd marks. The
    /// expected trees are PyYAML 6.0.3's pure-Python composer (`yaml.compose(text,
    /// Loader=yaml.BaseLoader)`, marks made 1-based, `q` = any style but plain), an implementation
    /// independent of libyaml.
    @Test(arguments: [
        ("a: 'single'\nb: \"double \\u00e9\"\nc: |\n  literal\n  text\nd: >\n  folded\n  text\ne: plain text\n",
         "M@t.yaml:1:1{S(\"a\" q=false t=- @t.yaml:1:1): S(\"single\" q=true t=- @t.yaml:1:4), S(\"b\" q=false t=- @t.yaml:2:1): S(\"double é\" q=true t=- @t.yaml:2:4), S(\"c\" q=false t=- @t.yaml:3:1): S(\"literal\\ntext\\n\" q=true t=- @t.yaml:3:4), S(\"d\" q=false t=- @t.yaml:6:1): S(\"folded text\\n\" q=true t=- @t.yaml:6:4), S(\"e\" q=false t=- @t.yaml:9:1): S(\"plain text\" q=false t=- @t.yaml:9:4)}"),
        ("'quoted key': 1\n\"other\": [x, 'y', {z: 1}]\nempty:\nnothing: ~\n",
         "M@t.yaml:1:1{S(\"quoted key\" q=true t=- @t.yaml:1:1): S(\"1\" q=false t=- @t.yaml:1:15), S(\"other\" q=true t=- @t.yaml:2:1): L@t.yaml:2:10[S(\"x\" q=false t=- @t.yaml:2:11), S(\"y\" q=true t=- @t.yaml:2:14), M@t.yaml:2:19{S(\"z\" q=false t=- @t.yaml:2:20): S(\"1\" q=false t=- @t.yaml:2:23)}], S(\"empty\" q=false t=- @t.yaml:3:1): S(\"\" q=false t=- @t.yaml:3:7), S(\"nothing\" q=false t=- @t.yaml:4:1): S(\"~\" q=false t=- @t.yaml:4:10)}"),
        ("list:\n- a\n-   b\n- [c, d]\n- {e: f}\n- - nested\n  - deeper\n",
         "M@t.yaml:1:1{S(\"list\" q=false t=- @t.yaml:1:1): L@t.yaml:2:1[S(\"a\" q=false t=- @t.yaml:2:3), S(\"b\" q=false t=- @t.yaml:3:5), L@t.yaml:4:3[S(\"c\" q=false t=- @t.yaml:4:4), S(\"d\" q=false t=- @t.yaml:4:7)], M@t.yaml:5:3{S(\"e\" q=false t=- @t.yaml:5:4): S(\"f\" q=false t=- @t.yaml:5:7)}, L@t.yaml:6:3[S(\"nested\" q=false t=- @t.yaml:6:5), S(\"deeper\" q=false t=- @t.yaml:7:5)]]}"),
        ("é: ünïcode\n  # comment\nkey: value with spaces   \nmultiline: first\n  second line\n",
         "M@t.yaml:1:1{S(\"é\" q=false t=- @t.yaml:1:1): S(\"ünïcode\" q=false t=- @t.yaml:1:4), S(\"key\" q=false t=- @t.yaml:3:1): S(\"value with spaces\" q=false t=- @t.yaml:3:6), S(\"multiline\" q=false t=- @t.yaml:4:1): S(\"first second line\" q=false t=- @t.yaml:4:12)}"),
        ("--- \nx: 1\n...\n",
         "M@t.yaml:2:1{S(\"x\" q=false t=- @t.yaml:2:1): S(\"1\" q=false t=- @t.yaml:2:4)}"),
        ("%YAML 1.1\n---\nx: 1\n",
         "M@t.yaml:3:1{S(\"x\" q=false t=- @t.yaml:3:1): S(\"1\" q=false t=- @t.yaml:3:4)}"),
        ("{a: 1, b: [2, 3], c: {d: 4}}",
         "M@t.yaml:1:1{S(\"a\" q=false t=- @t.yaml:1:2): S(\"1\" q=false t=- @t.yaml:1:5), S(\"b\" q=false t=- @t.yaml:1:8): L@t.yaml:1:11[S(\"2\" q=false t=- @t.yaml:1:12), S(\"3\" q=false t=- @t.yaml:1:15)], S(\"c\" q=false t=- @t.yaml:1:19): M@t.yaml:1:22{S(\"d\" q=false t=- @t.yaml:1:23): S(\"4\" q=false t=- @t.yaml:1:26)}}"),
        ("x: \"\"\n'': empty key\n",
         "M@t.yaml:1:1{S(\"x\" q=false t=- @t.yaml:1:1): S(\"\" q=true t=- @t.yaml:1:4), S(\"\" q=true t=- @t.yaml:2:1): S(\"empty key\" q=false t=- @t.yaml:2:5)}"),
        ("\r\nwindows: line\r\nends: here\r\n",
         "M@t.yaml:2:1{S(\"windows\" q=false t=- @t.yaml:2:1): S(\"line\" q=false t=- @t.yaml:2:10), S(\"ends\" q=false t=- @t.yaml:3:1): S(\"here\" q=false t=- @t.yaml:3:7)}")
    ])
    func sameTreeAsAnIndependentComposer(_ text: String, expected: String) throws {
        guard case .success(let tree) = YAMLEventBuilder.build(text, file: "t.yaml") else {
            Issue.record("refused a valid snippet")
            return
        }
        #expect(Self.dump(tree) == expected)
    }

    @Test(arguments: [
        ("a: !!str 1\n", "S(\"1\" q=false t=tag:yaml.org,2002:str @t.yaml:1:4)"),
        ("a: ! 1\n", "S(\"1\" q=false t=- @t.yaml:1:4)"),
        ("a: !!str '1'\n", "S(\"1\" q=true t=- @t.yaml:1:4)"),
    ])
    func onlyAPlainScalarsWrittenTagIsKept(_ text: String, expected: String) throws {
        guard case .success(.mapping(let pairs, _)) = YAMLEventBuilder.build(text, file: "t.yaml"), let value = pairs.first?.value else {
            Issue.record("refused a tagged scalar")
            return
        }
        #expect(Self.dump(value) == expected)
    }

    @Test(arguments: [
        ("a: &x 1\nb: *x\n", ["t.yaml:2:4: error: aliases ('*name') are not supported in model files; write the value out"]),
        ("~: 1\nb: 2\n", ["t.yaml:1:1: error: a mapping key is null ('~'); write a name, or quote it"]),
        ("<<: {a: 1}\n", ["t.yaml:1:1: error: merge keys ('<<') are not allowed in model files; write the fields out"]),
        ("[a]: 1\n{b: 1}: 2\n", ["t.yaml:1:1: error: a mapping key must be a plain name, found a list",
                                 "t.yaml:2:1: error: a mapping key must be a plain name, found a mapping"]),
        ("a: 1\n---\nb: 2\n", ["t.yaml:2:1: error: malformed YAML: but found another document (expected a single document in the stream)"]),
        ("# only a comment\n", ["t.yaml:1:1: error: the file holds no YAML document"]),
        ("a: [1, 2\n", ["t.yaml:2:1: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        ("a:\n\tb: 1\n", ["t.yaml:2:1: error: malformed YAML: found character that cannot start any token (while scanning for the next token); "
                          + "YAML cannot indent with tabs, use spaces"]),
        ("a: 1\nb: x\u{01}y\n", ["t.yaml:2:5: error: the file cannot be read as YAML text: control characters are not allowed (U+0001) at byte offset 9"]),
        // Found before libyaml stops: reported with its error, in the order of the file.
        ("a: 1\na: 2\nb: [\n", ["t.yaml:2:1: error: duplicate key 'a' in the same mapping (first at line 1, column 1)",
                               "t.yaml:4:1: error: malformed YAML: did not find expected node content (while parsing a flow node)"]),
    ])
    func reportsWhatModelFilesMayNotHoldAtItsPlace(_ text: String, expected: [String]) {
        guard case .failure(let error) = YAMLEventBuilder.build(text, file: "t.yaml") else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
        #expect(error.diagnostics.map(\.description) == expected)
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
        guard case .failure(let error) = YAMLEventBuilder.build(text, file: "t.yaml") else {
            Issue.record("accepted a mapping with a repeated key")
            return
        }
        #expect(error.diagnostics.map(\.description) == expected)
    }

    /// Mappings past 16 keys switch to a hashed index; repeats are still found at any position.
    @Test func repeatsInLargeMappingsAreFound() throws {
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k3: again\nk39: again\n"
        guard case .failure(let error) = YAMLEventBuilder.build(text, file: "t.yaml") else {
            Issue.record("accepted a mapping with repeated keys")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "t.yaml:41:1: error: duplicate key 'k3' in the same mapping (first at line 4, column 1)",
            "t.yaml:42:1: error: duplicate key 'k39' in the same mapping (first at line 40, column 1)",
        ])
    }

    @Test func ordinaryModelsBuild() throws {
        for model in ["two-tier-service", "retail-omnichannel", "devops-job-runner"] {
            let text = try String(contentsOfFile: "models/\(model).yaml", encoding: .utf8)
            guard case .success = YAMLEventBuilder.build(text, file: model) else {
                Issue.record("\(model) does not build")
                continue
            }
        }
        var rng = SplitMix64(seed: 7)
        for index in 0..<20 {
            let text = ModelYAML.text(of: RandomModels.make(&rng, index: index))
            guard case .success = YAMLEventBuilder.build(text, file: "random-\(index).yaml") else {
                Issue.record("random model \(index) does not build")
                continue
            }
        }
    }
}

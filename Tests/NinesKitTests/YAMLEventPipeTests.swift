import Testing
@testable import NinesKit

/// A large file is parsed by libyaml on a thread of its own, a few batches of events ahead of the
/// tree builder (`YAMLEventPipe`). Whatever the input, the tree or the diagnostics must be those
/// of libyaml on the builder's own thread, and the pipe must end (no thread left waiting).
struct YAMLEventPipeTests {
    /// Every node with its kind, text, quoting, tag and location, in order: equal trees, equal dumps.
    static func dump(_ value: YAMLValue) -> [String] {
        switch value {
        case .scalar(let scalar):
            return ["\(scalar.location) \(scalar.isQuoted ? "quoted" : "plain") \(scalar.explicitTag ?? "-") \(scalar.text)"]
        case .sequence(let items, let location):
            return ["\(location) list \(items.count)"] + items.flatMap(dump)
        case .mapping(let pairs, let location):
            return ["\(location) mapping \(pairs.count)"] + pairs.flatMap { dump(.scalar($0.key)) + dump($0.value) }
        }
    }

    static func outcome(_ result: Result<YAMLValue, DiagnosticError>) -> [String] {
        switch result {
        case .success(let root): return dump(root)
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    /// 12,000 entries: many batches of events, so the builder waits on the parser and the parser
    /// on the builder.
    static let large: String = {
        var text = "version: 1\nsystem: Piped\ncomponents:\n"
        for index in 0..<12_000 {
            text += "  c\(index): { availability: \"99.9%\", tag: !!str \(index), depends_on: [c\(index / 2), {any: [a, b]}] }\n"
        }
        return text
    }()

    static let inputs: [String] = [
        large,
        large + "  broken: [unclosed\n",                        // libyaml stops after many batches
        large + "---\nsecond: document\n",                     // the builder stops before the parser's end
        large + "  c5: { availability: 99% }\n",              // a repeated key, found by the builder
        large + "  note: \"a line\\nbreak\"\n",                // the text policy's refusal
        "a: 1\n",
        "a: [1, 2\n",
        "- one\n- two\n",
    ]

    @Test(arguments: inputs.indices)
    func pipedIsDirect(_ index: Int) {
        let text = Self.inputs[index]
        let direct = YAMLEventBuilder.build(text, file: "f.yaml", checkingText: .proseOnly, pipedFrom: .max)
        let piped = YAMLEventBuilder.build(text, file: "f.yaml", checkingText: .proseOnly, pipedFrom: 0)
        #expect(Self.outcome(piped) == Self.outcome(direct))
    }

    /// Independently of the direct path: the last entry's place, and libyaml's stop where it is.
    @Test func pipedTreeAndStop() throws {
        let root = try YAMLEventBuilder.build(Self.large, file: "f.yaml", pipedFrom: 0).get()
        guard case .mapping(let top, _) = root, case .mapping(let components, _)? = top.last?.value else {
            Issue.record("expected a mapping of components"); return
        }
        #expect(components.count == 12_000)
        #expect(components.last?.key.text == "c11999")
        #expect(components.last?.key.location.line == 4 + 11_999)
        let broken = YAMLEventBuilder.build(Self.large + "  broken: [unclosed\n", file: "f.yaml", pipedFrom: 0)
        guard case .failure(let error) = broken else { Issue.record("an unclosed list must be refused"); return }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.message.hasPrefix("malformed YAML") == true)
    }

    @Test func streamsPipedAsDirect() {
        let stream = Self.large + "---\nkind: Second\n---\n---\nkind: Third\n"
        let direct = YAMLEventBuilder.buildStream(stream, file: "s.yaml", pipedFrom: .max)
        let piped = YAMLEventBuilder.buildStream(stream, file: "s.yaml", pipedFrom: 0)
        let dump = { (result: Result<[YAMLValue], DiagnosticError>) -> [String] in
            switch result {
            case .success(let roots): return roots.flatMap(Self.dump)
            case .failure(let error): return error.diagnostics.map(\.description)
            }
        }
        #expect(dump(piped) == dump(direct))
        if case .success(let roots) = piped { #expect(roots.count == 3) } else { Issue.record("the stream must parse") }
    }
}

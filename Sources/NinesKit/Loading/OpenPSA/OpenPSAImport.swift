/// `nines import openpsa`: Open-PSA MEF fault trees written as a nines model in success logic.
/// A basic event is a component whose availability is 1 − p; a gate is a perfect component
/// (availability 100%) that needs its inputs: an `or` of failures needs all of them, an `and` of
/// failures is an `any` group, at least k of n failures a `k_of` group needing n − k + 1. Each top
/// event (a gate no other gate uses) becomes an objective. The model written is loaded back before
/// it is returned, so what is written is a model nines accepts.
package enum OpenPSAImport {
    package struct Result: Sendable {
        /// The model, YAML.
        public let yaml: String
        public let components: Int
        /// The objectives, one per top event, in document order.
        public let objectives: [String]
    }

    /// System mission time of Open-PSA's `<system-mission-time/>` when none is given: one year, as SCRAM's default.
    public static let defaultMissionTime = 8760.0

    /// Imports `files` (read under `options`), `<system-mission-time/>` standing for `missionTime` hours.
    public static func run(files: [String], missionTime: Double = defaultMissionTime, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> Result {
        var documents: [(file: String, text: String)] = []
        for file in files {
            switch SourceFile.read(file, options: options) {
            case .success(let text): documents.append((SourceFile.displayName(file), text))
            case .failure(let error): throw error
            }
        }
        return try convert(documents, missionTime: missionTime)
    }

    /// Imports documents already read (file name and text).
    public static func convert(_ documents: [(file: String, text: String)], missionTime: Double = defaultMissionTime) throws(DiagnosticError) -> Result {
        let outcome: Swift.Result<Result, DiagnosticError> = DeepStack.run {   // gate chains may be long
            do throws(DiagnosticError) {
                let tree = try OpenPSAReader.read(documents, missionTime: missionTime)
                let normalised = FaultTreeNormalisation(tree)
                var writer = SuccessModelWriter(tree: tree, normalised: normalised, files: documents.map(\.file))
                let yaml = writer.write()
                let problems = normalised.problems + writer.problems
                guard problems.isEmpty else { throw DiagnosticError(problems) }
                _ = try ModelLoader.load(text: yaml, file: "imported model")   // what is written must load
                return .success(Result(yaml: yaml, components: writer.componentCount, objectives: writer.objectives))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let result): return result
        case .failure(let error): throw error.quoting(documents)
        }
    }
}

/// Writes the normalised tree as model YAML, components in depth-first order from the top events.
private struct SuccessModelWriter {
    let tree: FaultTree
    let normalised: FaultTreeNormalisation
    let files: [String]
    var problems: [Diagnostic] = []
    var objectives: [String] = []
    var componentCount = 0
    private var lines: [String] = []
    private var written = Set<String>()
    private var taken: Set<String>

    init(tree: FaultTree, normalised: FaultTreeNormalisation, files: [String]) {
        self.tree = tree
        self.normalised = normalised
        self.files = files
        taken = Set(tree.gates.map(\.name)).union(tree.basicEvents.keys).union(tree.houseEvents.keys)
    }

    mutating func write() -> String {
        var objectiveLines: [String] = []
        for top in normalised.tops {
            let node = normalised.gates[top.name] ?? .constant(false)
            let component: String
            switch node {
            case .constant(true):
                problems.append(Diagnostic(at: top.location, "top event '\(top.name)' always occurs (its house events and certain basic events decide it): a system that is never up has no availability to model", length: 11))
                continue
            case .event(let name):
                component = name
                emitEvent(name)
            case .constant(false), .gate:
                component = top.name
                emitGate(top.name, node)
            }
            objectiveLines.append("  \(Self.key(top.name)): { at: \(Self.key(component)) }")
            objectives.append(top.name)
        }
        let header = [
            "# Imported from Open-PSA MEF (\(files.map(Self.plain).joined(separator: ", "))) by 'nines import openpsa', in success logic:",
            "# a basic event is a component of availability 1 - p; a gate is a perfect component that needs its",
            "# inputs (an OR of failures needs all, an AND is an 'any' group, at least k of n failures a k_of group).",
            "version: 1",
            "system: \(Self.quoted(tree.names.first ?? "Imported fault tree"))",
            "layers:",
            "  gate: Open-PSA gates, perfect junctions over their inputs",
            "  basic-event: Open-PSA basic events",
            "components:",
        ]
        return (header + lines + ["objectives:"] + objectiveLines).joined(separator: "\n") + "\n"
    }

    /// A basic event's component (a normalised event is a basic event or a gate kept whole).
    private mutating func emitEvent(_ name: String) {
        guard let basic = tree.basicEvents[name] else {
            emitGate(name, normalised.gates[name] ?? .constant(false))
            return
        }
        guard written.insert(name).inserted else { return }
        componentCount += 1
        guard let availability = basic.text.flatMap(DecimalComplement.complement(of:)) ?? DecimalComplement.complement(of: "\(basic.probability)"),
              QuantityParser.decimal(availability).map({ $0 >= 0.000001 }) == true else {
            problems.append(Diagnostic(at: basic.location, "basic event '\(name)' fails with probability \(basic.probability): nines models availabilities of at least 0.000001, so probabilities up to 0.999999 (or exactly 1)", length: 19))
            return
        }
        lines.append("  \(Self.key(name)): { layer: basic-event, availability: \(availability) }")
    }

    private mutating func emitGate(_ name: String, _ node: FaultTreeNormalisation.Node) {
        guard written.insert(name).inserted else { return }
        componentCount += 1
        let index = lines.count
        lines.append("")   // this gate's line, filled once its nested gates are named
        var dependsOn = ""
        if case .gate(let kind, let inputs) = node {
            var names: [String] = []
            for (position, input) in inputs.enumerated() {
                switch input {
                case .event(let inputName):
                    names.append(inputName)
                    emitEvent(inputName)
                case .gate:
                    let nested = freshName("\(name)-\(position + 1)")
                    names.append(nested)
                    emitGate(nested, input)
                case .constant: break   // never: normalisation decided every constant
                }
            }
            let list = names.map(Self.key).joined(separator: ", ")
            switch kind {
            case .or: dependsOn = ", depends_on: [\(list)]"
            case .and: dependsOn = ", depends_on: [{ any: [\(list)] }]"
            case .atLeast(let k): dependsOn = ", depends_on: [{ k_of: { k: \(names.count - k + 1), of: [\(list)] } }]"
            }
        }
        lines[index] = "  \(Self.key(name)): { layer: gate, availability: 100%\(dependsOn) }"
    }

    /// `base`, or `base-2`, `base-3`… when an event already has that name.
    private mutating func freshName(_ base: String) -> String {
        var candidate = base, suffix = 1
        while taken.contains(candidate) || !NameRules.isValid(candidate) {
            suffix += 1
            candidate = "\(base.prefix(90))-\(suffix)"
        }
        taken.insert(candidate)
        return candidate
    }

    /// A name as a YAML key or flow item: quoted when YAML could read it as something else.
    static func key(_ name: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
        let startsWithLetter = name.utf8.first.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) } ?? false
        return startsWithLetter && !reserved.contains(name.lowercased()) ? name : "\"\(name)\""
    }

    static func quoted(_ text: String) -> String {
        "\"" + plain(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Printable ASCII only: a name from an untrusted file never writes a control character.
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { (0x20..<0x7F).contains($0.value) ? $0 : "?" }.prefix(200)))
    }
}

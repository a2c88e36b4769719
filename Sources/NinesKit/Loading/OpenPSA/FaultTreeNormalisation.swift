/// A fault tree brought to the form nines models: constants propagated (house events, basic events
/// of probability 0 or 1, and whatever they decide), nested gates of one kind coalesced into their
/// parent (`or` inside `or`, `and` inside `and`), `atleast` 1 and n read as `or` and `and`, a gate
/// that only passes one event on replaced by that event, and cycles refused. What remains are
/// gates over events; nested formulas become gates of their own, named after their parent.
struct FaultTreeNormalisation {
    /// A normalised formula: a constant, one event (basic event or gate that is not constant), or
    /// a gate over at least two inputs.
    indirect enum Node: Hashable {
        case constant(Bool)
        case event(String)
        case gate(Kind, [Node])
    }

    enum Kind: Hashable {
        case or, and
        case atLeast(Int)
    }

    /// Every gate's normalised formula, by name.
    private(set) var gates: [String: Node] = [:]
    /// Gates no formula refers to, in document order: the top events.
    let tops: [FaultTree.Gate]
    private(set) var problems: [Diagnostic] = []
    private let tree: FaultTree
    private let gateIndex: [String: Int]
    private var visiting: Set<String> = []

    init(_ tree: FaultTree) {
        self.tree = tree
        var gateIndex: [String: Int] = [:]
        for (index, gate) in tree.gates.enumerated() { gateIndex[gate.name] = index }
        self.gateIndex = gateIndex
        var referenced = Set<String>()
        func collect(_ formula: FaultTree.Formula) {
            switch formula {
            case .event(let name, _): referenced.insert(name)
            case .constant: break
            case .or(let inputs), .and(let inputs), .atLeast(_, let inputs, _): inputs.forEach(collect)
            }
        }
        tree.gates.forEach { collect($0.formula) }
        tops = tree.gates.filter { !referenced.contains($0.name) }
        for gate in tree.gates { _ = normalisedGate(gate.name, at: gate.location) }
        if tops.isEmpty, let first = tree.gates.first {
            problems.append(Diagnostic(at: first.location, "every gate is an input of another: the fault tree has no top event", length: 12))
        }
    }

    /// The normalised formula of gate `name`: `.event(name)` when it stays a gate of its own.
    private mutating func normalisedGate(_ name: String, at reference: ModelLocation) -> Node {
        if let done = gates[name] { return Self.asInput(name, done) }
        guard let index = gateIndex[name] else { return .event(name) }
        guard visiting.insert(name).inserted else {
            problems.append(Diagnostic(at: reference, "gate '\(name)' is an input of itself (a cycle)", length: name.count))
            return .constant(false)
        }
        let node = normalised(tree.gates[index].formula)
        visiting.remove(name)
        gates[name] = node
        return Self.asInput(name, node)
    }

    /// How a gate appears as an input of another: constants and single events pass through.
    private static func asInput(_ name: String, _ node: Node) -> Node {
        switch node {
        case .constant, .event: return node
        case .gate: return .event(name)
        }
    }

    private mutating func normalised(_ formula: FaultTree.Formula) -> Node {
        switch formula {
        case .constant(let value): return .constant(value)
        case .event(let name, let location):
            if let house = tree.houseEvents[name] { return .constant(house.state) }
            if let basic = tree.basicEvents[name] {
                if basic.probability == 0 { return .constant(false) }
                if basic.probability == 1 { return .constant(true) }
                return .event(name)
            }
            return normalisedGate(name, at: location)
        case .or(let inputs): return Self.combine(.or, inputs.map { normalised($0) })
        case .and(let inputs): return Self.combine(.and, inputs.map { normalised($0) })
        case .atLeast(let k, let inputs, let location):
            let nodes = inputs.map { normalised($0) }
            let certain = nodes.filter { $0 == .constant(true) }.count
            let rest = nodes.filter { if case .constant = $0 { return false } else { return true } }
            let needed = k - certain
            if needed <= 0 { return .constant(true) }
            if needed > rest.count { return .constant(false) }
            if needed == 1 { return Self.combine(.or, rest) }
            if needed == rest.count { return Self.combine(.and, rest) }
            if Set(rest).count < rest.count {
                problems.append(Diagnostic(at: location, "'atleast' lists one input twice; nines counts each input once", length: 8))
            }
            return .gate(.atLeast(needed), rest)
        }
    }

    /// `or`/`and` of `inputs`: constants decided or dropped, same-kind children merged, repeats dropped.
    private static func combine(_ kind: Kind, _ inputs: [Node]) -> Node {
        let absorbing = kind == .or   // `or` is certain with one certain input; `and` impossible with one impossible
        var result: [Node] = []
        var seen = Set<Node>()
        func add(_ node: Node) {
            switch node {
            case .constant(let value):
                if value == absorbing { result = [.constant(value)] }
            case .gate(let inner, let children) where inner == kind: children.forEach(add)
            default: if seen.insert(node).inserted { result.append(node) }
            }
        }
        for input in inputs {
            add(input)
            if result.first == .constant(absorbing) { return .constant(absorbing) }
        }
        switch result.count {
        case 0: return .constant(!absorbing)
        case 1: return result[0]
        default: return .gate(kind, result)
        }
    }
}

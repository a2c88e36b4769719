import Foundation

/// Reads Open-PSA MEF files into one `FaultTree`: the fault trees' gates, basic events and house
/// events, and `model-data`'s. What nines cannot model faithfully is refused with a located
/// error, never skipped: non-coherent gates (`not`, `xor`, `nand`, `nor`, `iff`, `imply`,
/// `cardinality`), event trees, common-cause groups and expressions other than numbers,
/// parameters, the mission time and `exponential`.
enum OpenPSAReader {
    /// Reads `documents` (file name and text), resolving names across all of them; the mission
    /// time (hours) is what `<system-mission-time/>` stands for.
    static func read(_ documents: [(file: String, text: String)], missionTime: Double) throws(DiagnosticError) -> FaultTree {
        var definitions = Definitions()
        var sources: [String: SourceText] = [:]
        for document in documents {
            sources[document.file] = SourceText(document.text, file: document.file)
            switch XMLElementTree.parse(document.text, file: document.file) {
            case .failure(let error): throw error
            case .success(let root): definitions.collect(root)
            }
        }
        let tree = definitions.resolve(missionTime: missionTime)
        guard definitions.problems.isEmpty else { throw DiagnosticError(definitions.problems, sources: sources) }
        return tree
    }

    /// The definitions of every file, still as elements (a parameter or event may be defined after,
    /// or in another file than, its use), and every problem found.
    private struct Definitions {
        var gates: [XMLElementNode] = []
        var basicEvents: [XMLElementNode] = []
        var houseEvents: [XMLElementNode] = []
        var parameters: [String: XMLElementNode] = [:]
        var definedAt: [String: ModelLocation] = [:]
        var treeNames: [String] = []
        var problems: [Diagnostic] = []

        static let ignored: Set<String> = ["label", "attributes"]
        static let nonCoherent: Set<String> = ["not", "xor", "nand", "nor", "iff", "imply", "cardinality"]

        mutating func problem(_ element: XMLElementNode, _ message: String) {
            problems.append(Diagnostic(at: element.location, message, length: element.name.count + 1))
        }

        mutating func collect(_ root: XMLElementNode) {
            guard root.name == "opsa-mef" else { return problem(root, "expected an Open-PSA MEF file ('opsa-mef'), found '\(root.name)'") }
            for container in root.children where !Self.ignored.contains(container.name) {
                switch container.name {
                case "define-fault-tree", "model-data":
                    if container.name == "define-fault-tree", let name = container.attributes["name"] { treeNames.append(name) }
                    for element in container.children where !Self.ignored.contains(element.name) { define(element, inFaultTree: container.name == "define-fault-tree") }
                default:
                    problem(container, "'\(container.name)' is not supported: nines imports fault trees ('define-fault-tree') and 'model-data'")
                }
            }
        }

        mutating func define(_ element: XMLElementNode, inFaultTree: Bool) {
            guard let name = element.attributes["name"] else { return problem(element, "'\(element.name)' needs a 'name'") }
            switch element.name {
            case "define-parameter":
                guard parameters[name] == nil else { return problem(element, "parameter '\(name)' is defined twice") }
                parameters[name] = element
                return
            case "define-gate" where inFaultTree: gates.append(element)
            case "define-basic-event": basicEvents.append(element)
            case "define-house-event": houseEvents.append(element)
            default:
                return problem(element, "'\(element.name)' is not supported here: nines imports gates, basic events, house events and parameters")
            }
            if let earlier = definedAt[name] {
                return problem(element, "event '\(name)' is already defined at \(earlier)")
            }
            guard NameRules.isValid(name) else {
                return problem(element, "event name '\(name)' cannot be a nines component name: \(NameRules.explanation)")
            }
            definedAt[name] = element.location
        }

        /// The tree with every name resolved and every expression evaluated.
        mutating func resolve(missionTime: Double) -> FaultTree {
            var tree = FaultTree()
            tree.names = treeNames
            for element in houseEvents {
                guard let name = element.attributes["name"], definedAt[name] == element.location else { continue }
                var state = false
                for child in element.children where !Self.ignored.contains(child.name) {
                    if child.name == "constant", let value = Self.boolean(child.attributes["value"]) { state = value }
                    else { problem(child, "a house event is set by '<constant value=\"true\"/>' or 'false', found '\(child.name)'") }
                }
                tree.houseEvents[name] = FaultTree.HouseEvent(name: name, state: state, location: element.location)
            }
            for element in basicEvents {
                guard let name = element.attributes["name"], definedAt[name] == element.location else { continue }
                let expressions = element.children.filter { !Self.ignored.contains($0.name) }
                guard let expression = expressions.first, expressions.count == 1 else {
                    problem(element, "basic event '\(name)' needs one probability expression (e.g. '<float value=\"1e-3\"/>')")
                    continue
                }
                var visiting: Set<String> = []
                guard let probability = evaluate(expression, missionTime: missionTime, visiting: &visiting) else { continue }
                guard probability >= 0, probability <= 1 else {
                    problem(expression, "the probability of basic event '\(name)' must be in [0, 1], found \(probability)")
                    continue
                }
                let text = expression.name == "float" ? expression.attributes["value"] : nil
                tree.basicEvents[name] = FaultTree.BasicEvent(name: name, probability: probability, text: text, location: element.location)
                tree.basicEventOrder.append(name)
            }
            var kinds: [String: String] = [:]
            for element in gates {
                if let name = element.attributes["name"], definedAt[name] == element.location { kinds[name] = "gate" }
            }
            // Events defined once are known even when their probability is wrong: one error each.
            for element in basicEvents {
                if let name = element.attributes["name"], definedAt[name] == element.location { kinds[name] = "basic-event" }
            }
            for name in tree.houseEvents.keys { kinds[name] = "house-event" }
            for element in gates {
                guard let name = element.attributes["name"], definedAt[name] == element.location else { continue }
                let formulas = element.children.filter { !Self.ignored.contains($0.name) }
                guard let formula = formulas.first, formulas.count == 1 else {
                    problem(element, "gate '\(name)' needs one formula")
                    continue
                }
                guard let resolved = self.formula(formula, kinds: kinds) else { continue }
                tree.gates.append(FaultTree.Gate(name: name, formula: resolved, location: element.location))
            }
            return tree
        }

        mutating func formula(_ element: XMLElementNode, kinds: [String: String]) -> FaultTree.Formula? {
            let arguments = element.children.filter { !Self.ignored.contains($0.name) }
            func inputs() -> [FaultTree.Formula]? {
                guard !arguments.isEmpty else {
                    problem(element, "'\(element.name)' needs at least one argument")
                    return nil
                }
                let resolved = arguments.map { formula($0, kinds: kinds) }
                return resolved.contains { $0 == nil } ? nil : resolved.compactMap { $0 }
            }
            switch element.name {
            case "or": return inputs().map { .or($0) }
            case "and": return inputs().map { .and($0) }
            case "atleast":
                guard let text = element.attributes["min"], let k = Int(text), k >= 1 else {
                    problem(element, "'atleast' needs 'min', a whole number of at least 1, found '\(element.attributes["min"] ?? "")'")
                    return nil
                }
                guard let resolved = inputs() else { return nil }
                guard k <= resolved.count else {
                    problem(element, "'atleast' asks for \(k) of \(resolved.count) arguments")
                    return nil
                }
                return .atLeast(k, resolved, at: element.location)
            case "constant":
                guard let value = Self.boolean(element.attributes["value"]) else {
                    problem(element, "'constant' needs value=\"true\" or \"false\"")
                    return nil
                }
                return .constant(value)
            case "gate", "basic-event", "house-event", "event":
                guard let name = element.attributes["name"] else {
                    problem(element, "'\(element.name)' needs a 'name'")
                    return nil
                }
                guard let kind = kinds[name] else {
                    problem(element, "'\(name)' is not defined" + Suggestion.hint(for: name, in: kinds.keys.sorted()))
                    return nil
                }
                let expected = element.name == "event" ? element.attributes["type"] ?? kind : element.name
                guard expected == kind else {
                    problem(element, "'\(name)' is a \(kind), not a \(expected)")
                    return nil
                }
                return .event(name, at: element.location)
            case let name where Self.nonCoherent.contains(name):
                problem(element, "'\(name)' is not a coherent gate: nines models only structures where more failures never bring the system up (use 'and', 'or', 'atleast')")
                return nil
            default:
                problem(element, "'\(element.name)' is not a formula nines reads (expected 'and', 'or', 'atleast', an event or 'constant')")
                return nil
            }
        }

        /// The value of an expression; nil (with a problem recorded) when it cannot be read.
        mutating func evaluate(_ element: XMLElementNode, missionTime: Double, visiting: inout Set<String>) -> Double? {
            let arguments = element.children.filter { !Self.ignored.contains($0.name) }
            switch element.name {
            case "float", "int":
                guard let text = element.attributes["value"], let value = QuantityParser.decimal(text), value.isFinite else {
                    problem(element, "'\(element.name)' needs a decimal 'value', found '\(element.attributes["value"] ?? "")'")
                    return nil
                }
                return value
            case "system-mission-time":
                return missionTime
            case "parameter":
                guard let name = element.attributes["name"], let definition = parameters[name] else {
                    let name = element.attributes["name"] ?? ""
                    problem(element, "parameter '\(name)' is not defined"
                            + Suggestion.hint(for: name, in: parameters.keys.sorted()))
                    return nil
                }
                guard visiting.insert(name).inserted else {
                    problem(element, "parameter '\(name)' is defined in terms of itself")
                    return nil
                }
                defer { visiting.remove(name) }
                let body = definition.children.filter { !Self.ignored.contains($0.name) }
                guard let expression = body.first, body.count == 1 else {
                    problem(definition, "parameter '\(name)' needs one expression")
                    return nil
                }
                return evaluate(expression, missionTime: missionTime, visiting: &visiting)
            case "exponential":
                guard arguments.count == 2,
                      let rate = evaluate(arguments[0], missionTime: missionTime, visiting: &visiting),
                      let time = evaluate(arguments[1], missionTime: missionTime, visiting: &visiting) else {
                    if arguments.count != 2 { problem(element, "'exponential' needs two arguments: the failure rate (per hour) and the time (hours)") }
                    return nil
                }
                guard rate >= 0, time >= 0 else {
                    problem(element, "'exponential' needs a rate and a time of at least 0, found \(rate) and \(time)")
                    return nil
                }
                return -expm1(-rate * time)   // exact near 0: 1e-12 keeps its digits
            default:
                problem(element, "'\(element.name)' is not an expression nines reads (expected 'float', 'int', 'parameter', 'exponential' or 'system-mission-time')")
                return nil
            }
        }

        static func boolean(_ text: String?) -> Bool? {
            switch text { case "true": true; case "false": false; default: nil }
        }
    }
}

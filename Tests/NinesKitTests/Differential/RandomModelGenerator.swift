import Foundation

/// A random model as plain data (what the evaluators read) and as YAML text (what nines reads).
///
/// Components only depend on components after them, so the graph is a DAG by construction;
/// shared dependencies arise when several components pick the same one. Gates (availability 1)
/// wire bridges: a five-link bridge is not series-parallel, so it needs the shared nodes.
struct GeneratedModel {
    enum Dependency {
        case one(Int)
        case atLeast(Int, of: [Int])
    }

    struct Unit {
        var name: String
        /// The availability as written in the YAML (decimal or percentage).
        var availabilityText: String
        var replicas = 1
        var needs = 1
        var betaText: String?
        var dependencies: [Dependency] = []

        /// Read back independently of nines' QuantityParser.
        var availability: Double {
            availabilityText.hasSuffix("%") ? Double(availabilityText.dropLast())! / 100 : Double(availabilityText)!
        }

        var beta: Double {
            guard let betaText else { return 0 }
            return betaText.hasSuffix("%") ? Double(betaText.dropLast())! / 100 : Double(betaText)!
        }

        var isPerfect: Bool { availability == 1 }
        var dependencyIndices: [Int] {
            dependencies.flatMap { dependency -> [Int] in
                switch dependency {
                case .one(let index): return [index]
                case .atLeast(_, let members): return members
                }
            }
        }
    }

    var units: [Unit]
    /// Components of the objective written into the model (a `path`).
    var objective: [Int]

    /// Components nothing depends on, in order: the system needs all of them.
    var roots: [Int] {
        let used = Set(units.flatMap(\.dependencyIndices))
        return units.indices.filter { !used.contains($0) }
    }

    var yaml: String {
        var text = "version: 1\nsystem: generated\ncomponents:\n"
        for unit in units {
            text += "  \(unit.name):\n    availability: \(unit.availabilityText)\n"
            if unit.replicas > 1 { text += "    replicas: \(unit.replicas)\n    needs: \(unit.needs)\n" }
            if let betaText = unit.betaText { text += "    common_cause: \(betaText)\n" }
            if !unit.dependencies.isEmpty {
                text += "    depends_on:\n"
                for dependency in unit.dependencies {
                    switch dependency {
                    case .one(let index): text += "      - \(units[index].name)\n"
                    case .atLeast(let k, let members):
                        let names = members.map { units[$0].name }.joined(separator: ", ")
                        text += k == 1 ? "      - any: [\(names)]\n" : "      - k_of: {k: \(k), of: [\(names)]}\n"
                    }
                }
            }
        }
        text += "objectives:\n  checked:\n    path: [\(objective.map { units[$0].name }.joined(separator: ", "))]\n"
        return text
    }
}

enum RandomModelGenerator {
    /// A model with `count` ordinary components (plus gates for bridges).
    static func make(count: Int, using random: inout SplitMix64) -> GeneratedModel {
        var units = (0..<count).map { GeneratedModel.Unit(name: "c\($0)", availabilityText: availabilityText(using: &random)) }
        for index in units.indices {
            if Int.random(in: 0..<4, using: &random) == 0 {
                let replicas = Int.random(in: 2...3, using: &random)
                units[index].replicas = replicas
                units[index].needs = Int.random(in: 1...replicas, using: &random)
                if Bool.random(using: &random) { units[index].betaText = ["0.1", "5%", "0.02", "0.5"].randomElement(using: &random)! }
            }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                // A component names each dependency once (nines refuses repeats).
                let used = Set(units[index].dependencyIndices)
                let later = ((index + 1)..<count).filter { !used.contains($0) }
                guard !later.isEmpty else { break }
                if later.count >= 2 && Int.random(in: 0..<3, using: &random) == 0 {
                    let members = Array(later.shuffled(using: &random).prefix(Int.random(in: 2...min(4, later.count), using: &random)))
                    units[index].dependencies.append(.atLeast(Int.random(in: 1...members.count, using: &random), of: members))
                } else {
                    units[index].dependencies.append(.one(later.randomElement(using: &random)!))
                }
            }
        }
        if count >= 7 && Int.random(in: 0..<3, using: &random) == 0 { addBridge(to: &units, using: &random) }
        let objective = Array(units.indices.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
        return GeneratedModel(units: units, objective: objective)
    }

    /// Wires a bridge over five distinct components e1…e5 (the classic s–t bridge, e3 the rung)
    /// with perfect gates, and makes a component before all of them depend on its terminal.
    static func addBridge(to units: inout [GeneratedModel.Unit], using random: inout SplitMix64) {
        let count = units.count
        let links = Array((1..<count).shuffled(using: &random).prefix(5))
        guard links.count == 5, let first = links.min(), first > 0 else { return }
        let user = Int.random(in: 0..<first, using: &random)   // a fresh terminal: never a repeated dependency
        let (e1, e2, e3, e4, e5) = (links[0], links[1], links[2], links[3], links[4])
        func gate(_ name: String, _ dependencies: [GeneratedModel.Dependency]) -> Int {
            units.append(GeneratedModel.Unit(name: "g\(count)_\(name)", availabilityText: "1", dependencies: dependencies))
            return units.count - 1
        }
        // Gates only refer to components that exist already, so their indices come after the links:
        // keep the "depend only on later components" rule by appending and letting `user` refer forward.
        let p23 = gate("p23", [.one(e2), .one(e3)])
        let p13 = gate("p13", [.one(e1), .one(e3)])
        let reachA = gate("a", [.atLeast(1, of: [e1, p23])])
        let reachB = gate("b", [.atLeast(1, of: [e2, p13])])
        let viaA = gate("a4", [.one(reachA), .one(e4)])
        let viaB = gate("b5", [.one(reachB), .one(e5)])
        let terminal = gate("t", [.atLeast(1, of: [viaA, viaB])])
        units[user].dependencies.append(.one(terminal))
    }

    /// Availabilities as people write them: short decimals, long decimals, percentages.
    static func availabilityText(using random: inout SplitMix64) -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return ["0.9", "0.95", "0.99", "0.999", "0.5", "0.8"].randomElement(using: &random)!
        case 1: return "99.\(Int.random(in: 0...99, using: &random))%"
        case 2: return "0.9" + String(Int.random(in: 1...999_999, using: &random))
        case 3: return "0." + String(Int.random(in: 50...98, using: &random))
        default: return String(format: "0.99%03d", Int.random(in: 0...999, using: &random))
        }
    }
}

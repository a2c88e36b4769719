/// Minimal cut sets through module variables (`BDDModules.swift`): a cut set of the diagram that
/// holds a module variable stands for that set with the variable replaced by each minimal cut set
/// of the module's own diagram. A module shares no variable with the rest, so every such product
/// is minimal and no other is (the modular decomposition of coherent structures: Barlow and
/// Proschan, "Statistical theory of reliability and life testing", 1975, ch. 2).
enum ModuleCutSets {
    /// `weight` (order of each variable's cheapest own cut, by level) with each module variable
    /// weighing its module's cheapest cut: the lightest path to "down" in its diagram, a lower
    /// bound the search can prune with. Inner modules (built first, lower roots) are weighed first.
    static func weights(_ weight: [Int], bdd: BDD) -> [Int] {
        guard !bdd.moduleRoots.isEmpty else { return weight }
        var weight = weight
        for (level, root) in bdd.moduleRoots.sorted(by: { $0.value < $1.value }) {
            var lightest: [BDD.Ref: Int] = [BDD.down: 0, BDD.up: MinimalCutSetSearch.never]
            for node in bdd.nodes(below: root).reversed() {   // children first
                let own = weight[Int(bdd.level(node))]
                let viaLow = own >= MinimalCutSetSearch.never ? own : own + lightest[bdd.low(node)]!
                lightest[node] = min(MinimalCutSetSearch.never, lightest[bdd.high(node)]!, viaLow)
            }
            weight[Int(level)] = lightest[root]!
        }
        return weight
    }

    /// `cuts` (sorted levels) with every module variable replaced by its module's cut sets (at any
    /// depth), dropping products heavier than the search's order (and saying so).
    static func expanded(_ cuts: [[Int32]], search: inout MinimalCutSetSearch) -> (cuts: [[Int32]], truncated: Bool) {
        let modules = search.bdd.moduleRoots
        guard !modules.isEmpty else { return (cuts, false) }
        var truncated = false
        var inside: [Int32: [[Int32]]] = [:]   // each module's own cut sets, expanded once
        func cutSets(ofModule level: Int32) -> [[Int32]] {
            if let known = inside[level] { return known }
            let found = search.cutSets(of: modules[level]!)
            truncated = truncated || found.truncated
            let result = expand(found.cuts)
            inside[level] = result
            return result
        }
        func expand(_ cuts: [[Int32]]) -> [[Int32]] {
            var result: [[Int32]] = []
            for cut in cuts {
                var products: [[Int32]] = [cut.filter { modules[$0] == nil }]
                for level in cut where modules[level] != nil {
                    let options = cutSets(ofModule: level)
                    products = products.flatMap { base in
                        options.compactMap { option -> [Int32]? in
                            let union = (base + option).sorted()
                            guard search.order(union) <= search.maxOrder else { truncated = true; return nil }
                            return union
                        }
                    }
                }
                result.append(contentsOf: products)
            }
            return result
        }
        let result = expand(cuts)
        return (result, truncated)
    }
}

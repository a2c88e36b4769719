/// The order of the stack diagram's layers, top to bottom: callers above what they call.
extension StackDiagramBuilder {
    /// Ties between built-in layers, as a stack is drawn: software on top, what it stands on below, external integrations last.
    static let stackOrder = ["software", "data", "network", "platform", "physical", "external"]
    /// Up to this many layers every order is tried; beyond, layers go by mean depth.
    static let exhaustiveLayers = 8
    /// What putting two layers against the preferred order costs, in bands an edge crosses.
    static let inversionCost = 3

    /// Layers in the order with the fewest dependencies pointing up (callers above what they
    /// call), then the shortest edges; ties follow `stackOrder`, then the declared order.
    static func orderedLayers(_ model: SystemModel, index: [String: Int]) -> [DiagramLayer] {
        // By index, each component's layer looked up once: iterating the components copies each
        // (large) one, and hashing its layer name for every dependency cost more than the order.
        var names: [String] = [], layerOf: [String: Int] = [:]
        var layerOfComponent = [Int](repeating: 0, count: model.components.count)
        for position in model.components.indices {
            let layer = model.components[position].layer
            if let known = layerOf[layer] {
                layerOfComponent[position] = known
            } else {
                layerOf[layer] = names.count
                layerOfComponent[position] = names.count
                names.append(layer)
            }
        }
        let targets = model.components.indices.map { model.components[$0].dependencyNames.compactMap { index[$0] } }
        let declared = model.layers.map(\.name)
        func tieBreak(_ layer: String) -> Int {
            if let builtIn = stackOrder.firstIndex(of: layer) { return builtIn }
            return stackOrder.count + (declared.firstIndex(of: layer) ?? declared.count)
        }
        var preferred = Array(names.indices).sorted { (tieBreak(names[$0]), names[$0]) < (tieBreak(names[$1]), names[$1]) }
        var weight = [[Int]](repeating: [Int](repeating: 0, count: names.count), count: names.count)
        for (position, list) in targets.enumerated() {
            for target in list { weight[layerOfComponent[position]][layerOfComponent[target]] += 1 }
        }
        if names.count <= exhaustiveLayers {
            preferred = bestOrder(preferred, weight: weight)
        } else {
            let depth = depths(targets)
            var sum = [Double](repeating: 0, count: names.count), count = [Int](repeating: 0, count: names.count)
            for (position, layer) in layerOfComponent.enumerated() {
                sum[layer] += Double(depth[position])
                count[layer] += 1
            }
            preferred = preferred.enumerated().sorted { left, right in
                let a = sum[left.element] / Double(count[left.element]), b = sum[right.element] / Double(count[right.element])
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
        }
        return preferred.map { layer in
            let name = names[layer]
            return DiagramLayer(name: name, description: model.layers.first { $0.name == name }?.description,
                                colour: LayerPalette.colour(for: name, declaredIndex: declared.firstIndex(of: name)))
        }
    }

    /// The permutation of `layers` (given in the preferred stack order) with the least upward
    /// weight, then the least total span plus `inversionCost` per pair taken out of the preferred
    /// order (so a stack reads software over platform over physical unless the edges say
    /// otherwise); the first found (permutations run in lexicographic order) wins ties.
    static func bestOrder(_ layers: [Int], weight: [[Int]]) -> [Int] {
        var preferred = [Int](repeating: 0, count: weight.count)
        for (rank, layer) in layers.enumerated() { preferred[layer] = rank }
        var position = [Int](repeating: 0, count: weight.count)
        func cost(_ order: [Int]) -> Int {
            for (slot, layer) in order.enumerated() { position[layer] = slot }
            var upward = 0, span = 0, inversions = 0
            for from in order {
                for to in order where to != from {
                    if position[to] > position[from] && preferred[to] < preferred[from] { inversions += 1 }
                    let count = weight[from][to]
                    guard count > 0 else { continue }
                    let distance = position[to] - position[from]
                    if distance < 0 { upward += count } else { span += distance * count }
                }
            }
            return upward * 1_000_000 + span + inversions * inversionCost
        }
        var slots = Array(layers.indices)
        var best = layers, bestCost = cost(layers)
        // Next lexicographic permutation of the slots (Narayana's algorithm).
        while true {
            guard let pivot = slots.indices.dropLast().last(where: { slots[$0] < slots[$0 + 1] }) else { break }
            let swap = slots.indices.last { slots[$0] > slots[pivot] }!
            slots.swapAt(pivot, swap)
            slots[(pivot + 1)...].reverse()
            let order = slots.map { layers[$0] }
            let value = cost(order)
            if value < bestCost { best = order; bestCost = value }
        }
        return best
    }

    /// Longest path from a top of the diagram to each component (tops are 0), `targets[i]` being
    /// the positions component i depends on. The model is acyclic.
    static func depths(_ targets: [[Int]]) -> [Int] {
        let count = targets.count
        var callers = [Int](repeating: 0, count: count)
        for list in targets { for target in list { callers[target] += 1 } }
        var depth = [Int](repeating: 0, count: count)
        var ready = (0..<count).filter { callers[$0] == 0 }
        while let next = ready.popLast() {
            for target in targets[next] {
                depth[target] = max(depth[target], depth[next] + 1)
                callers[target] -= 1
                if callers[target] == 0 { ready.append(target) }
            }
        }
        return depth
    }
}

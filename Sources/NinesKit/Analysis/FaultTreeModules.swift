/// The modules of a fault tree: gates whose descendants are reached from nowhere else, found in
/// linear time by Dutuit and Rauzy's algorithm ("A linear-time algorithm to find modules of fault
/// trees", IEEE Trans. Reliability 45(3), 1996). One depth-first walk from the roots stamps each
/// node's entry and exit and every visit of it (a node reached again through another parent is
/// visited again, not walked again); a gate is a module when all its descendants' visits fall
/// strictly between its own entry and exit.
///
/// A module shares no component with the rest of the tree, so its diagram can be built alone and
/// stood for by one variable whose probability is the module's (`CompiledStructure`): the
/// diagram of the whole then grows with the sum of the parts' sizes instead of their product.
enum FaultTreeModules {
    /// The gates (by component index, from `candidates`) that are modules of the tree formed by
    /// `dependencies` below `roots`. Roots themselves are left out: nothing stands above them.
    static func find(_ dependencies: ResolvedDependencies, count: Int, roots: [Int], candidates: Set<Int>) -> Set<Int> {
        var entry = [Int](repeating: -1, count: count), exit = [Int](repeating: 0, count: count)
        var lastVisit = [Int](repeating: 0, count: count)
        var finished: [Int] = []   // post-order: children before parents
        finished.reserveCapacity(count)
        var clock = 0
        var hasParent = [Bool](repeating: false, count: count)
        for member in dependencies.members { hasParent[member] = true }
        for start in roots + Array(0..<count) where entry[start] < 0 {
            clock += 1
            entry[start] = clock
            lastVisit[start] = clock
            var stack: [(node: Int, next: Int)] = [(start, dependencies.memberStart[dependencies.requirementStart[start]])]
            while let top = stack.last {
                let end = dependencies.memberStart[dependencies.requirementStart[top.node + 1]]
                if top.next < end {
                    let child = dependencies.members[top.next]
                    stack[stack.count - 1].next += 1
                    clock += 1
                    lastVisit[child] = clock
                    if entry[child] < 0 {
                        entry[child] = clock
                        stack.append((child, dependencies.memberStart[dependencies.requirementStart[child]]))
                    }
                } else {
                    clock += 1
                    exit[top.node] = clock
                    finished.append(top.node)
                    stack.removeLast()
                }
            }
        }
        // The earliest and latest visit of any descendant, children before parents (linear).
        var earliest = [Int](repeating: Int.max, count: count), latest = [Int](repeating: Int.min, count: count)
        for node in finished {
            let start = dependencies.memberStart[dependencies.requirementStart[node]]
            let end = dependencies.memberStart[dependencies.requirementStart[node + 1]]
            for child in dependencies.members[start..<end] {
                earliest[node] = min(earliest[node], entry[child], earliest[child])
                latest[node] = max(latest[node], lastVisit[child], latest[child])
            }
        }
        return Set(candidates.filter { gate in
            hasParent[gate] && earliest[gate] > entry[gate] && latest[gate] < exit[gate]
        })
    }
}

/// Which terms of a conjunction test common components: disjoint sets over the terms, joined
/// when two of them test one level (union-find with path halving).
struct TermSets {
    private var parent: [Int32]

    init(count: Int) { parent = (0..<Int32(count)).map { $0 } }

    /// The representative of `term`'s set.
    mutating func find(_ term: Int) -> Int {
        var term = term
        while Int(parent[term]) != term {
            parent[term] = parent[Int(parent[term])]
            term = Int(parent[term])
        }
        return term
    }

    /// Puts `term` in `other`'s set.
    mutating func join(_ other: Int, _ term: Int) {
        let root = find(other), into = find(term)
        if root != into { parent[root] = Int32(into) }
    }

    /// Joins the terms whose diagrams (`roots`, by term) test a common level, in one walk over all
    /// their nodes: with no level fixed, two terms that reach one node test its level, and what
    /// lies below a node reached before was claimed then, so each node is walked once (a system of
    /// 27,000 closures shares its dependencies' diagrams). Uses `scratch`'s marks.
    mutating func joinTestingCommonLevels(_ roots: [[BDD.Ref]], scratch: inout BDDScratch) {
        scratch.walk += 1
        let walk = scratch.walk
        // The marks are taken out of the scratch for the walk, so that no access is checked.
        var mark: [Int32] = [], owners: [Int32] = []
        swap(&mark, &scratch.mark)
        swap(&owners, &scratch.local)   // the term that reached each node first
        defer {
            swap(&mark, &scratch.mark)
            swap(&owners, &scratch.local)
        }
        var levelOwner = [Int32](repeating: -1, count: scratch.levelCount)
        var stack: [Int] = []
        let up = Int(BDD.up)
        scratch.bdd.withNodes { nodes in
            for (term, termRoots) in roots.enumerated() {
                let owner = Int32(term)
                for root in termRoots.lazy.map(Int.init) where root > up {
                    if mark[root] == walk {
                        if owners[root] != owner { join(Int(owners[root]), term) }
                        continue
                    }
                    mark[root] = walk
                    owners[root] = owner
                    stack.append(root)
                    while let node = stack.popLast() {
                        let level = Int(nodes[node].level)
                        if levelOwner[level] < 0 { levelOwner[level] = owner } else { join(Int(levelOwner[level]), term) }
                        var child = Int(nodes[node].low)
                        for _ in 0..<2 {
                            if child > up {
                                if mark[child] != walk {
                                    mark[child] = walk
                                    owners[child] = owner
                                    stack.append(child)
                                } else if owners[child] != owner {
                                    join(Int(owners[child]), term)
                                }
                            }
                            child = Int(nodes[node].high)
                        }
                    }
                }
            }
        }
    }
}

import Foundation

/// The likeliest cut sets of "some of `targets` down", found bottom-up over the structure without
/// a diagram (a beam search): each component keeps at most `width` of its likeliest cut sets,
/// built from those of what it needs (a requirement needing k of n members fails when n − k + 1
/// members do: products of their cut sets). Every set listed is a cut set (all its components
/// down takes a target down), so the exact probability of their union is a certified lower bound
/// on Q; they need not be all of them, nor minimal until `minimal` is applied.
struct HeaviestCutSets {
    struct CutSet: Hashable {
        /// Component indices, ascending.
        let components: [Int]
        /// Π of the components' own unavailabilities.
        let probability: Double
    }

    static let width = 64
    /// A requirement whose failure needs more members down than this, or whose members times
    /// that exceed `maximumProducts`, adds no cut sets (still certified: fewer sets, a lower union;
    /// a k_of group over hundreds of members would cost seconds for sets too unlikely to matter).
    static let maximumFailing = 8
    static let maximumProducts = 2048

    /// - Parameters:
    ///   - down: each component's own unavailability (by component index).
    ///   - order: the components reached from the targets, each after everything it needs.
    static func find(_ dependencies: ResolvedDependencies, down: [Double], targets: [Int], order: [Int], width: Int = width) -> [CutSet] {
        var sets = [[CutSet]](repeating: [], count: down.count)
        for component in order {
            var found: [CutSet] = down[component] > 0 ? [CutSet(components: [component], probability: down[component])] : []
            for requirement in dependencies.requirementStart[component]..<dependencies.requirementStart[component + 1] {
                let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]]
                let failing = members.count - dependencies.needed[requirement] + 1
                found += failingAtLeast(failing, of: members.map { sets[$0] }, down: down, width: width)
            }
            sets[component] = likeliest(found, width)
        }
        return minimal(likeliest(targets.flatMap { sets[$0] }, width))
    }

    /// Cut sets of "at least `failing` of the members down": dynamic programming over the members,
    /// best[t] holding the likeliest ways to fail t of those seen so far.
    static func failingAtLeast(_ failing: Int, of members: [[CutSet]], down: [Double], width: Int) -> [CutSet] {
        guard failing <= maximumFailing, failing * members.count <= maximumProducts else { return [] }
        guard failing > 0, failing <= members.count else { return failing <= 0 ? [CutSet(components: [], probability: 1)] : [] }
        var best = [[CutSet]](repeating: [], count: failing + 1)
        best[0] = [CutSet(components: [], probability: 1)]
        for member in members where !member.isEmpty {
            for t in stride(from: failing, through: 1, by: -1) where !best[t - 1].isEmpty {
                var joined = best[t]
                // Both lists are likeliest first, so at least (i + 1)(j + 1) − 1 pairs have a product
                // no smaller than pair (i, j)'s: past `width` of them it is not among the likeliest
                // (exactly so for sets sharing no component, where the union's probability is the
                // product). So only pairs with (i + 1)(j + 1) ≤ width are joined: about
                // width · ln(width) unions instead of width².
                for (i, left) in best[t - 1].enumerated() where i < width {
                    for (j, right) in member.enumerated() {
                        guard (i + 1) * (j + 1) <= width else { break }
                        joined.append(union(left, right, down: down))
                    }
                }
                best[t] = likeliest(joined, width)
            }
        }
        return best[failing]
    }

    /// Both sets down: their union, its probability over distinct components.
    static func union(_ a: CutSet, _ b: CutSet, down: [Double]) -> CutSet {
        var components: [Int] = []
        components.reserveCapacity(a.components.count + b.components.count)
        var probability = a.probability
        var (i, j) = (0, 0)
        while i < a.components.count || j < b.components.count {
            if j == b.components.count || (i < a.components.count && a.components[i] < b.components[j]) {
                components.append(a.components[i]); i += 1
            } else if i == a.components.count || b.components[j] < a.components[i] {
                components.append(b.components[j]); probability *= down[b.components[j]]; j += 1
            } else {
                components.append(a.components[i]); i += 1; j += 1
            }
        }
        return CutSet(components: components, probability: probability)
    }

    /// The `width` likeliest distinct sets, likeliest first.
    static func likeliest(_ sets: [CutSet], _ width: Int) -> [CutSet] {
        var seen = Set<[Int]>()
        // Ties keep their input order (a stable sort), itself deterministic.
        let sorted = sets.enumerated().sorted { ($0.element.probability, $1.offset) > ($1.element.probability, $0.offset) }.map(\.element)
        var kept: [CutSet] = []
        for set in sorted where kept.count < width && seen.insert(set.components).inserted { kept.append(set) }
        return kept
    }

    /// Those of `sets` that hold no other listed set (a superset adds nothing to the union).
    static func minimal(_ sets: [CutSet]) -> [CutSet] {
        let bySize = sets.sorted { ($0.components.count, $0.probability) < ($1.components.count, $1.probability) }
        var kept: [CutSet] = []
        for set in bySize where !kept.contains(where: { Set($0.components).isSubset(of: set.components) }) { kept.append(set) }
        return kept.sorted { $0.probability > $1.probability }
    }
}

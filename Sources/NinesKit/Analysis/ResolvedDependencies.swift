/// Every component's `depends_on` with names resolved to component indices once, in flat arrays,
/// so that compilation and sampling never hash a name again (at 100,000 components, hashing the
/// names of half a million dependencies in each of three places cost about 0.1 s).
///
/// Component c's requirements are `requirementStart[c]..<requirementStart[c + 1]`; requirement r
/// needs `needed[r]` of `members[memberStart[r]..<memberStart[r + 1]]` up. A plain dependency is
/// "1 of 1", a group `k_of` its members, `any` 1 of its members.
package struct ResolvedDependencies: Sendable, Equatable {
    public let requirementStart: [Int]
    public let needed: [Int]
    /// Whether requirement r is a group (`any` or `k_of`) rather than one plain dependency.
    public let isGroup: [Bool]
    public let memberStart: [Int]
    public let members: [Int]

    /// Components per chunk, at least, when a large model's names are resolved on the cores.
    static let componentsPerChunk = 4_000

    /// Resolves `model`'s dependencies through `indexOf`. The model must be valid (every name known),
    /// as `ModelLoader` guarantees. A large model's components are resolved in chunks on the
    /// processor's cores (`OrderedChunks`, at most `chunks`), each chunk's arrays joined in model order.
    public init(_ model: SystemModel, indexOf: [String: Int], chunks chunkCount: Int = OrderedChunks.sharedCoreChunks) {
        var chunks = OrderedChunks.map(count: model.components.count, chunks: chunkCount, minimumChunk: Self.componentsPerChunk) { range in
            Part(model, indexOf: indexOf, range)
        }
        var joined = Part()
        swap(&joined, &chunks[0])   // its arrays unshared, so appending to them copies nothing
        for part in chunks.dropFirst() {
            let (requirements, members) = (joined.needed.count, joined.members.count)
            joined.requirementStart += part.requirementStart.dropFirst().map { $0 + requirements }
            joined.memberStart += part.memberStart.dropFirst().map { $0 + members }
            joined.needed += part.needed
            joined.isGroup += part.isGroup
            joined.members += part.members
        }
        (requirementStart, needed, isGroup, memberStart, members) =
            (joined.requirementStart, joined.needed, joined.isGroup, joined.memberStart, joined.members)
    }

    /// The arrays of the components of one chunk, their requirements and members counted from 0.
    private struct Part: Sendable {
        var requirementStart = [0], needed: [Int] = [], isGroup: [Bool] = [], memberStart = [0], members: [Int] = []

        init() {}

        init(_ model: SystemModel, indexOf: [String: Int], _ range: Range<Int>) {
            requirementStart.reserveCapacity(range.count + 1)
            for index in range {   // by index: reading one field, not copying the component
                for dependency in model.components[index].dependencies {
                    switch dependency {
                    case .component(let name, _):
                        needed.append(1)
                        isGroup.append(false)
                        members.append(indexOf[name]!)
                    case .group(let k, let group, _):
                        needed.append(k)
                        isGroup.append(true)
                        for name in group { members.append(indexOf[name]!) }
                    }
                    memberStart.append(members.count)
                }
                requirementStart.append(needed.count)
            }
        }
    }

    /// Indices of component c's direct dependencies (plain or in groups), in model order; may repeat.
    public func dependencies(of component: Int) -> ArraySlice<Int> {
        members[memberStart[requirementStart[component]]..<memberStart[requirementStart[component + 1]]]
    }
}

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

    /// Resolves `model`'s dependencies through `indexOf`. The model must be valid (every name known),
    /// as `ModelLoader` guarantees.
    public init(_ model: SystemModel, indexOf: [String: Int]) {
        var requirementStart = [0], needed: [Int] = [], isGroup: [Bool] = [], memberStart = [0], members: [Int] = []
        requirementStart.reserveCapacity(model.components.count + 1)
        for index in model.components.indices {   // by index: reading one field, not copying the component
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
        (self.requirementStart, self.needed, self.isGroup, self.memberStart, self.members) =
            (requirementStart, needed, isGroup, memberStart, members)
    }

    /// Indices of component c's direct dependencies (plain or in groups), in model order; may repeat.
    public func dependencies(of component: Int) -> ArraySlice<Int> {
        members[memberStart[requirementStart[component]]..<memberStart[requirementStart[component + 1]]]
    }
}

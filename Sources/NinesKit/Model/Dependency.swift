/// One entry of a component's `depends_on` list.
public enum Dependency: Hashable, Sendable {
    /// A single component that must be up.
    case component(String, ModelLocation)
    /// A redundancy group: at least `k` of `members` must be up (`any` is k = 1).
    case group(k: Int, members: [String], ModelLocation)
}

extension Sequence<Dependency> {
    /// Every component named, plain or inside a group, in list order.
    public var componentNames: [String] {
        // A loop, not `flatMap`: no one-name array per plain dependency (it runs for every component).
        var names: [String] = []
        names.reserveCapacity(underestimatedCount)
        for dependency in self {
            switch dependency {
            case .component(let name, _): names.append(name)
            case .group(_, let members, _): names.append(contentsOf: members)
            }
        }
        return names
    }
}

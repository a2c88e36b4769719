/// The structure function as the simulator evaluates it, straight from the model's dependencies
/// (no decision diagram): a component's closure is up when its own instances are (k of n) and
/// every requirement is met — a plain dependency up, or at least k members of a group up.
///
/// The simulator keeps, per component, how many requirements are unmet and, per requirement, how
/// many members are up, and propagates a change upwards only while something flips, so an event
/// costs the edges above the component that changed and no more.
///
/// The closure is kept in up to four *lenses*: two views (0: every component counted; 1, the SLA
/// view: components excluded from the SLA treated as never failing) times two senses (0: plain,
/// what end-to-end flows see; 1: dependencies seen through their `masked_for` windows, what
/// availability objectives and the masks' own inputs see). A view or sense the model does not
/// need is left out. Lens = view · senseCount + sense.
struct SimulationGraph: Sendable {
    let componentCount: Int
    /// Component c's requirements are `requirementStart[c]..<requirementStart[c + 1]`.
    let requirementStart: [Int32]
    let requirementNeeded: [Int32]
    let requirementOwner: [Int32]
    /// Number of member entries of each requirement (all up at the start).
    let requirementMemberCount: [Int32]
    /// The requirements component c is a member of (repeated when it is listed twice):
    /// `parentRequirement[parentStart[c]..<parentStart[c + 1]]`.
    let parentStart: [Int32]
    let parentRequirement: [Int32]
    var requirementCount: Int { requirementNeeded.count }

    /// Mask index of each component with `masked_for` or a write-ahead completion window, else −1.
    let maskOf: [Int32]
    /// By sense · maskCount + mask: the window hours of each mask in each sense, 0 for none
    /// (sense 0: a write-ahead's completion window, what flows of stored requests ride through;
    /// sense 1: `masked_for`, what callers ride through).
    let maskWindow: [Double]
    /// Component of each mask.
    let maskComponent: [Int32]
    /// By view · maskCount + mask: whether the masked closure can go down in that view.
    let maskCanFail: [Bool]
    var maskCount: Int { maskComponent.count }

    let viewCount: Int
    let senseCount: Int
    var lensCount: Int { viewCount * senseCount }
    /// By lens · components + component: whether some objective that reads the lens needs the
    /// component (it is in the objective's closure). Only those are maintained in the lens; the SLA
    /// view reads only objectives with an excluded component in their closure (the others' SLA
    /// figures are their full ones).
    let relevant: [Bool]
    /// Components treated as never failing in the SLA view.
    let excluded: [Bool]

    /// For lens l and component c, the objectives followed in that lens that need c's closure up
    /// (repeated when listed twice): `objectiveRows[objectiveRowStart[l · count + c]..<…[l · count + c + 1]]`.
    /// An objective is followed in the SLA view only when something in its closure is excluded,
    /// and through masks only when it measures availability and a mask in its closure can fail in
    /// that view (otherwise the plain lens says the same).
    let objectiveRowStart: [Int32]
    let objectiveRows: [Int32]
    /// Per objective, the excluded components in its dependency closure (model order).
    let excludedInClosure: [[String]]

    init(_ model: SystemModel) {
        let components = model.components
        let count = components.count
        componentCount = count
        var indexOf: [String: Int] = [:]
        indexOf.reserveCapacity(count)
        for (index, component) in components.enumerated() { indexOf[component.name] = index }
        let resolved = ResolvedDependencies(model, indexOf: indexOf)

        requirementStart = resolved.requirementStart.map { Int32($0) }
        requirementNeeded = resolved.needed.map { Int32($0) }
        var owner = [Int32](repeating: 0, count: resolved.needed.count)
        for component in 0..<count {
            for requirement in resolved.requirementStart[component]..<resolved.requirementStart[component + 1] {
                owner[requirement] = Int32(component)
            }
        }
        requirementOwner = owner
        requirementMemberCount = resolved.needed.indices.map { Int32(resolved.memberStart[$0 + 1] - resolved.memberStart[$0]) }
        var parents = [[Int32]](repeating: [], count: count)
        for requirement in resolved.needed.indices {
            for member in resolved.members[resolved.memberStart[requirement]..<resolved.memberStart[requirement + 1]] {
                parents[member].append(Int32(requirement))
            }
        }
        (parentStart, parentRequirement) = Self.compress(parents)

        var maskOf = [Int32](repeating: -1, count: count), pathWindows: [Double] = [], windows: [Double] = [], maskComponent: [Int32] = []
        for (index, component) in components.enumerated() where component.maskedFor != nil || component.completionWindow != nil {
            maskOf[index] = Int32(windows.count)
            pathWindows.append(component.completionWindow ?? 0)
            windows.append(component.maskedFor ?? 0)
            maskComponent.append(Int32(index))
        }
        self.maskOf = maskOf
        self.maskComponent = maskComponent
        maskWindow = pathWindows + windows

        let excluded = components.map { !$0.responsibility.countsAgainstSLA }
        self.excluded = excluded
        let closures = model.objectives.map { objective in
            Self.closure(of: objective.components.compactMap { indexOf[$0] }, resolved, count: count)
        }
        excludedInClosure = closures.map { closure in closure.filter { excluded[$0] }.map { components[$0].name } }
        viewCount = excludedInClosure.contains { !$0.isEmpty } ? 2 : 1
        senseCount = windows.isEmpty ? 1 : 2
        // In the SLA view an excluded masked component never fails itself; its window matters
        // only when something it depends on can (conservatively: when it has dependencies).
        var maskCanFail: [Bool] = []
        for view in 0..<viewCount {
            for component in maskComponent.map({ Int($0) }) {
                maskCanFail.append(view == 0 || !excluded[component] || resolved.requirementStart[component + 1] > resolved.requirementStart[component])
            }
        }
        self.maskCanFail = maskCanFail
        var relevant = [Bool](repeating: false, count: viewCount * senseCount * count)
        var rows = [[Int32]](repeating: [], count: viewCount * senseCount * count)
        for view in 0..<viewCount {
            for (index, objective) in model.objectives.enumerated() where view == 0 || !excludedInClosure[index].isEmpty {
                let masked = objective.measure == .availability
                    && closures[index].contains { maskOf[$0] >= 0 && windows[Int(maskOf[$0])] > 0
                                                  && maskCanFail[view * windows.count + Int(maskOf[$0])] }
                let lens = view * senseCount + (masked ? 1 : 0)
                for component in closures[index] { relevant[lens * count + component] = true }
                for component in objective.components.compactMap({ indexOf[$0] }) {
                    rows[lens * count + component].append(Int32(index))
                }
            }
        }
        self.relevant = relevant
        (objectiveRowStart, objectiveRows) = Self.compress(rows)
    }

    /// Components reachable from `starts` through dependencies, in ascending index order.
    static func closure(of starts: [Int], _ resolved: ResolvedDependencies, count: Int) -> [Int] {
        var seen = [Bool](repeating: false, count: count)
        var stack = starts
        for start in starts { seen[start] = true }
        while let component = stack.popLast() {
            for dependency in resolved.dependencies(of: component) where !seen[dependency] {
                seen[dependency] = true
                stack.append(dependency)
            }
        }
        return (0..<count).filter { seen[$0] }
    }

    /// Compressed rows of a list of lists.
    static func compress(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
        var start: [Int32] = [0]
        var flat: [Int32] = []
        start.reserveCapacity(lists.count + 1)
        for list in lists {
            flat.append(contentsOf: list)
            start.append(Int32(flat.count))
        }
        return (start, flat)
    }
}

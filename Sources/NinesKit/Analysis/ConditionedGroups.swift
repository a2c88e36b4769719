import Foundation

/// The group terms of a `ConditionedConjunction` during one enumeration: "at least k of these
/// members up", each member all of its factors up (two regions, each on its own pool, behind one
/// front door). Given the conditioned components the members are independent, so a group's
/// figure is a Poisson-binomial of its members' figures.
///
/// Members are kept unavailability-first like the conjunction: a member's figure is the sum of its
/// factors' ln P(f | s) (certainly-down factors counted apart), and the group's two halves are
/// sums of non-negative terms.
struct ConditionedGroups {
    let memberGroup: [Int32]
    let groupMemberStart: [Int]
    let groupNeeds: [Int]
    /// Per member: Σ ln P(f | s) over its factors that can be up, and how many are certainly down.
    var memberLog: [Double]
    var memberZeros: [Int32]
    /// Per group: ln P(at least k members up), −∞ when certainly down.
    var groupLog: [Double]
    /// Values before each change, to put back in reverse.
    var memberUndo: [(member: Int32, log: Double, zeros: Int32)] = []
    var groupUndo: [(group: Int32, log: Double)] = []
    /// Groups whose members changed in the current step.
    var dirty: [Int32] = []
    private var dirtyStamp: [Int]
    private var step = 0

    init(_ conjunction: ConditionedConjunction) {
        memberGroup = conjunction.memberGroup
        groupMemberStart = conjunction.groupMemberStart
        groupNeeds = conjunction.groupNeeds
        memberLog = Array(repeating: 0, count: memberGroup.count)
        memberZeros = Array(repeating: 0, count: memberGroup.count)
        groupLog = Array(repeating: 0, count: groupNeeds.count)
        dirtyStamp = Array(repeating: -1, count: groupNeeds.count)
    }

    var isEmpty: Bool { groupNeeds.isEmpty }

    /// A member's figure given its factors' current figures.
    func member(_ member: Int) -> Probability {
        memberZeros[member] > 0 ? .failed : Probability(up: exp(memberLog[member]), down: -expm1(memberLog[member]))
    }

    /// One of `member`'s factors goes from `old` to `new` (ln P(f | s), nil when certainly down).
    mutating func replace(member: Int, old: Double?, new: Double?) {
        memberUndo.append((Int32(member), memberLog[member], memberZeros[member]))
        if let old { memberLog[member] -= old } else { memberZeros[member] -= 1 }
        if let new { memberLog[member] += new } else { memberZeros[member] += 1 }
        let group = Int(memberGroup[member])
        if dirtyStamp[group] != step { dirtyStamp[group] = step; dirty.append(Int32(group)) }
    }

    /// Ends a step: the changed groups' new ln P, to be taken into the conjunction's total.
    mutating func endStep() -> [(group: Int, old: Double, new: Double)] {
        defer { dirty.removeAll(keepingCapacity: true); step += 1 }
        return dirty.map { group in
            let g = Int(group)
            let old = groupLog[g]
            groupUndo.append((group, old))
            groupLog[g] = Self.log(of: distribution(g, excluding: -1))
            return (g, old, groupLog[g])
        }
    }

    /// Puts members and groups back as they were when the undo stacks had these sizes.
    mutating func undo(members: Int, groups: Int) {
        while memberUndo.count > members {
            let last = memberUndo.removeLast()
            memberLog[Int(last.member)] = last.log
            memberZeros[Int(last.member)] = last.zeros
        }
        while groupUndo.count > groups {
            let last = groupUndo.removeLast()
            groupLog[Int(last.group)] = last.log
        }
    }

    /// Sets every group's figure from its members' (at the start of an enumeration).
    mutating func settle() -> [Double] {
        for group in groupNeeds.indices { groupLog[group] = Self.log(of: distribution(group, excluding: -1)) }
        dirty.removeAll()
        step += 1
        return groupLog
    }

    /// "At least k up" over the members of `group` but `excluded`.
    func distribution(_ group: Int, excluding excluded: Int) -> AtLeastKOfIndependent {
        let members = (groupMemberStart[group]..<groupMemberStart[group + 1]).lazy.filter { $0 != excluded }.map { self.member($0) }
        return AtLeastKOfIndependent(groupNeeds[group], of: members)
    }

    /// ln P(at least k up), without cancellation when it is near 1.
    static func log(of distribution: AtLeastKOfIndependent) -> Double {
        let figure = distribution.figure
        guard figure.up > 0 else { return -.infinity }
        return figure.down < 0.5 ? log1p(-figure.down) : Foundation.log(figure.up)
    }
}

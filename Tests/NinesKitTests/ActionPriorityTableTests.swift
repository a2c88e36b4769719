import Testing
@testable import NinesKit

/// The AIAG-VDA table (data, in ActionPriorityTable) against a second encoding written straight
/// from the handbook's rows as nested conditions (AIAG & VDA FMEA Handbook 2019, "Action Priority
/// (AP) for DFMEA and PFMEA"), on all 1,000 combinations.
@Suite struct ActionPriorityTableTests {
    /// Independent encoding: severity band, then occurrence band, then detection band.
    static func handbook(_ s: Int, _ o: Int, _ d: Int) -> ActionPriority {
        switch s {
        case 9...10:
            switch o {
            case 6...10: return .high
            case 4...5: return d == 1 ? .medium : .high
            case 2...3: return d >= 7 ? .high : d >= 5 ? .medium : .low
            default: return .low
            }
        case 7...8:
            switch o {
            case 8...10: return .high
            case 6...7: return d == 1 ? .medium : .high
            case 4...5: return d >= 7 ? .high : .medium
            case 2...3: return d >= 5 ? .medium : .low
            default: return .low
            }
        case 4...6:
            switch o {
            case 8...10: return d >= 5 ? .high : .medium
            case 6...7: return d == 1 ? .low : .medium
            case 4...5: return d >= 7 ? .medium : .low
            default: return .low
            }
        case 2...3:
            return o >= 8 && d >= 5 ? .medium : .low
        default:
            return .low
        }
    }

    @Test func everyCombinationMatchesTheHandbook() {
        var checked = 0
        for s in 1...10 { for o in 1...10 { for d in 1...10 {
            let scores = Scores(severity: s, occurrence: o, detection: d)
            #expect(ActionPriorityTable.aiagVDA2019.priority(scores) == Self.handbook(s, o, d), "S\(s) O\(o) D\(d)")
            checked += 1
        } } }
        #expect(checked == 1000)
    }

    @Test func tableHasOneRulePerCellAndCoversEverything() {
        let table = ActionPriorityTable.aiagVDA2019
        #expect(table.rules.count == 5 * 5 * 4)
        #expect(table.firstUncovered == nil)
        for s in 1...10 { for o in 1...10 { for d in 1...10 {
            let scores = Scores(severity: s, occurrence: o, detection: d)
            #expect(table.rules.filter { $0.matches(scores) }.count == 1)
        } } }
    }

    /// Rows quoted in the handbook's discussion: severity dominates RPN.
    @Test func severityFirstExamples() {
        let table = FMEAScoring.standard
        #expect(table.priority(Scores(severity: 10, occurrence: 1, detection: 10)) == .low)
        #expect(table.priority(Scores(severity: 9, occurrence: 2, detection: 7)) == .high)     // RPN 126
        #expect(table.priority(Scores(severity: 5, occurrence: 5, detection: 5)) == .low)      // RPN 125
        #expect(table.priority(Scores(severity: 2, occurrence: 10, detection: 10)) == .medium) // RPN 200
        #expect(table.priority(Scores(severity: 1, occurrence: 10, detection: 10)) == .low)    // RPN 100
    }

    @Test func rpnThresholds() {
        let scoring = FMEAScoring.rpnThresholds(high: 200, medium: 80)
        #expect(scoring.priority(Scores(severity: 10, occurrence: 5, detection: 4)) == .high)
        #expect(scoring.priority(Scores(severity: 10, occurrence: 5, detection: 3)) == .medium)
        #expect(scoring.priority(Scores(severity: 4, occurrence: 4, detection: 5)) == .medium)
        #expect(scoring.priority(Scores(severity: 4, occurrence: 4, detection: 4)) == .low)
    }

    @Test func gapsInCustomTablesAreFound() {
        let table = ActionPriorityTable(name: "gappy", rules: [
            .init(severity: 1...10, occurrence: 1...10, detection: 2...10, priority: .low),
        ])
        #expect(table.firstUncovered == Scores(severity: 1, occurrence: 1, detection: 1))
    }
}

/// A table that maps every (severity, occurrence, detection) to an Action Priority, given as
/// rules over bands of ratings: the first rule whose three bands contain the scores decides.
///
/// The built-in table is the one of the AIAG & VDA FMEA Handbook, 1st edition (2019), "Action
/// Priority (AP) for DFMEA and PFMEA"; teams may supply their own (docs/fmea.md). Every table must
/// cover all 1,000 combinations, which `firstUncovered` checks when a custom table is read.
public struct ActionPriorityTable: Hashable, Sendable {
    public struct Rule: Hashable, Sendable {
        public var severity: ClosedRange<Int>
        public var occurrence: ClosedRange<Int>
        public var detection: ClosedRange<Int>
        public var priority: ActionPriority

        public init(severity: ClosedRange<Int>, occurrence: ClosedRange<Int>, detection: ClosedRange<Int>, priority: ActionPriority) {
            self.severity = severity
            self.occurrence = occurrence
            self.detection = detection
            self.priority = priority
        }

        public func matches(_ scores: Scores) -> Bool {
            severity.contains(scores.severity) && occurrence.contains(scores.occurrence) && detection.contains(scores.detection)
        }
    }

    public var name: String
    public var rules: [Rule]

    public init(name: String, rules: [Rule]) {
        self.name = name
        self.rules = rules
    }

    /// The priority of `scores`; nil only for a table that does not cover them (rejected on load).
    public func priority(_ scores: Scores) -> ActionPriority? {
        rules.first { $0.matches(scores) }?.priority
    }

    /// The first (S, O, D) in lexicographic order that no rule covers, if any.
    public var firstUncovered: Scores? {
        for s in Scores.range { for o in Scores.range { for d in Scores.range {
            let scores = Scores(severity: s, occurrence: o, detection: d)
            if priority(scores) == nil { return scores }
        } } }
        return nil
    }

    /// AIAG & VDA FMEA Handbook (2019), Action Priority for DFMEA and PFMEA, row by row: for each
    /// severity band (9–10, 7–8, 4–6, 2–3, 1), the occurrence bands (8–10, 6–7, 4–5, 2–3, 1), and
    /// within each the letters for the detection bands (7–10, 5–6, 2–4, 1).
    public static let aiagVDA2019: ActionPriorityTable = {
        let severityBands = [9...10, 7...8, 4...6, 2...3, 1...1]
        let occurrenceBands = [8...10, 6...7, 4...5, 2...3, 1...1]
        let detectionBands = [7...10, 5...6, 2...4, 1...1]
        let grid = [
            "HHHH HHHH HHHM HMLL LLLL",   // S 9–10
            "HHHH HHHM HMMM MMLL LLLL",   // S 7–8
            "HHMM MMML MLLL LLLL LLLL",   // S 4–6
            "MMLL LLLL LLLL LLLL LLLL",   // S 2–3
            "LLLL LLLL LLLL LLLL LLLL",   // S 1
        ]
        var rules: [Rule] = []
        for (severity, line) in zip(severityBands, grid) {
            for (occurrence, group) in zip(occurrenceBands, line.split(separator: " ")) {
                for (detection, letter) in zip(detectionBands, group) {
                    rules.append(Rule(severity: severity, occurrence: occurrence, detection: detection,
                                      priority: ActionPriority(rawValue: String(letter))!))
                }
            }
        }
        return ActionPriorityTable(name: "AIAG-VDA 2019", rules: rules)
    }()
}

/// `nines cuts` as text: per figure its unavailability, then one line per cut set (order,
/// probability, share of Q, events), what was left out, and Fussell–Vesely importance.
struct CutSetTextRenderer: ReportRenderer {
    /// Fussell–Vesely lines shown per figure.
    public var importanceLines = 10

    public init() {}

    public func render(_ report: CutSetReport) -> String {
        var out = "Minimal cut sets of \(report.system) (up to order \(report.maxOrder))\n"
        for list in report.figures {
            out += "\n\(list.name): Q = \(Format.small(list.unavailability)) (\(list.method.rawValue))\n"
            out += Self.lines(list).map { "  " + $0 }.joined(separator: "\n") + "\n"
            if !list.fussellVesely.isEmpty {
                out += "  Fussell–Vesely importance:\n"
                for item in list.fussellVesely.prefix(importanceLines) {
                    out += "    \(Format.column(Format.share(item.value), 7, right: true))  \(item.component)\n"
                }
            }
        }
        return out
    }

    /// The cut-set lines of one figure and what was left out (also used by the text report).
    public static func lines(_ list: CutSetList) -> [String] {
        var lines: [String] = []
        if list.singleFailuresOnly {
            lines.append("structure too large for a diagram: single failures only")
        }
        if list.cutSets.isEmpty && list.omitted == 0 {
            lines.append("no cut set of order \(list.maxOrder) or less")
        }
        for set in list.cutSets {
            lines.append("\(Format.column(String(set.order), 2, right: true))  \(Format.column(Format.small(set.probability), 9, right: true))"
                         + "  \(Format.column(Format.share(set.share), 6, right: true))  \(set.events.joined(separator: ", "))")
        }
        if list.omitted > 0 {
            lines.append("… \(Format.count(list.omitted)) more not listed, together at most \(Format.small(list.omittedProbability))")
        }
        if list.beyondOrder {
            let rest = list.unexplained.map { "; they add \(Format.small($0)) to Q" } ?? ""
            lines.append("cut sets of order above \(list.maxOrder) exist, not listed\(rest)")
        }
        return lines
    }
}

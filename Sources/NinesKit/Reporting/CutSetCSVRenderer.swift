/// `nines cuts --format csv`: one row per listed cut set, figure by figure. Names a spreadsheet
/// would run as a formula get a leading `'` (`CSVFormulaGuard`).
struct CutSetCSVRenderer: ReportRenderer {
    public init() {}

    static let columns = ["figure", "rank", "order", "probability", "share", "events", "components"]

    public func render(_ report: CutSetReport) -> String {
        var out = CSVTable.line(Self.columns)
        for list in report.figures {
            for (rank, set) in list.cutSets.enumerated() {
                out += CSVTable.line([
                    CSVFormulaGuard.guarded(list.name), String(rank + 1), String(set.order), RiskCSVRenderer.number(set.probability),
                    RiskCSVRenderer.number(set.share), CSVFormulaGuard.guarded(set.events.joined(separator: " ")),
                    CSVFormulaGuard.guarded(set.components.joined(separator: " ")),
                ])
            }
        }
        return out
    }
}

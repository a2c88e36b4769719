/// `nines report --format html`: one self-contained page (inline CSS and SVG, no scripts, fonts or
/// anything else from the network), readable offline and printable to PDF from a browser.
///
/// Prints the report and its `picture` (built by `ReportPictureBuilder`); a report without a
/// picture gets the tables alone.
struct HTMLReportRenderer: ReportRenderer {
    /// The absolute working folder the model paths were given from: the footer names a model
    /// inside it relative to it, any other absolute path by its file name (`SourcePathDisplay`).
    public var workingFolder: String?

    public init(workingFolder: String? = nil) {
        self.workingFolder = workingFolder
    }

    /// Inline CSS and SVG only: no script runs, nothing loads from anywhere (`default-src 'none'`),
    /// and a page from an untrusted model cannot be turned into one that does.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "base-uri 'none'; form-action 'none'"

    public func render(_ report: AvailabilityReport) -> String {
        let sections = HTMLReportSections(report: report)
        var page = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                    "<title>\(HTMLReportSections.escape(report.system)) — availability report</title>",
                    "<style>\(Self.style)</style>", "</head>", "<body>"]
        page.append(contentsOf: sections.header())
        page.append(contentsOf: sections.objectives())
        page.append(contentsOf: sections.diagram())
        page.append(contentsOf: sections.cutSets())
        page.append(contentsOf: sections.slaPrediction())
        page.append(contentsOf: sections.uncertainty())
        page.append(contentsOf: sections.missionReliability())
        page.append(contentsOf: sections.patternSavings())
        page.append(contentsOf: sections.recovery())
        page.append(contentsOf: sections.policies())
        page.append(contentsOf: sections.risks())
        page.append(contentsOf: sections.simulation())
        page.append(contentsOf: sections.components())
        let sources = report.sources.map { SourcePathDisplay.shown($0, workingFolder: workingFolder) }
        page.append("<footer>Made by nines from \(HTMLReportSections.escape(sources.joined(separator: ", "))). "
                    + "Figures are predictions from the model, not measurements.</footer>")
        page.append(contentsOf: ["</body>", "</html>"])
        return page.joined(separator: "\n") + "\n"
    }

    static let style = """
    :root { --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --good: #15803d; --bad: #b91c1c; --warn: #b45309; }
    * { box-sizing: border-box; }
    body { font-family: Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px 32px 48px; max-width: 1400px; line-height: 1.4; }
    h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 0 0 6px; } .muted { color: var(--muted); } .small { font-size: 12px; }
    .meta { color: var(--muted); margin: 0 0 4px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
    .card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; break-inside: avoid; }
    .card.system { background: #f8fafc; }
    .figure { font-size: 26px; font-weight: 700; } .nines { color: var(--muted); font-size: 14px; margin-left: 6px; }
    .verdict { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 700; color: #fff; }
    .reasons { margin: 4px 0; padding-left: 18px; color: var(--bad); }
    .verdict.met { background: var(--good); } .verdict.missed { background: var(--bad); } .verdict.none { background: #94a3b8; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 8px 0; font-size: 13px; } dt { color: var(--muted); } dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f5f9; font-weight: 700; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--good); font-weight: 700; } .fail { color: var(--bad); font-weight: 700; } .warn { color: var(--warn); font-weight: 700; }
    .diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; }
    .diagram svg { display: block; max-width: none; }
    table.cut-sets { width: auto; min-width: 50%; } .reliability-curve { display: block; width: 100%; height: auto; }
    .matrix { border-collapse: separate; border-spacing: 2px; width: auto; }
    .matrix td, .matrix th { width: 38px; height: 30px; text-align: center; border: 0; padding: 0; font-size: 12px; }
    .matrix th { background: none; color: var(--muted); }
    .zone-high { background: #fecaca; } .zone-medium { background: #fef08a; } .zone-low { background: #dcfce7; }
    .matrix td.filled { font-weight: 700; outline: 2px solid #334155; }
    .risk-layout { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-start; } .risk-layout > div { flex: 1 1 420px; }
    .ap-H { color: var(--bad); font-weight: 700; } .ap-M { color: var(--warn); font-weight: 700; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
    @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } .diagram { overflow: visible; border: 0; }
      .diagram svg { max-width: 100%; height: auto; } }
    """
}

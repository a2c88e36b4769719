import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The HTML report: what `ReportPictureBuilder` measures out, and what the page prints from it.
struct HTMLReportTests {
    /// The FMEA fixture's model with its worksheet and a short simulation: every section drawn.
    static func fullReport() throws -> AvailabilityReport {
        let loaded = try FMEAFixtures.loadShop()
        let analysis = AvailabilityAnalysis(loaded.model)
        var report = ReportBuilder.availabilityReport(analysis, worksheet: loaded.worksheet, topRisks: 10)
        report.simulation = try simulatedReport(loaded.model, SimulationSettings(periods: 500, seed: 1, threads: 1))
        report.picture = ReportPictureBuilder.picture(report, model: loaded.model)
        return report
    }

    @Test func budgetBarsCompareDowntimeWithTheBudget() {
        let within = ReportPictureBuilder.bar(downtime: 1, budget: 4)
        #expect(within.downtimeShare == 0.25 && within.budgetShare == 1 && !within.overBudget)
        #expect(within.marginHours == 3 && within.marginShare == 0.75 && within.usedShare == 0.25)
        let over = ReportPictureBuilder.bar(downtime: 6, budget: 3)
        #expect(over.downtimeShare == 1 && over.budgetShare == 0.5 && over.overBudget && over.marginHours == -3)
    }

    @Test func riskMatrixCountsEachRatedRiskInItsCell() throws {
        let report = try Self.fullReport()
        let risks = try #require(report.risks)
        let matrix = try #require(report.picture?.riskMatrix)
        #expect(matrix.cells.count == 100)
        #expect(matrix.cells.first?.severity == 10 && matrix.cells.first?.occurrence == 1)
        #expect(matrix.cells.last?.severity == 1 && matrix.cells.last?.occurrence == 10)
        let rated = risks.risks.filter { $0.severity != nil && $0.occurrence != nil }
        #expect(matrix.cells.map(\.count).reduce(0, +) == rated.count)
        #expect(matrix.unscored == risks.risks.count - rated.count)
        for risk in rated {
            let cell = try #require(matrix.cells.first { $0.severity == risk.severity && $0.occurrence == risk.occurrence })
            #expect(cell.ids.contains(risk.id) || cell.ids.count == 5)
            #expect(ReportPictureBuilder.priorityRank(cell.priority) >= ReportPictureBuilder.priorityRank(risk.priority))
        }
        #expect(matrix.cells.first { $0.severity == 9 && $0.occurrence == 5 }?.zone == "high")
        #expect(matrix.cells.first { $0.severity == 5 && $0.occurrence == 3 }?.zone == "medium")
        #expect(matrix.cells.first { $0.severity == 2 && $0.occurrence == 2 }?.zone == "low")
    }

    @Test func histogramBarsAreScaledToTheTallestAndMarkedPastTheBudget() throws {
        let report = try Self.fullReport()
        let simulation = try #require(report.simulation)
        let charts = try #require(report.picture?.histograms)
        #expect(charts.count == simulation.sla.count)
        for (chart, objective) in zip(charts, simulation.sla) {
            #expect(chart.bars.map(\.periods) == objective.histogram.map(\.periods))
            #expect(chart.bars.map(\.height).max() == 1)
            for (bar, bucket) in zip(chart.bars, objective.histogram) {
                let past = objective.budgetHours.map { (bucket.upToHours ?? .infinity) > $0 } ?? false
                #expect(bar.overBudget == past)
            }
        }
    }

    @Test func thePageHasEverySectionAndNoOutsideReferences() throws {
        let report = try Self.fullReport()
        let html = HTMLReportRenderer().render(report)
        for section in ["objectives", "diagram", "sla", "recovery", "risks", "simulation", "components"] {
            #expect(html.contains("<section id=\"\(section)\">"), "missing section \(section)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stack-diagram\""))
        #expect(html.contains("Severity × occurrence"))
        #expect(!html.contains("<script") && !html.contains("https://") && !html.contains("<link"))
        for component in report.components { #expect(html.contains("data-name=\"\(component.name)\"")) }
    }

    @Test func textFromTheModelIsEscaped() throws {
        let model = try ModelLoader.load(text: """
        version: 1
        system: Shop <script>alert("x")</script> & co
        description: a "quoted" <b>description</b>
        components:
          web: { availability: 99.9% }
        """, file: "test.yaml")
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        report.picture = ReportPictureBuilder.picture(report, model: model)
        let html = HTMLReportRenderer().render(report)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("Shop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"))
    }

    @Test func aReportWithoutAPictureStillRendersItsTables() throws {
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(try FMEAFixtures.shopModelValue()))
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("<section id=\"objectives\">") && !html.contains("<section id=\"diagram\">"))
    }

    @Test func largeReportsListTheFirstComponentsAndSayHowManyMore() throws {
        var lines = ["version: 1", "system: big", "components:"]
        for index in 0..<250 { lines.append("  c\(index): { availability: 99.9% }") }
        let model = try ModelLoader.load(text: lines.joined(separator: "\n"), file: "big.yaml")
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        report.picture = ReportPictureBuilder.picture(report, model: model)
        #expect(report.picture?.componentRows == 200)
        #expect(report.picture?.diagram.diagram.collapsed == true)
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("and 50 more components"))
        #expect(html.contains("250 components: too many for a box each"))
    }

    /// The page declares that nothing but its inline CSS runs or loads: no script, no fetch.
    @Test func pageCarriesARestrictiveContentSecurityPolicy() throws {
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(try FMEAFixtures.shopModelValue()))
        let html = HTMLReportRenderer().render(report)
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'\">"
        #expect(html.contains("<head>\n<meta charset=\"utf-8\">\n" + meta + "\n"))
        #expect(!html.contains("<script"))
    }

    /// The footer never shows a home folder: an absolute path inside the working folder is shown
    /// relative to it, any other one (or a `..` that climbs out, or `~`) by its file name.
    @Test(arguments: [
        ("models/shop.yaml", "/home/alice/work", "models/shop.yaml"),
        ("/home/alice/work/models/shop.yaml", "/home/alice/work", "models/shop.yaml"),
        ("/home/alice/work/models/shop.yaml", "/home/alice/work/", "models/shop.yaml"),
        ("/home/alice/other/shop.yaml", "/home/alice/work", "shop.yaml"),
        ("/home/alice/workshop/shop.yaml", "/home/alice/work", "shop.yaml"),
        ("/home/alice/work/../bob/shop.yaml", "/home/alice/work", "shop.yaml"),
        ("../../home/alice/shop.yaml", "/srv", "shop.yaml"),
        ("~/shop.yaml", "/srv", "shop.yaml"),
        ("/home/alice/shop.yaml", nil, "shop.yaml"),
        ("<stdin>", "/srv", "<stdin>"),
    ] as [(String, String?, String)])
    func footerPathShowsNoHomeFolder(path: String, folder: String?, shown: String) throws {
        #expect(SourcePathDisplay.shown(path, workingFolder: folder) == shown)
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(try FMEAFixtures.shopModelValue()))
        report.sources = [path]
        let footer = HTMLReportRenderer(workingFolder: folder).render(report).components(separatedBy: "<footer>").last ?? ""
        #expect(footer.hasPrefix("Made by nines from \(HTMLReportSections.escape(shown))."))
    }
}

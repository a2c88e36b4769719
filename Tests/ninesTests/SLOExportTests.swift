import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines export --format openslo|sloth|prometheus-rules`, the `sli:` key, and the burn-rate
/// alerts' budget shares (Google SRE workbook, "Alerting on SLOs", table 5-8: for a 30-day
/// objective, 1 h at 14.4× spends 2 % of the budget, 6 h at 6× 5 %, 1 d at 3× and 3 d at 1× 10 %).
@Suite struct SLOExportTests {
    static let model = "Tests/NinesKitTests/Fixtures/slo/shop.yaml"

    @Test func budgetSharesMatchTheWorkbookAndScaleToTheWindow() {
        let month = BurnRateAlerts(target: Probability(availability: 0.999), windowHours: 720)
        #expect(month.alerts.map(\.budgetShare).map { ($0 * 1e6).rounded() / 1e6 } == [0.02, 0.05, 0.1, 0.1])
        #expect(month.alerts.allSatisfy { $0.neverFires == nil })
        // A 7-day window: 14.4 / 168, 36 / 168, 72 / 168, 72 / 168.
        let week = BurnRateAlerts(target: Probability(availability: 0.999), windowHours: 168)
        for (alert, expected) in zip(week.alerts, [14.4 / 168, 36.0 / 168, 72.0 / 168, 72.0 / 168]) {
            #expect(abs(alert.budgetShare - expected) < 1e-15)
        }
    }

    /// 90 % over a day: 14.4 × 0.1 = 1.44 is an error ratio no traffic reaches; 6 × 6 h / 24 h = 150 %
    /// of the budget is spent before the 6-hour alert can fire.
    @Test func alertsThatCanNeverFireAreFlagged() {
        let day = BurnRateAlerts(target: Probability(availability: 0.9), windowHours: 24)
        #expect(day.alerts.map(\.neverFires) == [.thresholdUnreachable, .budgetSpentFirst, .budgetSpentFirst, .budgetSpentFirst])
    }

    @Test func promtoolAcceptsTheRules() throws {
        let promtool = try #require(ExternalTool.find(["promtool"]), "promtool is missing: install Debian's 'prometheus' (.ci/run does)")
        let rules = try PrometheusRulesExport.yaml(try ModelLoader.load(files: [Self.model]))
        let file = try FMEAFixtures.scratch().appendingPathComponent("rules.yaml")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        let run = try promtool.run(["check", "rules", file.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // checkout and Status_Page: 7 recording rules and 4 alerts each; nightly_batch 7 and none.
        #expect(run.stdout.contains("SUCCESS: 29 rules found"), "\(run.stdout)")
        #expect(rules.contains("# 1h/5m at 14.4x burn: fires once 2% of the 30d error budget is spent (14.4 x 1h / 30d)."))
        #expect(rules.contains("# 1h/5m at 14.4x burn: fires once 2.1% of the 28d error budget is spent"))
        #expect(rules.contains("# 1h/5m at 14.4x burn left out: it would need an error ratio of 1.44"))
    }

    /// The OpenSLO v1 field list (github.com/OpenSLO/OpenSLO README, "v1"): every key the export
    /// writes is one the specification defines, required keys are there, names are DNS labels,
    /// and every reference names a document of the file.
    @Test func openSLODocumentsFollowThePublishedFieldList() throws {
        let exported = try OpenSLOExport.yaml(try ModelLoader.load(files: [Self.model]))
        let allowed: [String: Set<String>] = [
            "": ["apiVersion", "kind", "metadata", "spec"],
            "metadata": ["name", "displayName", "labels", "annotations"],
            "Service.spec": ["description"],
            "SLI.spec": ["description", "thresholdMetric", "ratioMetric"],
            "ratioMetric": ["counter", "good", "bad", "total", "rawType", "raw"],
            "metric": ["metricSource"],
            "metricSource": ["metricSourceRef", "type", "spec"],
            "SLO.spec": ["description", "service", "indicator", "indicatorRef", "timeWindow", "budgetingMethod", "objectives", "alertPolicies"],
            "timeWindow": ["duration", "isRolling", "calendar"],
            "objective": ["displayName", "op", "value", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow",
                          "indicator", "indicatorRef", "compositeWeight"],
        ]
        func keys(_ value: YAMLValue?) -> [String: YAMLValue] {
            guard case .mapping(let pairs, _)? = value else { return [:] }
            return Dictionary(pairs.map { ($0.key.text, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        func scalar(_ value: YAMLValue?) -> String? { if case .scalar(let found)? = value { found.text } else { nil } }
        func check(_ value: YAMLValue?, _ kind: String) {
            let found = Set(keys(value).keys)
            #expect(found.isSubset(of: allowed[kind] ?? []), "\(kind): \(found.subtracting(allowed[kind] ?? []))")
        }
        let dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/
        var names: [String: Set<String>] = [:]
        var references: [(kind: String, name: String)] = []
        let documents = exported.components(separatedBy: "\n---\n")
        #expect(documents.count == 7)   // a Service, then an SLI and an SLO for each of three objectives
        for document in documents {
            let root = try YAMLParser.parse(document, file: "openslo.yaml").get()
            check(root, "")
            let top = keys(root)
            #expect(scalar(top["apiVersion"]) == "openslo/v1")
            let kind = try #require(scalar(top["kind"]))
            check(top["metadata"], "metadata")
            let name = try #require(scalar(keys(top["metadata"])["name"]))
            #expect(name.wholeMatch(of: dnsLabel) != nil, "\(name)")
            names[kind, default: []].insert(name)
            let spec = top["spec"]
            check(spec, "\(kind).spec")
            switch kind {
            case "SLI":
                if let ratio = keys(spec)["ratioMetric"] {
                    check(ratio, "ratioMetric")
                    for part in ["good", "total"] {
                        check(keys(ratio)[part], "metric")
                        check(keys(keys(ratio)[part])["metricSource"], "metricSource")
                    }
                } else {
                    check(keys(spec)["thresholdMetric"], "metric")
                }
            case "SLO":
                let fields = keys(spec)
                #expect(["Occurrences", "Timeslices", "RatioTimeslices"].contains(scalar(fields["budgetingMethod"]) ?? ""))
                references += [("Service", scalar(fields["service"]) ?? ""), ("SLI", scalar(fields["indicatorRef"]) ?? "")]
                guard case .sequence(let windows, _)? = fields["timeWindow"], case .sequence(let objectives, _)? = fields["objectives"] else {
                    Issue.record("timeWindow and objectives are lists")
                    continue
                }
                for window in windows {
                    check(window, "timeWindow")
                    #expect(scalar(keys(window)["duration"])?.wholeMatch(of: /[0-9]+[mhdwMQY]/) != nil)
                }
                for objective in objectives {
                    check(objective, "objective")
                    let target = try #require(Double(scalar(keys(objective)["target"]) ?? ""))
                    #expect(target > 0 && target < 1)
                    if let op = scalar(keys(objective)["op"]) { #expect(["lt", "lte", "gt", "gte"].contains(op)) }
                }
            default:
                #expect(kind == "Service")
            }
        }
        for reference in references { #expect(names[reference.kind]?.contains(reference.name) == true, "\(reference)") }
    }

    /// A query with quotes and backslashes reads back from every format as written.
    @Test func queriesSurviveQuoting() throws {
        let query = #"rate_total{path=~"a\\.b", note="x # y"}"#
        let yaml = "version: 1\nsystem: s\ncomponents:\n  a: {availability: 99%}\nobjectives:\n  o:\n    at: a\n    target: 99%\n"
            + "    sli: {up: '\(query)'}\n"
        let model = try ModelLoader.load(text: yaml, file: "m.yaml")
        #expect(model.objectives[0].sli == .up(query))
        let root = try YAMLParser.parse(try SlothExport.yaml(model), file: "sloth.yaml").get()
        guard case .mapping(let top, _) = root, case .sequence(let slos, _)? = top.first(where: { $0.key.text == "slos" })?.value,
              case .mapping(let slo, _)? = slos.first, case .mapping(let sli, _)? = slo.first(where: { $0.key.text == "sli" })?.value,
              case .mapping(let raw, _)? = sli.first?.value, case .scalar(let ratio)? = raw.first?.value else {
            Issue.record("unexpected sloth shape")
            return
        }
        #expect(ratio.text == "1 - avg(avg_over_time(\(query)[{{.window}}]))")
    }

    @Test func sliErrorsAreLocated() {
        let yaml = "version: 1\nsystem: s\ncomponents:\n  a: {availability: 99%}\nobjectives:\n"
            + "  o1: {at: a, sli: {up: x, good: y}}\n"
            + "  o2: {at: a, sli: {good: y}}\n"
            + "  o3: {at: a, sli: {up: \(String(repeating: "x", count: 2001))}}\n"
            + "  o4: {at: a, sli: {upp: x}}\n"
        do {
            _ = try ModelLoader.load(text: yaml, file: "m.yaml")
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("m.yaml:6:") && $0.contains("gives both 'up' and 'good'/'total'") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("m.yaml:7:") && $0.contains("is missing 'total'") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("m.yaml:8:") && $0.contains("must be one line") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("m.yaml:9:") && $0.contains("'upp'") }, "\(messages)")
        }
    }

    @Test func aModelWithoutSLIsIsRefusedAtItsObjective() throws {
        let run = try NinesExecutable.run(["export", "Tests/NinesKitTests/Fixtures/incidents/shop.yaml", "--format", "prometheus-rules"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("shop.yaml:10:3: error: no objective has both a 'target' and an 'sli'"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

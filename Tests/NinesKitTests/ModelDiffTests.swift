import Foundation
import Testing
@testable import NinesKit

@Suite struct ModelDiffTests {
    static func model(_ components: String, objectives: String = "objectives: { submit-job: { at: api, target: 99.9% } }") throws -> SystemModel {
        try ModelLoader.load(text: "version: 1\nsystem: t\ncomponents:\n" + components + "\n" + objectives, file: "t.yaml")
    }

    /// One replica of two (q = 1/1001 each): Q goes from q² to q, (q − q²) × 720 h more a month.
    @Test func removingASecondReplicaCostsItsShareOfTheMonth() throws {
        let old = try Self.model("""
              db:  { mtbf: 1000h, mttr: 1h, replicas: 2 }
              api: { availability: 100%, depends_on: [db] }
            """)
        let new = try Self.model("""
              db:  { mtbf: 1000h, mttr: 1h, replicas: 1 }
              api: { availability: 100%, depends_on: [db] }
            """)
        let report = DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "old.yaml", new: "new.yaml")
        let q = 1.0 / 1001
        let expected = (q - q * q) * 720
        let objective = try #require(report.objectives.first)
        #expect(abs(try #require(objective.deltaHours) - expected) < expected * 1e-9)
        #expect(objective.attributions.count == 1)
        #expect(objective.attributions[0].change == "replicas 2 → 1")
        #expect(abs(objective.attributions[0].deltaHours - expected) < expected * 1e-9)
        #expect(report.components == [ComponentDiff(name: "db", change: .changed,
                                                    fields: [FieldChange(field: "replicas", before: "2", after: "1")])])
        let text = DiffTextRenderer().render(report)
        #expect(text.contains("changing db (replicas 2 → 1) costs 43.1 min/month on submit-job"))   // 0.0009980 × 720 h
    }

    @Test func dependencyChangesAreListedButNotAttributedAlone() throws {
        let old = try Self.model("""
              db:  { availability: 99.9% }
              api: { availability: 100%, depends_on: [db] }
            """)
        let new = try Self.model("""
              db:  { availability: 99.9% }
              db2: { availability: 99.9% }
              api: { availability: 100%, depends_on: [{ any: [db, db2] }] }
            """)
        let report = DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b")
        #expect(report.components.map(\.name) == ["api", "db2"])
        #expect(report.components.map(\.change) == [.changed, .added])
        #expect(report.components[0].fields.map(\.field) == ["depends_on"])
        let objective = try #require(report.objectives.first)
        #expect(objective.attributions.isEmpty)
        // 0.001 → 0.001²: saves (0.001 − 1e-6) × 720 h.
        #expect(abs(try #require(objective.deltaHours) + (0.001 - 1e-6) * 720) < 1e-9)
        #expect(DiffTextRenderer().render(report).contains("submit-job: 99.9000% → 99.9999000%, 43.2 min → 2.59 s/month (−43.2 min)\n"))
    }

    @Test func objectivesOnlyInOneVersion() throws {
        let old = try Self.model("  api: { availability: 99.9% }", objectives: "objectives: { old-one: { at: api } }")
        let new = try Self.model("  api: { availability: 99.9% }", objectives: "objectives: { new-one: { at: api } }")
        let report = DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b")
        #expect(report.objectives.map(\.name) == ["new-one", "old-one"])
        #expect(report.objectives[0].before == nil && report.objectives[1].after == nil)
        let text = DiffTextRenderer().render(report)
        #expect(text.contains("new-one: new objective"))
        #expect(text.contains("old-one: removed"))
    }

    @Test func verdictChangesAreCalledOut() throws {
        let old = try Self.model("  api: { availability: 99.95% }")
        let new = try Self.model("  api: { availability: 99.8% }")
        let text = DiffTextRenderer().render(DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b"))
        #expect(text.contains("submit-job: 99.9500% → 99.800%, 21.6 min → 1.44 h/month (+1.08 h); now falls short"))
        #expect(text.contains("changing api (availability 99.95% → 99.8%) costs 1.08 h/month on submit-job"))
    }
}

extension ModelDiffTests {
    @Test func manyChangesAreListedWithoutPricingEachAlone() throws {
        let count = ModelComparison.maxAttributed + 1
        let old = try Self.model((0..<count).map { "  c\($0): { availability: 99.9% }" }.joined(separator: "\n")
                                 + "\n  api: { availability: 100%, depends_on: [" + (0..<count).map { "c\($0)" }.joined(separator: ", ") + "] }")
        let new = try Self.model((0..<count).map { "  c\($0): { availability: 99.99% }" }.joined(separator: "\n")
                                 + "\n  api: { availability: 100%, depends_on: [" + (0..<count).map { "c\($0)" }.joined(separator: ", ") + "] }")
        let report = DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b")
        #expect(!report.attributed)
        #expect(report.components.count == count)
        #expect(report.objectives[0].attributions.isEmpty)
        #expect(try #require(report.objectives[0].deltaHours) < 0)
        #expect(DiffTextRenderer().render(report).contains("\(count) components changed: too many to price each change on its own"))
    }
}

/// The gate of `nines diff`: exit 1 for a target that newly falls short, or for a cost above `--fail-on-cost`.
extension ModelDiffTests {
    static func gate(_ before: String, _ after: String, target: String, allowedCost: Double?) throws -> DiffReport {
        let objectives = "objectives: { submit-job: { at: api, target: \(target) } }"
        let old = try Self.model("  api: { availability: \(before) }", objectives: objectives)
        let new = try Self.model("  api: { availability: \(after) }", objectives: objectives)
        return DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b", allowedCost: allowedCost)
    }

    /// 99.95% → 99.9% adds (0.001 − 0.0005) × 720 h = 0.36 h = 21.6 min a 30-day month.
    @Test func costAboveTheLimitFails() throws {
        let over = try Self.gate("99.95%", "99.9%", target: "99%", allowedCost: 21.5 / 60)
        #expect(over.failures == [DiffFailure(objective: "submit-job", reason: .costsTooMuch)])
        #expect(abs(try #require(over.objectives[0].deltaHours) - 0.36) < 1e-12)
        let text = DiffTextRenderer().render(over)
        #expect(text.hasSuffix("fails (1 reason):\n    submit-job: costs 21.6 min/month more, over the 21.5 min/month allowed\n"))
        let under = try Self.gate("99.95%", "99.9%", target: "99%", allowedCost: 21.7 / 60)
        #expect(under.holds)
        #expect(DiffTextRenderer().render(under).hasSuffix("passes: no objective newly falls short, and no objective costs more than 21.7 min per period\n"))
        // Without a limit any cost passes, and a change that saves downtime passes any limit.
        #expect(try Self.gate("99.95%", "99.9%", target: "99%", allowedCost: nil).holds)
        #expect(try Self.gate("99.9%", "99.95%", target: "99%", allowedCost: 0).holds)
    }

    @Test func onlyATargetThatNewlyFallsShortFails() throws {
        let broken = try Self.gate("99.95%", "99.8%", target: "99.9%", allowedCost: nil)
        #expect(broken.failures == [DiffFailure(objective: "submit-job", reason: .fallsShort)])
        #expect(DiffTextRenderer().render(broken).contains("fails (1 reason):\n    submit-job: now falls short: "
                                                          + "1.44 h/month of downtime, over the 43.2 min budget of SLO 99.9% per month\n"))
        #expect(DiffTextRenderer(markdown: true).render(broken).contains("**Fails** (1 reason):\n\n- **submit-job**: now falls short: "
                                                                          + "1.44 h/month of downtime, over the 43.2 min budget of SLO 99.9% per month\n"))
        #expect(DiffTextRenderer(markdown: true).render(broken).hasPrefix("### nines diff: `a` → `b` — ❌ fails\n"))
        #expect(DiffTextRenderer.failureLines(broken) == ["nines diff fails: submit-job: now falls short: "
                                                          + "1.44 h/month of downtime, over the 43.2 min budget of SLO 99.9% per month"])
        // Short before and after: no news, unless a cost limit catches it getting worse.
        #expect(try Self.gate("99.85%", "99.8%", target: "99.9%", allowedCost: nil).holds)
        #expect(try Self.gate("99.85%", "99.8%", target: "99.9%", allowedCost: 0).failures.map(\.reason) == [.costsTooMuch])
        // Both reasons at once, in that order.
        #expect(try Self.gate("99.95%", "99.8%", target: "99.9%", allowedCost: 0).failures.map(\.reason) == [.fallsShort, .costsTooMuch])
    }

    @Test func aNewObjectiveThatFallsShortFails() throws {
        let old = try Self.model("  api: { availability: 99.8% }", objectives: "")
        let new = try Self.model("  api: { availability: 99.8% }", objectives: "objectives: { front: { at: api, target: 99.9% } }")
        let report = DiffReportBuilder.diffReport(ModelComparison(old: old, new: new), old: "a", new: "b")
        #expect(report.failures == [DiffFailure(objective: "front", reason: .fallsShort)])
        #expect(DiffTextRenderer().render(report).contains("front: now falls short (a new objective): 1.44 h/month of downtime, over the 43.2 min budget of SLO 99.9% per month"))
    }
}

import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// One verdict per objective everywhere (issue 19): on the bundled models and on random ones, the
/// report's JSON (`figures[].meetsTarget`, `sla[].holds`, both `verdict`s), text and HTML (cards and
/// SLA table), `nines check` in every format and `nines diff` all say what `ObjectiveVerdict` says.
@Suite struct VerdictAgreementTests {
    /// What one output says about each objective, in model order: "met", "missed" or "none".
    typealias Said = [String]

    @Test(arguments: GoldenFiles.models)
    func bundledModel(_ name: String) throws {
        let path = "models/\(name).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        try Self.expectAgreement(try ModelLoader.load(text: text, file: path))
    }

    /// Random models with customer-responsible and out-of-scope parts, data protection, targets,
    /// `rto` and `rpo` drawn at random; the run must see met and missed verdicts, RTO/RPO misses, and
    /// objectives the promise keeps while the all-counted figure would miss (the shop case), or
    /// it proves nothing.
    @Test func randomModels() throws {
        var rng = SplitMix64(seed: 19)
        var seen: Set<String> = []
        for index in 0..<60 {
            let model = Self.decorated(RandomModels.make(&rng, index: index), &rng)
            let prediction = SLAPrediction(model)
            for item in prediction.objectives {
                guard let verdict = item.verdict() else { continue }
                seen.insert(verdict.met ? "met" : "missed")
                if verdict.rtoHolds == false || verdict.rpoHolds == false { seen.insert("recovery-miss") }
                if let all = item.withExcluded, let target = item.target, verdict.met,
                   !TargetRule.holds(unavailability: all.judged.down, targetUnavailability: target.down) {
                    seen.insert("promise-kept-users-miss")
                }
            }
            try Self.expectAgreement(model)
        }
        #expect(seen == ["met", "missed", "recovery-miss", "promise-kept-users-miss"])
    }

    /// The shop case from the issue: a 99.9% objective through a customer SSO at 99.9%. Postgres's
    /// 99.95% is the service as delivered, its failover included (docs/sla.md), so ours is about
    /// 21.6 min of Postgres and 1.29 min of the rest: 53% of the 43.2 min budget. Counting the SSO
    /// (43.2 min more) would spend over 100%; the promise leaves it out, so it is met everywhere,
    /// and the all-counted figure is shown beside it.
    @Test func shopCaseIsMetEverywhere() throws {
        let model = try TestModels.load(Self.shop, file: "shop.yaml")
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        let figure = try #require(report.figures.first { $0.name == "job-completes" })
        let verdict = try #require(figure.verdict)
        #expect(figure.meetsTarget == true && report.sla?[1].holds == true && report.sla?[1].verdict == verdict)
        let used = try #require(verdict.budgetUsedShare)
        #expect(abs(used - figure.downtimeHours / 0.72) < 1e-12 && used > 0.5 && used < 0.55)   // 43.2 min = 0.72 h
        let users = try #require(figure.asUsersExperienceIt)
        #expect(users.downtimeHours / 0.72 > 1.0)                                    // the SSO counted: over budget
        #expect(users.excluded.map(\.component) == ["sso"])
        try Self.expectAgreement(model)
    }

    /// The job runner's `job-completes`: within its budget, but its worst RTO (job-queue, 1 h) is over
    /// its `rto: 30m`, so its card, the SLA table and the text say "missed" and why.
    @Test func jobRunnerCardShowsTheRTOMiss() throws {
        let path = "models/devops-job-runner.yaml"
        let model = try ModelLoader.load(text: try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8),
                                         file: path)
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        report.picture = ReportPictureBuilder.picture(report, model: model)
        let figure = try #require(report.figures.first { $0.name == "job-completes" })
        #expect(figure.meetsTarget == false)
        #expect(figure.verdict?.targetHolds == true && figure.verdict?.reasons == [.rtoExceeded])
        let html = HTMLReportRenderer().render(report)
        let card = try #require(Self.cards(html).first { $0.contains("<h3>job-completes ") })
        #expect(card.contains("objective missed") && card.contains("worst RTO 1 h (job-queue, repair) exceeds rto 30 min"))
        #expect(TextReportRenderer().render(report).contains("job-completes (slo, reliability): falls short\n    ✗ worst RTO 1 h"))
    }

    // MARK: - The agreement

    static func expectAgreement(_ model: SystemModel, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let analysis = AvailabilityAnalysis(model)
        let prediction = SLAPrediction(model, full: analysis)
        let expected: Said = prediction.objectives.map { word($0.verdict()?.met) }
        let names = model.objectives.map(\.name)
        var report = ReportBuilder.availabilityReport(analysis)
        report.picture = ReportPictureBuilder.picture(report, model: model)
        let check = CheckReportBuilder.checkReport(prediction)
        var said: [(String, Said)] = [
            ("json", try json(JSONReportRenderer.render(report), objectives: names.count)),
            ("text", text(TextReportRenderer().render(report), names: names)),
            ("html cards", htmlCards(HTMLReportRenderer().render(report), names: names)),
            ("html sla table", htmlTable(HTMLReportRenderer().render(report), names: names)),
            ("check", names.map { name in checkWord(check.results.filter { isObjectiveResult($0.id, name) }.map(\.status)) }),
            ("check json", try checkJSON(JSONReportRenderer.render(check), names: names)),
            ("check text", lines(CheckTextRenderer().render(check), names: names) { line, name, status in
                line.hasPrefix("\(status.rawValue.uppercased().prefix(4))  \(name): ")
            }),
            ("check junit", junit(CheckJUnitRenderer().render(check), names: names)),
            ("check github", lines(CheckGitHubRenderer().render(check), names: names) { line, name, status in
                switch status {
                case .pass: line.hasPrefix("ok: \(name): ")
                case .fail, .warning: line.hasPrefix("::\(status == .fail ? "error" : "warning") file=")
                    && ["target", "rto", "rpo"].contains { line.contains("%3A \(name)/\($0)::") }
                }
            }),
            ("check markdown", lines(CheckMarkdownRenderer().render(check), names: names) { line, name, status in
                ["target", "rto", "rpo"].contains { line.hasPrefix("| \(CheckMarkdownRenderer.icon(status)) | `\(name)/\($0)` |") }
            }),
            ("check sarif", try sarif(CheckSARIFRenderer().render(check), names: names)),
        ]
        // diff against the model without objectives: every objective is new, so it fails exactly on the missed ones.
        var old = model
        old.objectives = []
        let diff = DiffReportBuilder.diffReport(ModelComparison(old: old, new: model), old: "old", new: "new")
        said.append(("diff", names.enumerated().map { index, name in
            expected[index] == "none" ? "none" : diff.failures.contains { $0.objective == name && $0.reason == .fallsShort } ? "missed" : "met"
        }))
        for (output, words) in said {
            #expect(words == expected, "\(model.name): \(output) says \(words), the verdict is \(expected)", sourceLocation: sourceLocation)
        }
    }

    static func word(_ met: Bool?) -> String { met.map { $0 ? "met" : "missed" } ?? "none" }

    static func isObjectiveResult(_ id: String, _ name: String) -> Bool {
        ["target", "rto", "rpo"].contains { id == "\(name)/\($0)" }
    }

    static func checkWord(_ statuses: [CheckResult.Status]) -> String {
        statuses.isEmpty ? "none" : statuses.contains(.fail) ? "missed" : "met"
    }

    static func json(_ text: String, objectives: Int) throws -> Said {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let figures = try #require(root["figures"] as? [[String: Any]]).filter { $0["kind"] as? String == "objective" }
        let sla = (root["sla"] as? [[String: Any]]) ?? []
        #expect(figures.count == objectives && sla.count == objectives)
        return zip(figures, sla).map { figure, entry in
            let meets = figure["meetsTarget"] as? Bool, holds = entry["holds"] as? Bool
            let cardVerdict = figure["verdict"] as? NSDictionary, slaVerdict = entry["verdict"] as? NSDictionary
            let met = slaVerdict?["met"] as? Bool
            guard meets == holds, holds == met, cardVerdict == slaVerdict else { return "disagree" }
            return word(meets)
        }
    }

    static func text(_ output: String, names: [String]) -> Said {
        let lines = output.split(separator: "\n").map(String.init)
        return names.map { name in
            guard let line = lines.first(where: { $0.hasPrefix("  \(name) (") }) else { return "absent" }
            if line.hasSuffix(": holds") { return "met" }
            if line.hasSuffix(": falls short") { return "missed" }
            return line.hasSuffix(": no target") ? "none" : "unreadable"
        }
    }

    static func htmlWord(_ fragment: Substring) -> String {
        if fragment.contains("verdict met") { return "met" }
        if fragment.contains("verdict missed") { return "missed" }
        return fragment.contains("verdict none") ? "none" : "unreadable"
    }

    /// The objective cards of the HTML report (the system's card has class "card system").
    static func cards(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"card\">").dropFirst().map { String($0) }
    }

    static func htmlCards(_ html: String, names: [String]) -> Said {
        let cards = cards(html)
        return names.map { name in
            guard let card = cards.first(where: { $0.hasPrefix("\n<h3>\(HTMLReportSections.escape(name)) ") }) else { return "absent" }
            // The title, then the figure with its badge.
            return htmlWord(Substring(card.split(separator: "\n").prefix(2).joined(separator: "\n")))
        }
    }

    static func htmlTable(_ html: String, names: [String]) -> Said {
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><td><strong>") }
        return names.map { name in
            // The SLA table's row comes before the recovery table's, which has no verdict badge.
            guard let row = rows.first(where: { $0.hasPrefix("<tr><td><strong>\(HTMLReportSections.escape(name))</strong><br>") })
            else { return "absent" }
            return htmlWord(row[...])
        }
    }

    static func checkJSON(_ text: String, names: [String]) throws -> Said {
        let decoded = try JSONDecoder().decode(CheckReport.self, from: Data(text.utf8))
        return names.map { name in checkWord(decoded.results.filter { isObjectiveResult($0.id, name) }.map(\.status)) }
    }

    /// A line-per-result format: `says(line, objective, status)` tells whether a line is that
    /// objective's result with that status.
    static func lines(_ output: String, names: [String], says: (String, String, CheckResult.Status) -> Bool) -> Said {
        let lines = output.split(separator: "\n").map(String.init)
        return names.map { name in
            let statuses = [CheckResult.Status.fail, .warning, .pass].filter { status in lines.contains { says($0, name, status) } }
            return checkWord(statuses)
        }
    }

    static func junit(_ xml: String, names: [String]) -> Said {
        let cases = xml.components(separatedBy: "<testcase ").dropFirst()
        return names.map { name in
            let mine = cases.filter { item in ["target", "rto", "rpo"].contains { item.contains("name=\"\(CheckJUnitRenderer.escape(name))/\($0)\"") } }
            return mine.isEmpty ? "none" : mine.contains { $0.contains("<failure ") } ? "missed" : "met"
        }
    }

    static func sarif(_ text: String, names: [String]) throws -> Said {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        return names.map { name in
            let mine = results.filter { result in
                isObjectiveResult((result["partialFingerprints"] as? [String: String])?["ninesCheckId"] ?? "", name)
            }
            return mine.isEmpty ? "none" : mine.contains { $0["level"] as? String == "error" } ? "missed" : "met"
        }
    }

    // MARK: - Random decorations

    /// `model` with random responsibilities, data protection, and a target, `rto` and `rpo` drawn per
    /// objective (at least one objective).
    static func decorated(_ model: SystemModel, _ rng: inout SplitMix64) -> SystemModel {
        var model = model
        let here = ModelLocation(file: "<memory>", line: 1, column: 1)
        for index in model.components.indices {
            if rng.chance(0.25) { model.components[index].responsibility = rng.pick([.customer, .outOfScope, .provider]) }
            switch rng.int(in: 0...5) {
            case 0: model.components[index].data = DataProtection(replication: .async, lag: rng.pick([5.0 / 3600, 0.5]), location: here)
            case 1: model.components[index].data = DataProtection(backupEvery: 24, backupDuration: 1, restore: rng.pick([0.5, 4]), location: here)
            case 2: model.components[index].data = DataProtection(location: here)   // unprotected
            default: break
            }
        }
        if model.objectives.isEmpty {
            model.objectives = [Objective(name: "o0", measure: .availability, components: [model.components[0].name])]
        }
        for index in model.objectives.indices {
            if rng.chance(0.8) {
                let q = rng.pick([0.5, 0.1, 0.01, 1e-3, 1e-4, 1e-5])
                model.objectives[index].target = Probability(up: 1 - q, down: q)
            }
            if rng.chance(0.35) { model.objectives[index].rto = rng.pick([0.1, 1, 30]) }
            if rng.chance(0.35) { model.objectives[index].rpo = rng.pick([0.01, 1, 48]) }
        }
        return model
    }

    static let shop = """
        version: 1
        system: Shop
        period: month
        calendar: { year: 365d, month: 30d }
        components:
          az-a:   { layer: physical, availability: 99.99%, mttr: 1h }
          az-b:   { layer: physical, availability: 99.99%, mttr: 1h }
          node-a: { layer: platform, mtbf: 2000h, mttr: 20m, depends_on: [az-a] }
          node-b: { layer: platform, mtbf: 2000h, mttr: 20m, depends_on: [az-b] }
          postgres:
            layer: platform
            availability: 99.95%
            mttr: 30m
            failover: { mode: active-passive, detect: 30s, switch: 60s }
            data: { replication: async, lag: 5s, backup_every: 24h, restore: 1h }
          job-api:
            layer: software
            mtbf: 720h
            mttr: 10m
            replicas: 3
            needs: 2
            common_cause: 2%
            depends_on:
              - any: [node-a, node-b]
              - postgres
          sso: { layer: external, availability: 99.9%, responsibility: customer }
        objectives:
          submit-job: { at: job-api, target: 99.95%, kind: sla }
          job-completes: { path: [job-api, sso], target: 99.9%, rto: 15m, rpo: 5m }
        """
}

import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines scenario --observed`: experiments read from nines observation files, Litmus ChaosResults
/// and Chaos Mesh records, held against the two-tier model's prediction and policies (figures by
/// hand from models/two-tier-service.yaml, as in docs/scenarios.md's worked example).
@Suite struct ObservedScenarioTests {
    static func fixture(_ name: String) -> String {
        GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests/Fixtures/observed/\(name)").path
    }

    static func names(_ model: SystemModel) -> ScenarioObservationReader.Names {
        .init(scenarios: model.scenarios.map(\.name), objectives: model.objectives.map(\.name))
    }

    static func compare(_ files: [String]) throws -> ObservedScenarioReport {
        let model = try ScenarioTests.twoTier()
        let observations = try ScenarioObservationReader.read(paths: files.map(fixture), names: names(model))
        let base = SLAPrediction(model).inScope
        return ObservedScenarioReportBuilder.report(ObservedScenario.all(observations, model: model, base: base), system: model.name)
    }

    /// Zone A lost. Predicted (docs/scenarios.md): the front door survives on zone B, recovery 0 s
    /// (redundancy); persist survives, recovery detect 30 s + switch 90 s = 120 s, 0 s of data lost
    /// (synchronous replication). Observed: the front door stayed up with 0 s: as predicted; persist
    /// came back in 95 s < 120 s with nothing lost: better. The zone policy (rto 15 min, rpo 0 s) holds.
    @Test func fasterFailoverIsBetterThanPredicted() throws {
        let report = try Self.compare(["zone-a-lost.yaml"])
        #expect(report.holds)
        let entry = try #require(report.scenarios.first)
        #expect(report.scenarios.count == 1 && entry.name == "zone-a-lost" && entry.disruptionClass == "zone")
        #expect(entry.policyRTOHours == 0.25 && entry.policyRPOHours == 0)
        let front = entry.objectives[0], persist = entry.objectives[1]
        #expect(front.objective == "front-door" && front.verdict == "as-predicted" && front.predictedRecoveryHours == 0)
        #expect(persist.verdict == "better-than-predicted" && persist.better == ["recovery"])
        #expect(abs(try #require(persist.predictedRecoveryHours) * 3600 - 120) < 1e-9)
        #expect(abs(try #require(persist.observedRecoveryHours) * 3600 - 95) < 1e-9)
        #expect(persist.rtoHolds == true && persist.rpoHolds == true)
    }

    /// A 20 min recovery with 30 s of writes lost: worse than the predicted 120 s and 0 s, and over
    /// the zone policy's rto 15 min and rpo 0 s; the worst of two observations of one scenario counts.
    @Test func slowRecoveryBreaksPredictionAndPolicy() throws {
        let report = try Self.compare(["zone-a-lost.yaml", "zone-a-lost-slow.yaml"])
        #expect(!report.holds)
        let persist = try #require(report.scenarios.first?.objectives.last)
        #expect(persist.verdict == "worse-than-predicted" && persist.worse == ["recovery", "data"])
        #expect(persist.observedRecoveryHours == 20.0 / 60 && persist.observedDataLostHours == 30.0 / 3600)
        #expect(persist.rtoHolds == false && persist.rpoHolds == false)
        let text = ReportRenderers.observedScenario(.text).render(report)
        #expect(text.contains("policy rto 15 min: BROKEN") && text.contains("FAIL: 1 objective worse than predicted, 2 policy limits broken"))
    }

    /// Database lost: persist is predicted down for the 1 h restore with 5 min of writes at risk;
    /// Litmus' probe named persist passed, so it stayed up: better (survival). The front door, predicted
    /// to survive, passed too: as predicted. Litmus gives no recovery time: none is compared.
    @Test func litmusProbesNamedAfterObjectives() throws {
        let report = try Self.compare(["database-lost-chaosresult.yaml"])
        #expect(report.holds)
        let entry = try #require(report.scenarios.first)
        #expect(entry.name == "database-lost" && entry.sources.first?.probeSuccess == "100")
        #expect(entry.objectives.map(\.verdict) == ["as-predicted", "better-than-predicted"])
        let persist = entry.objectives[1]
        #expect(!persist.predictedSurvives && persist.predictedRecoveryHours == 1 && persist.observedStayedUp == true)
        #expect(abs(try #require(persist.predictedDataAtRiskHours) * 60 - 5) < 1e-9 && persist.observedRecoveryHours == nil)
    }

    /// A Chaos Mesh record gives the fault's window (first successful Apply; a failed Apply retried
    /// counts once it succeeds) and no verdict of its own; a running Litmus experiment is inconclusive.
    @Test func chaosMeshWindowAndInconclusiveResults() throws {
        let report = try Self.compare(["zone-a-lost-podchaos.yaml", "zone-a-lost.yaml", "running-chaosresult.yaml"])
        let zone = try #require(report.scenarios.first { $0.name == "zone-a-lost" })
        #expect(zone.faultStart == "2026-12-06T10:00:00Z" && zone.faultEnd == nil)
        #expect(zone.sources.map(\.inconclusive) == [nil, nil])
        let region = try #require(report.scenarios.first { $0.name == "region-lost" })
        #expect(region.sources.first?.inconclusive == "phase 'Running', verdict 'Awaited'")
        #expect(region.objectives.allSatisfy { $0.verdict == "not-observed" })
        #expect(report.holds)
    }

    /// Two Chaos Mesh records of one scenario: the window runs from the earliest injection to the
    /// latest removal, whatever the order the records are given in.
    @Test func faultWindowSpansEveryRecord() throws {
        let model = try ScenarioTests.twoTier()
        func record(_ name: String, apply: String, recover: String) -> String {
            """
            apiVersion: chaos-mesh.org/v1alpha1
            kind: NetworkChaos
            metadata: {name: \(name), annotations: {nines.dev/scenario: zone-a-lost}}
            status: {experiment: {containerRecords: [{id: \(name), events: [
              {type: Succeeded, operation: Apply, timestamp: "\(apply)"},
              {type: Succeeded, operation: Recover, timestamp: "\(recover)"}]}]}}
            """
        }
        let text = record("late", apply: "2026-12-06T10:05:00Z", recover: "2026-12-06T10:15:00Z") + "\n---\n"
            + record("early", apply: "2026-12-06T11:00:00+02:00", recover: "2026-12-06T10:10:00Z")
        let observations = try ScenarioObservationReader.read([("nc.yaml", text)], names: Self.names(model))
        let observed = ObservedScenario.all(observations, model: model, base: SLAPrediction(model).inScope)
        #expect(observed.first?.faultStart?.text == "2026-12-06T11:00:00+02:00")   // 09:00 UTC
        #expect(observed.first?.faultEnd?.text == "2026-12-06T10:15:00Z")
    }

    /// A Chaos Mesh target never hit makes the run inconclusive, with the tool's message.
    @Test func failedInjectionIsInconclusive() throws {
        let model = try ScenarioTests.twoTier()
        let text = try String(contentsOfFile: Self.fixture("zone-a-lost-podchaos.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "              - {type: Succeeded, operation: Apply, timestamp: \"2026-12-06T10:00:02Z\"}\n", with: "")
        let observations = try ScenarioObservationReader.read([("podchaos.yaml", text)], names: Self.names(model))
        #expect(observations.first?.inconclusive == "not injected into shop/api-1-7d9f-fghij: pod not ready")
    }

    /// Every problem of every document at once, each at its line and column.
    @Test func invalidObservationsAreLocated() throws {
        let model = try ScenarioTests.twoTier()
        let error = #expect(throws: DiagnosticError.self) {
            try ScenarioObservationReader.read(paths: [Self.fixture("invalid.yaml")], names: Self.names(model))
        }
        let messages = try #require(error).diagnostics.map(\.description)
        let expected = [
            ":3:11: error: 'zone-a-lots' is not a scenario of the model; did you mean 'zone-a-lost'?",
            ":5:3: error: 'front-dor' is not an objective of the model; did you mean 'front-door'?",
            ":6:47: error: unknown field 'data_lots' in objective 'persist' of the observation; did you mean 'data_lost'?",
            ":6:24: error: 'stayed_up' of objective 'persist' of the observation must be true or false, found 'maybe'",
            ":6:41: error: 'recovery' of objective 'persist' of the observation must be a non-negative duration",
            ":8:1: error: 'apps/v1' 'Deployment' is not an observation nines reads",
        ]
        for part in expected { #expect(messages.contains { $0.contains(part) }, "\(part) in \(messages)") }
        #expect(messages.count == expected.count)
    }

    /// A ChaosResult without nines' annotation is traced back through its engine's name, the
    /// object name `--format litmus` gives the scenario's experiment ("db-lost" + "db").
    @Test func engineNameLeadsBackToTheScenario() throws {
        let model = try ModelLoader.load(text: ChaosExperimentTests.model, file: "shop.yaml")
        let plan = ChaosExperimentTests.plan(model)
        var names = Self.names(model)
        names.experiments = ChaosManifestText.scenarioOfObject(plan)
        #expect(names.experiments["db-lost-db"] == "db-lost" && names.experiments["zone-a-lost-web"] == "zone-a-lost")
        let result = """
        apiVersion: litmuschaos.io/v1alpha1
        kind: ChaosResult
        metadata: {name: db-lost-db-pod-delete}
        spec: {engine: db-lost-db, experiment: pod-delete}
        status: {experimentStatus: {phase: Completed, verdict: Fail, probeSuccessPercentage: "0"}}
        """
        let observations = try ScenarioObservationReader.read([("r.yaml", result)], names: names)
        #expect(observations.map(\.scenario) == ["db-lost"])
        #expect(observations.first?.objectives.map(\.stayedUp) == [false] && observations.first?.objectives.first?.objective == nil)
        let failedItself = result.replacingOccurrences(of: "probeSuccessPercentage: \"0\"", with: "probeSuccessPercentage: \"100\", errorOutput: {reason: no target pod}")
        #expect(try ScenarioObservationReader.read([("r.yaml", failedItself)], names: names).first?.inconclusive
                == "verdict 'Fail' with every probe passed, so the experiment itself failed: no target pod")
        let unknown = result.replacingOccurrences(of: "engine: db-lost-db", with: "engine: db-lots-db")
        let error = #expect(throws: DiagnosticError.self) { try ScenarioObservationReader.read([("r.yaml", unknown)], names: names) }
        #expect(error?.diagnostics.first?.message.contains("did you mean 'db-lost-db'?") == true)
    }

    /// schema/nines-observation.schema.json, for editors, accepts what the reader accepts and
    /// refuses a misspelt field and a recovery without a unit.
    @Test func observationSchemaMatchesTheReader() throws {
        let validator = try SchemaTests.validator.get()
        for name in ["zone-a-lost.yaml", "zone-a-lost-slow.yaml"] {
            let text = try String(contentsOfFile: Self.fixture(name), encoding: .utf8)
            #expect(validator.errors(try JSONValue(yamlText: text, file: name), against: "nines-observation.schema.json") == [], "\(name)")
        }
        let wrong = "apiVersion: nines.dev/v1\nkind: Observation\nscenario: x\nobjectives:\n  a: {stayed_up: true, data_lots: 0s}\n  b: {recovery: 95}\n"
        let errors = validator.errors(try JSONValue(yamlText: wrong, file: "w.yaml"), against: "nines-observation.schema.json")
        #expect(errors.count == 2, "\(errors)")
    }
}

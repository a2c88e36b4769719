import Foundation
import Testing
@testable import NinesKit

/// Store-and-forward at a front door (docs/patterns.md, "Write-ahead"): the door writes each
/// request to its store before processing it, so it accepts while what it forwards to is down,
/// up to the retention R. With exponential outages of mean r behind it, the share of their
/// downtime past the retention is e^(−R/r) (E[(D − R)⁺] = r·e^(−R/r), the `masked_for`
/// arithmetic of CacheTests); flows of stored requests count a completion within the deadline
/// D as completed, so they see the share e^(−D/r).
@Suite struct WriteAheadTests {
    static func model(door: String = "accepts_when_down: { store: store, retention: 4h, deadline: 1h }",
                      extra: String = "", objectives: String = "") throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: write-ahead
            components:
              store: { layer: data, mtbf: 2000h, mttr: 1h }
              worker: { mtbf: 100h, mttr: 2h }
              door: { mtbf: 1000h, mttr: 10m, depends_on: [store, worker], \(door) }
            \(extra)
            objectives:
              submit: { at: door, target: 99.9% }
              complete: { path: [worker], target: 99% }
            \(objectives)
            """, file: "write-ahead.yaml")
    }

    /// Hand computation. worker: λ = 1/100 h, r = 2 h, Q = λr/(1 + λr) = 0.02/1.02. The door
    /// accepts when it and its store are up and no outage behind it has outlasted the 4 h
    /// retention: submit = p_door · p_store · (1 − Q·e^(−4/2)), p_door = 1000/(1000 + 1/6),
    /// p_store = 2000/2001. The flow of stored requests misses its 1 h deadline for the share
    /// e^(−1/2): complete = 1 − Q·e^(−1/2). Without the write-ahead the door needs the worker:
    /// submit = p_door · p_store · (1 − Q), and the flow sees all of Q.
    @Test func theDoorAcceptsWhileTheWorkerIsDownUpToTheRetention() throws {
        let analysis = AvailabilityAnalysis(try Self.model())
        let q = 0.02 / 1.02, pDoor = 1000 / (1000 + 1.0 / 6), pStore = 2000.0 / 2001
        let submit = analysis.objective(0).probability, complete = analysis.objective(1).probability
        #expect(Closeness.relative(submit.up, pDoor * pStore * (1 - q * exp(-2)), within: 1e-12), "\(submit.up)")
        #expect(Closeness.relative(complete.down, q * exp(-0.5), within: 1e-12), "\(complete.down)")

        let plain = AvailabilityAnalysis(try Self.model(door: ""))
        #expect(Closeness.relative(plain.objective(0).probability.up, pDoor * pStore * (1 - q), within: 1e-12))
        #expect(Closeness.relative(plain.objective(1).probability.down, q, within: 1e-12))
    }

    /// Without a deadline a late completion is a failed one: the flow keeps every outage; and a
    /// longer retention never lowers the submission figure.
    @Test func withoutADeadlineLateIsFailedAndLongerRetentionNeverHurts() throws {
        let q = 0.02 / 1.02
        let late = AvailabilityAnalysis(try Self.model(door: "accepts_when_down: { store: store, retention: 4h }"))
        #expect(Closeness.relative(late.objective(1).probability.down, q, within: 1e-12))
        var previous = 0.0
        for hours in [1, 2, 4, 8, 24] {
            let figure = AvailabilityAnalysis(try Self.model(door: "accepts_when_down: { store: store, retention: \(hours)h }")).objective(0)
            #expect(figure.probability.up >= previous, "retention \(hours)h")
            previous = figure.probability.up
        }
    }

    /// What the door forwards to is no longer a top-level component of its own; a flow that
    /// does not start at the door or behind it gets no completion window.
    @Test func whatTheDoorForwardsToIsNoRootAndOtherFlowsKeepTheirOutages() throws {
        let model = try Self.model(extra: "  batch: { mtbf: 1000h, mttr: 10m, depends_on: [worker] }",
                                   objectives: "  nightly: { path: [batch], target: 99% }")
        #expect(model.roots.map(\.name) == ["door", "batch"])
        #expect(model.component(named: "worker")?.completionWindow == nil)
        let doorOnly = try Self.model()
        #expect(doorOnly.roots.map(\.name) == ["door"])
        #expect(doorOnly.component(named: "worker")?.completionWindow == 1)
        #expect(doorOnly.component(named: "door")?.dependencyNames == ["store", "door#retention"])
    }

    /// Both engines read the same model: the retention leaf and the completion window agree
    /// with the simulation within its interval.
    @Test func simulationAgreesWithTheExactFigures() throws {
        try FailoverAgreementTests.expectAgreement(try Self.model(), periods: 4000, label: "write-ahead")
        try FailoverAgreementTests.expectAgreement(try Self.model(door: "accepts_when_down: { store: store, retention: 30m, deadline: 20m }"),
                                                   periods: 4000, label: "short retention")
    }

    /// The store forwards at least once: a non-idempotent operation behind the door is the
    /// talk's double-charged payment, a failing finding at its `idempotent:` line.
    @Test func aNonIdempotentOperationBehindTheDoorFails() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: shop
            components:
              orders: { layer: data, mtbf: 2000h, mttr: 1h }
              payment: { mtbf: 720h, mttr: 10m, idempotent: false }
              checkout: { mtbf: 720h, mttr: 10m, depends_on: [orders, payment], accepts_when_down: { store: orders, retention: 1h } }
            """, file: "shop.yaml")
        let findings = IdempotencyRule().findings(in: model)
        #expect(findings.map(\.id) == ["payment/redelivered-by/checkout"])
        #expect(findings.first?.holds == false)
        #expect(findings.first?.message.contains("store-and-forward front door 'checkout'") == true, "\(findings)")
        #expect(findings.first?.location.line == 5 && findings.first?.location.column == 37, "\(String(describing: findings.first?.location))")
    }

    /// The diagram marks the door and draws a masked edge to what it forwards to.
    @Test func theDiagramMarksTheDoor() throws {
        let model = try Self.model()
        #expect(StackDiagramBuilder.patternMark(try #require(model.component(named: "door"))) == "stores to store, keeps 4 h")
    }

    /// Accepted requests are in the store before the door answers, so an outage behind the door
    /// (up to the retention) loses none: RPO 0 for them (issue 22 item 6), for the submission and
    /// for the flow of stored requests, not for an objective away from the door. The store's own
    /// protection bounds the rest (`RecoveryFigures`): backups every T = 1 h taking D = 10 min
    /// lose up to T + D = 70 min; none at all is unbounded.
    @Test func acceptedRequestsAreNotLost() throws {
        let model = try Self.model(extra: "  other: { mtbf: 100h, mttr: 1h }", objectives: "  elsewhere: { at: other, rpo: 5m }")
        let reports = ReportBuilder.slaReports(SLAPrediction(model))
        let submit = try #require(reports[0].acceptedRequests)
        #expect(submit.map(\.door) == ["door"] && submit.map(\.store) == ["store"])
        #expect(submit.map(\.rpoHours) == [0] && submit.map(\.retentionHours) == [4])
        #expect(reports[1].acceptedRequests == submit)
        #expect(reports[2].acceptedRequests == nil)
        #expect(SLAText.acceptedRequests(reports[0]) == "accepted requests: RPO 0 (door stores each in store before processing, keeps it 4 h)")
        #expect(SLAText.acceptedRequests(reports[2]) == nil)
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model), worksheet: nil, topRisks: 0)
        #expect(TextReportRenderer().render(report).contains("    accepted requests: RPO 0 (door stores each in store before processing"))
        #expect(JSONReportRenderer.render(report).contains("\"acceptedRequests\""))

        let backedUp = try Self.model(store: "{ layer: data, mtbf: 2000h, mttr: 1h, data: { backup_every: 1h, backup_duration: 10m } }")
        let backups = try #require(ReportBuilder.slaReports(SLAPrediction(backedUp))[0].acceptedRequests?.first)
        #expect(Closeness.relative(try #require(backups.rpoHours), 1 + 10.0 / 60, within: 1e-12))
        #expect(backups.storeBasis == "backups")
        let bare = try Self.model(store: "{ layer: data, mtbf: 2000h, mttr: 1h, data: { replication: none } }")
        let unprotected = ReportBuilder.slaReports(SLAPrediction(bare))[0]
        #expect(unprotected.acceptedRequests?.first?.rpoHours == nil)
        #expect(SLAText.acceptedRequests(unprotected)?.hasSuffix("but store has no replication or backups") == true)
    }

    /// A door storing in `store` (written as a component mapping), its submission objective only.
    static func model(store: String) throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: write-ahead
            components:
              store: \(store)
              worker: { mtbf: 100h, mttr: 2h }
              door: { mtbf: 1000h, mttr: 10m, depends_on: [store, worker], accepts_when_down: { store: store, retention: 4h } }
            objectives:
              submit: { at: door, target: 99.9% }
            """, file: "write-ahead.yaml")
    }
}

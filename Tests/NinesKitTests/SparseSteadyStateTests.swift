import Foundation
import Testing
@testable import NinesKit

/// The sparse Gauss–Seidel steady state (SparseSteadyState) against the machine-repairman closed
/// form and against the dense solve on one chain, and crews past the dense solver's size.
@Suite struct SparseSteadyStateTests {
    /// n identical units, one repairer: a birth–death chain, π_k ∝ n!/(n−k)!·(λ/μ)^k (Gross &
    /// Harris, Fundamentals of Queueing Theory, 3rd ed., §2.7, the machine-repair problem, c = 1).
    @Test func machineRepairMatchesTheClosedForm() throws {
        let n = 4, lambda = 1e-3, mu = 0.25
        var transitions: [SparseSteadyState.Transition] = []
        for k in 0..<n {
            transitions.append(.init(from: k, to: k + 1, rate: Double(n - k) * lambda))
            transitions.append(.init(from: k + 1, to: k, rate: mu))
        }
        let pi = try #require(SparseSteadyState.solve(states: n + 1, transitions: transitions))
        var weights = [1.0]
        for k in 0..<n { weights.append(weights[k] * Double(n - k) * lambda / mu) }
        let total = weights.reduce(0, +)
        for k in 0...n {
            #expect(Closeness.relative(pi[k], weights[k] / total, within: 1e-12), "π\(k): \(pi[k]) vs \(weights[k] / total)")
        }
    }

    /// A five-member first-come-first-served crew (326 queue states) solved both ways.
    @Test func sparseAgreesWithDense() throws {
        let members = (0..<5).map { CrewChain.Member(rate: 0.002 * Double($0 + 1), repairMean: 4 + Double($0), replicas: 1, needs: 1, rank: .max) }
        let chain = CrewChain(members: members, size: 1)
        let states = try #require(chain.reachableStates())
        #expect(states.count == 326)   // Σ_k 5!/(5−k)!: every ordered queue
        let dense = try #require(CrewChain.steadyState(states, chain.transitions, sparse: false))
        let sparse = try #require(CrewChain.steadyState(states, chain.transitions, sparse: true))
        for (d, s) in zip(dense, sparse) { #expect(abs(d - s) <= 1e-12, "\(d) vs \(s)") }
        // Unavailability-first: the rare states agree relatively too, where the dense solve resolves them.
        for (d, s) in zip(dense, sparse) where d > 1e-9 { #expect(Closeness.relative(s, d, within: 1e-7), "\(d) vs \(s)") }
    }

    /// Seven members with one repairer (13,700 queue states): past the dense solver, solved
    /// sparsely, and the crew played event by event agrees.
    @Test func sevenMemberCrewAgreesWithTheSimulation() throws {
        let members = (0..<7).map { CrewChain.Member(rate: 0.004 + 0.002 * Double($0), repairMean: 3 + Double($0), replicas: 1, needs: 1, rank: .max) }
        let chain = CrewChain(members: members, size: 1)
        let names = (0..<7).map { "m\($0)" }
        let exact = try #require(chain.solve(crew: "c", names: names))
        guard case .exact(let states) = exact.method else { Issue.record("expected an exact crew"); return }
        #expect(states == 13_700)
        let simulated = CrewQueueSimulation(chain: chain).figures(crew: "c", names: names, hours: 4e6, seed: 11)
        for m in 0..<7 {
            #expect(Closeness.relative(simulated.unavailability[m], exact.unavailability[m], within: 0.03),
                    "member \(m): \(simulated.unavailability[m]) vs \(exact.unavailability[m])")
        }
        #expect(Closeness.relative(simulated.meanWaitHours, exact.meanWaitHours, within: 0.03))
    }

    /// Twelve members with distinct priorities: the waiting line is a set, 1 + 12·2¹¹ states.
    @Test func distinctPrioritiesKeepTheChainSmall() throws {
        let members = (0..<12).map { CrewChain.Member(rate: 0.001, repairMean: 5, replicas: 1, needs: 1, rank: $0) }
        let queue = try #require(CrewChain(members: members, size: 1).solve(crew: "c", names: (0..<12).map { "m\($0)" }))
        guard case .exact(let states) = queue.method else { Issue.record("expected an exact crew"); return }
        #expect(states == 1 + 12 * 2048)
        #expect(queue.unavailability[0] < queue.unavailability[11])   // served first, down least
    }

    /// Nine members with one repairer (986,410 ordered queues) are past the limit: played, and the
    /// warning is located at the crew.
    @Test func pastTheStateLimitTheWarningIsLocated() throws {
        let members = (0..<9).map { "u\($0): { mtbf: 1000h, mttr: 10h, crew: one }" }.joined(separator: "\n  ")
        let model = try ModelLoader.load(text: """
            version: 1
            system: nine
            repair_crews:
              one: { size: 1 }
            components:
              \(members)
            """, file: "nine.yaml")
        let report = try #require(CrewReport.reports(model)?.first)
        #expect(report.method == "simulated")
        let warning = try #require(report.warning)
        #expect(warning.hasPrefix("nine.yaml:4:") && warning.contains("200,000 queue states"), "\(warning)")
    }
}

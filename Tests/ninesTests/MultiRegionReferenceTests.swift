import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Generated multi-region models (`nines-genmodel N --shape pool --regions 2 --zones 3
/// [--shared-dns]`: a front door needing any of two regions, each a gateway needing two of three
/// zones (and the DNS when shared), each zone a front end over services of three pods on the
/// zone's nodes) against a reference written here, independently of the engine's conditioning:
///
/// - a zone by conditioning on its nodes by hand: every set D of at most `depth` nodes down, with
///   P(D) · Q(zone | D) (given D the pods are independent: a service is a k-of-3 of its pods, the
///   front end needs every service), and the sets with more nodes down bounded by their
///   probability (Q between Q(∅) and 1), so each zone is a certified interval;
/// - two of three zones by the binomial, a region by its gateway, the DNS and the front door by
///   hand: Q = q_door + p_door·(q_dns + p_dns·Q_r0·Q_r1), every step increasing in the zones' Q,
///   so the two ends of the zones' intervals give the two ends of the reference.
///
/// The engine's figure lies inside the reference interval (up to 1e-12 of Q), and the interval is
/// narrower than 1e-9 of Q. Brute force over every component state is `NestedGroupTests`' (random
/// zoned regions small enough to enumerate).
@Suite struct MultiRegionReferenceTests {
    @Test(arguments: [(1_000, false), (1_000, true), (10_000, false), (10_000, true)])
    func generatedModelMatchesTheReference(components: Int, sharedDNS: Bool) throws {
        let text = try GenModelTests.generate([String(components), "--shape", "pool", "--seed", "3", "--regions", "2", "--zones", "3"]
                                              + (sharedDNS ? ["--shared-dns"] : []))
        let model = try ModelLoader.load(text: text, file: "multi-region.yaml")
        let reference = try Self.reference(model, depth: 3)
        #expect(reference.upper - reference.lower <= 1e-9 * reference.lower, "reference [\(reference.lower), \(reference.upper)]")

        let figure = AvailabilityAnalysis(model, scope: .objectivesOnly).objective(0)
        let q = figure.probability.down
        #expect(figure.method == .exact, "\(figure.method)")
        #expect(q >= reference.lower * (1 - 1e-12) && q <= reference.upper * (1 + 1e-12),
                "\(components) components, shared DNS \(sharedDNS): \(q) outside [\(reference.lower), \(reference.upper)]")
        // Whatever the method, the figure never leaves its own certified interval.
        if let interval = figure.interval { #expect(interval.lower.down <= q && q <= interval.upper.down) }
    }

    /// Q of the front door as an interval [lower, upper] (see the suite's comment).
    static func reference(_ model: SystemModel, depth: Int) throws -> (lower: Double, upper: Double) {
        let byName = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, $0) })
        let door = try #require(byName["frontdoor"])
        guard case .group(1, let gateways, _) = try #require(door.dependencies.first) else { throw ReferenceError.shape("frontdoor") }
        var dns: Double? = nil
        var regions: [(lower: Double, upper: Double)] = []
        for name in gateways {
            let gateway = try #require(byName[name])
            var zones: [(lower: Double, upper: Double)] = []
            var needed = 0
            for dependency in gateway.dependencies {
                switch dependency {
                case .component(let shared, _): dns = Self.down(try #require(byName[shared]))
                case .group(let k, let fronts, _):
                    needed = k
                    zones = try fronts.map { try Self.zone(try #require(byName[$0]), byName, depth: depth) }
                }
            }
            #expect(needed == 2 && zones.count == 3)
            let q = Self.down(gateway)
            // More than n − k of the zones down: each end from the zones' same end (increasing).
            regions.append((q + (1 - q) * Self.moreThan(zones.count - needed, down: zones.map(\.lower)),
                            q + (1 - q) * Self.moreThan(zones.count - needed, down: zones.map(\.upper))))
        }
        #expect(regions.count == 2)
        let qDoor = Self.down(door), qDNS = dns ?? 0
        let end = { (r0: Double, r1: Double) in qDoor + (1 - qDoor) * (qDNS + (1 - qDNS) * r0 * r1) }
        return (end(regions[0].lower, regions[1].lower), end(regions[0].upper, regions[1].upper))
    }

    /// A zone (its front end) by conditioning on its nodes: the sets of at most `depth` nodes down
    /// enumerated, the rest bounded by their probability.
    static func zone(_ front: Component, _ byName: [String: Component], depth: Int) throws -> (lower: Double, upper: Double) {
        // Each service: k, and its pods as (own Q, node index).
        var nodeNames: [String] = [], nodeIndex: [String: Int] = [:]
        var services: [(k: Int, pods: [(down: Double, node: Int)])] = []
        for name in front.dependencyNames {
            let service = try #require(byName[name])
            #expect(Self.down(service) == 0)
            guard case .group(let k, let podNames, _) = try #require(service.dependencies.first) else { throw ReferenceError.shape(name) }
            let pods = try podNames.map { podName -> (down: Double, node: Int) in
                let pod = try #require(byName[podName])
                let node = try #require(pod.dependencyNames.first)
                if nodeIndex[node] == nil { nodeIndex[node] = nodeNames.count; nodeNames.append(node) }
                return (Self.down(pod), nodeIndex[node]!)
            }
            services.append((k, pods))
        }
        let nodeDown = try nodeNames.map { Self.down(try #require(byName[$0])) }
        let qFront = Self.down(front)
        var total = 0.0, nothingDown = 0.0
        var down = [Bool](repeating: false, count: nodeNames.count)
        // Depth first over the sets of nodes down, in index order.
        func visit(from start: Int, size: Int, probability: Double) {
            var logUp = 0.0   // Σ ln P(service up | D): a service is down when more than n − k of its pods are
            for service in services {
                let serviceDown = Self.moreThan(service.pods.count - service.k, down: service.pods.map { down[$0.node] ? 1 : $0.down })
                logUp += serviceDown >= 1 ? -.infinity : log1p(-serviceDown)
            }
            let given = qFront + (1 - qFront) * -expm1(logUp)
            if size == 0 { nothingDown = given }
            total += probability * given
            guard size < depth else { return }
            for node in start..<nodeNames.count {
                down[node] = true
                visit(from: node + 1, size: size + 1, probability: probability * nodeDown[node] / (1 - nodeDown[node]))
                down[node] = false
            }
        }
        visit(from: 0, size: 0, probability: nodeDown.reduce(1) { $0 * (1 - $1) })
        let tail = Self.moreThan(depth, down: nodeDown)
        return (total + tail * nothingDown, total + tail)
    }

    /// A component's own unavailability, by hand: MTTR / (MTBF + MTTR), or 1 − the stated availability.
    static func down(_ component: Component) -> Double {
        switch component.figures {
        case .availability(let p, _): return p.down
        case .mtbf(let mtbf, let mttr): return mttr / (mtbf + mttr)
        case .rate(let rate, let mttr): return rate * mttr / (1 + rate * mttr)
        }
    }

    /// P(more than m of these independent units down), from the distribution of how many are down
    /// (sums of non-negative terms, so a tiny probability keeps its digits).
    static func moreThan(_ m: Int, down: [Double]) -> Double {
        var exactly = [1.0] + [Double](repeating: 0, count: down.count)   // P(exactly j down) so far
        for q in down {
            for j in stride(from: exactly.count - 1, through: 1, by: -1) { exactly[j] = exactly[j] * (1 - q) + exactly[j - 1] * q }
            exactly[0] *= 1 - q
        }
        return m + 1 < exactly.count ? exactly[(m + 1)...].reduce(0, +) : 0
    }

    enum ReferenceError: Error { case shape(String) }
}

import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines-genmodel`, the benchmark generator, run as a process (it sits next to `nines`): the default
/// platform shape stays byte for byte what it was, and `--shape pool` prints the shared-pool shape of the
/// reference models with the requested size.
struct GenModelTests {
    static func generate(_ arguments: [String]) throws -> String {
        let nines: URL = try NinesExecutable.required()
        let process = Process()
        process.executableURL = nines.deletingLastPathComponent().appendingPathComponent("nines-genmodel")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "nines-genmodel \(arguments) exited \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    /// FNV-1a, 64 bits: enough to notice any change in the platform shape's bytes.
    static func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test func platformShapeIsUnchanged() throws {
        let text = try Self.generate(["1000", "--seed", "1"])
        #expect(text.utf8.count == 150_055)
        #expect(Self.fingerprint(text) == 0x1a6b_e693_3199_0ba0)
    }

    /// The pool of the reference models: 12 nodes at 253 components, 15 at 616, 25 at 2026; S services of
    /// 3 pods needing 2, each on 3 distinct nodes; a front end needing every service; `shop` at it.
    @Test(arguments: [(100, 7), (253, 12), (616, 15), (2026, 25), (10_000, 47)])
    func poolShape(components: Int, nodes: Int) throws {
        let text = try Self.generate([String(components), "--shape", "pool", "--seed", "5"])
        let model = try ModelLoader.load(text: text, file: "pool.yaml")
        #expect(model.components.count == components)
        let byName = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, $0) })
        #expect(model.components.filter { $0.name.hasPrefix("node") }.count == nodes)
        let services = model.components.filter { $0.name.hasPrefix("svc") && !$0.name.contains("-pod") }
        #expect(services.count == (components - nodes - 1) / 4)
        for service in services {
            guard case .group(let k, let pods, _) = try #require(service.dependencies.first), service.dependencies.count == 1 else {
                Issue.record("\(service.name) is not one k_of group"); continue
            }
            #expect(k == 2 && pods.count == 3)
            let placed = pods.flatMap { byName[$0]?.dependencyNames ?? [] }
            #expect(placed.count == 3 && Set(placed).count == 3 && placed.allSatisfy { $0.hasPrefix("node") })
        }
        #expect(byName["frontend"]?.dependencyNames == services.map(\.name))
        #expect(model.objectives.map(\.name) == ["shop"] && model.objectives[0].components == ["frontend"])
    }

    @Test func poolOverridesAndSeeds() throws {
        let text = try Self.generate(["200", "--shape", "pool", "--nodes", "9", "--racks", "3", "--replicas", "4", "--needs", "3"])
        let model = try ModelLoader.load(text: text, file: "pool.yaml")
        // 3 racks + 9 nodes + 1 front end leave 187 components: 37 services of 5 (185), rounded down (at most R fewer).
        #expect(model.components.count == 198)
        let nodes = model.components.filter { $0.name.hasPrefix("node") }
        #expect(nodes.count == 9 && nodes.allSatisfy { $0.dependencyNames.count == 1 && $0.dependencyNames[0].hasPrefix("rack") })
        guard case .group(let k, let pods, _) = model.components.first(where: { $0.name == "svc0" })?.dependencies.first else {
            Issue.record("svc0 has no k_of group"); return
        }
        #expect(k == 3 && pods.count == 4)
        // Racks without --nodes keep the count exact; the seed alone decides the placement.
        #expect(try ModelLoader.load(text: Self.generate(["500", "--shape", "pool", "--racks", "4"]), file: "racks.yaml").components.count == 500)
        #expect(try Self.generate(["300", "--shape", "pool", "--seed", "2"]) == Self.generate(["300", "--shape", "pool", "--seed", "2"]))
        #expect(try Self.generate(["300", "--shape", "pool", "--seed", "2"]) != Self.generate(["300", "--shape", "pool", "--seed", "3"]))
    }

    /// `--regions`: pools side by side behind a front door that needs one of them, the count exact,
    /// and the front door's figure exact (a group whose members are conjunctions is conditioned).
    @Test func poolRegions() throws {
        let text = try Self.generate(["1000", "--shape", "pool", "--seed", "1", "--regions", "2"])
        let model = try ModelLoader.load(text: text, file: "regions.yaml")
        #expect(model.components.count == 1000)
        #expect(model.objectives[0].components == ["frontdoor"])
        guard case .group(let k, let fronts, _) = model.components.first(where: { $0.name == "frontdoor" })?.dependencies.first else {
            Issue.record("frontdoor has no group"); return
        }
        #expect(k == 1 && fronts == ["r0-frontend", "r1-frontend"])
        // Each region its own pool (the last takes what is left: up to R more nodes to fill it exactly).
        let nodes = (0..<2).map { region in model.components.filter { $0.name.hasPrefix("r\(region)-node") }.count }
        #expect(nodes[0] >= 14 && abs(nodes[0] - nodes[1]) <= 3, "\(nodes)")
        #expect(AvailabilityAnalysis(model).objective(0).method == .exact)
    }

    /// Regions of zones with a shared DNS: any of two regions, each a gateway that needs the DNS
    /// and two of its three zones, each zone its own pool; exact (conditioned on the DNS).
    @Test func poolRegionsOfZones() throws {
        let text = try Self.generate(["3000", "--shape", "pool", "--seed", "1", "--regions", "2", "--zones", "3", "--shared-dns"])
        let model = try ModelLoader.load(text: text, file: "zones.yaml")
        #expect(model.components.count == 3000)
        guard case .group(let k, let gateways, _) = model.components.first(where: { $0.name == "frontdoor" })?.dependencies.first else {
            Issue.record("frontdoor has no group"); return
        }
        #expect(k == 1 && gateways == ["r0-gateway", "r1-gateway"])
        let gateway = try #require(model.components.first { $0.name == "r1-gateway" })
        guard case .component("dns", _) = gateway.dependencies.first, case .group(2, let zones, _) = gateway.dependencies.last else {
            Issue.record("r1-gateway: \(gateway.dependencies)"); return
        }
        #expect(zones == ["r1-z0-frontend", "r1-z1-frontend", "r1-z2-frontend"])
        let figure = AvailabilityAnalysis(model, scope: .objectivesOnly).objective(0)
        #expect(figure.method == .exact)
        // At least the front door's and the DNS's own outages (both needed by every path).
        #expect(figure.probability.down >= 1e-5 + 5e-5 - 1e-9)
    }
}

// nines-genmodel: prints a realistic layered model of N components as YAML, for benchmarks.
//
//     swift run -c release nines-genmodel 10000 [--seed 1] > model.yaml
//
// The same N and seed always print the same file. The shape follows a multi-region platform:
// - physical: a backbone per region and three availability zones in it;
// - platform: per region a database, a queue and a cache (shared by many services); per cluster a
//   control plane and worker nodes spread over the region's zones; global DNS and identity;
// - software: services with replicas on k-of-n groups of their cluster's nodes, the regional shared
//   components, and sometimes a lower-tier service of the same cluster;
// - front doors on top, each serving one function from two regions (`any`) plus DNS and identity.
// Objectives sit at some front doors and along front door → service → database paths.
//
//     swift run -c release nines-genmodel 1000 --shape pool [--seed 1] [--nodes N] [--racks M]
//                                          [--replicas R --needs K] > pool.yaml
//
// `--shape pool` prints a shared pool instead (the shape of the shared-pool reference models): S services,
// each R pods (separate components) of which K are needed (a `k_of` group), every pod on one of N
// shared nodes (R distinct nodes per service, drawn with the seeded generator), optional racks above
// the nodes (node i depends on rack i mod M), and a front end that needs every service; one objective
// `shop` at the front end. Components: N + M + S × (R + 1) + 1. The pool grows slowly with the model
// (about 2 + 0.45 √COMPONENTS nodes: 12 at 253, 15 at 616, 25 at 2026, 47 at 10,000) and takes up
// the remainder, so COMPONENTS is exact; with `--nodes` given it is rounded down to whole services
// (at most R fewer). Defaults: R = 3, K = 2, no racks.
//
// `--regions G` (pool shape) makes G such pools side by side, each with its own nodes, services
// and front end (names prefixed `r0-`, `r1-`, …), behind a front door that needs one of them: a
// redundancy group whose members are conjunctions. COMPONENTS counts them all.
//
// `--placed` (pool shape) writes each service as one component with `replicas`, `needs` and
// `placement: {pool: nodes, per: 1}` over a declared pool of the nodes instead of separate pods:
// the loader expands it into the same number of components (docs/patterns.md, "Placement"), the
// pods on the least-loaded nodes rather than on drawn ones.
//
// `--zones Z` (with `--regions G`) makes each region a gateway that needs Z − 1 of Z zones (at least
// one), each zone such a pool: any of G regions, each k of Z zones, each zone a pool of nodes under
// its services' replicas (a group of groups of conjunctions). `--shared-dns` adds one `dns`
// component every region's gateway needs (a component shared across the regions; needs --zones).

import Foundation
import NinesKit

/// NinesKit's SplitMix64: identical on every platform, so a seed always gives the same model.
struct SeededGenerator {
    var mixer: SplitMix64
    init(state: UInt64) { mixer = SplitMix64(state: state) }
    mutating func next() -> UInt64 { mixer.next() }
    /// Uniform in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

enum Shape: String { case platform, pool }

struct Options {
    var count = 1000
    var seed: UInt64 = 1
    var shape = Shape.platform
    /// Pool shape only; nil means the default (nodes: grown with the model, replicas 3, needs 2, no racks).
    var nodes: Int?
    var racks: Int?
    var replicas: Int?
    var needs: Int?
    var regions: Int?
    var placed = false
    var zones: Int?
    var sharedDNS = false

    static let usage = """
        usage: nines-genmodel COMPONENTS [--seed N]   (COMPONENTS from 100 to 10000000)
               nines-genmodel COMPONENTS --shape pool [--seed N] [--nodes N] [--racks M] [--replicas R] [--needs K] [--regions G [--zones Z] [--shared-dns]] [--placed]
        """

    init(arguments: [String]) {
        var rest = arguments[...]
        func positive(_ text: String?, minimum: Int = 1) -> Int {
            guard let text, let value = Int(text), value >= minimum, value <= 1_000_000 else { fail(Options.usage) }
            return value
        }
        while let argument = rest.popFirst() {
            if argument == "--seed", let value = rest.popFirst().flatMap({ UInt64($0) }) {
                seed = value
            } else if argument == "--shape", let value = rest.popFirst().flatMap({ Shape(rawValue: $0) }) {
                shape = value
            } else if argument == "--nodes" {
                nodes = positive(rest.popFirst())
            } else if argument == "--racks" {
                racks = positive(rest.popFirst(), minimum: 0)
            } else if argument == "--replicas" {
                replicas = positive(rest.popFirst())
            } else if argument == "--needs" {
                needs = positive(rest.popFirst())
            } else if argument == "--regions" {
                regions = positive(rest.popFirst())
            } else if argument == "--placed" {
                placed = true
            } else if argument == "--zones" {
                zones = positive(rest.popFirst())
            } else if argument == "--shared-dns" {
                sharedDNS = true
            } else if let value = Int(argument), value >= 100, value <= 10_000_000 {
                count = value
            } else {
                fail(Options.usage)
            }
        }
        if shape == .platform && (nodes != nil || racks != nil || replicas != nil || needs != nil || regions != nil || placed) {
            fail("nines-genmodel: --nodes, --racks, --replicas, --needs --regions and --placed go with --shape pool\n" + Options.usage)
        }
        if (zones != nil || sharedDNS) && (regions ?? 1) < 2 {
            fail("nines-genmodel: --zones and --shared-dns go with --regions G (G ≥ 2)\n" + Options.usage)
        }
        if sharedDNS && (zones ?? 1) < 2 {
            fail("nines-genmodel: --shared-dns goes with --zones Z (Z ≥ 2): every region's gateway needs the DNS\n" + Options.usage)
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// Builds the YAML text, one component at a time, keeping the count exact.
struct ModelWriter {
    var random: SeededGenerator
    var out = ""
    var written = 0

    init(seed: UInt64) {
        random = SeededGenerator(state: seed)
        out.reserveCapacity(1 << 20)
    }

    mutating func line(_ text: String) { out += text; out += "\n" }

    /// A one-line component entry `name: {body}`.
    mutating func entry(_ name: String, _ body: String) {
        line("  \(name): {\(body)}")
        written += 1
    }

    /// A component entry; `fields` are already-formatted `key: value` lines.
    mutating func component(_ name: String, layer: String, _ fields: [String]) {
        line("  \(name):")
        line("    layer: \(layer)")
        for field in fields { line("    \(field)") }
        written += 1
    }

    /// Realistic figures in the three accepted forms.
    mutating func figures(availability: [String], mtbfHours: [Int], mttr: [String]) -> [String] {
        switch random.below(3) {
        case 0: return ["availability: \(random.pick(availability))"]
        case 1: return ["mtbf: \(random.pick(mtbfHours))h", "mttr: \(random.pick(mttr))"]
        default: return ["availability: \(random.pick(availability))", "mttr: \(random.pick(mttr))"]
        }
    }

    static func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }
}

func generate(_ options: Options) -> String {
    let n = options.count
    var w = ModelWriter(seed: options.seed)
    let regions = max(2, min(16, Int(log2(Double(n) / 250))))
    let zones = 3
    let shared = ["db", "queue", "cache"]
    let fixed = regions * (1 + zones + shared.count) + 2           // physical, shared platform, DNS + identity
    // A domain is one product area: per region of its pair a cluster (control plane and nodes) and a
    // stack of services, plus front doors on top. About 45 components; the last domain takes the rest.
    let domains = max(1, (n - fixed) / 45)

    w.line("# Generated by nines-genmodel \(n) --seed \(options.seed): a synthetic multi-region platform.")
    w.line("version: 1")
    w.line("system: generated-\(n)")
    w.line("period: month")
    w.line("components:")

    // Physical: a backbone per region, three zones on it.
    func zone(_ region: Int, _ z: Int) -> String { "r\(region)-az\(z)" }
    for region in 0..<regions {
        w.component("r\(region)-backbone", layer: "physical", ["availability: 99.995%", "mttr: 2h"])
        for z in 0..<zones {
            w.component(zone(region, z), layer: "physical",
                        w.figures(availability: ["99.99%", "99.995%", "99.95%"], mtbfHours: [8760, 17520], mttr: ["1h", "4h"])
                            + ["depends_on: [r\(region)-backbone]"])
        }
    }
    // Global and regional shared platform components, used by many services.
    w.component("dns", layer: "external", ["availability: 99.999%", "responsibility: provider"])
    w.component("identity", layer: "external", ["availability: 99.99%", "mttr: 30m", "responsibility: provider"])
    for region in 0..<regions {
        let allZones = (0..<zones).map { zone(region, $0) }
        for kind in shared {
            w.component("r\(region)-\(kind)", layer: "platform",
                        ["replicas: 3", "needs: 2", "common_cause: 2%"]
                            + w.figures(availability: ["99.9%", "99.95%"], mtbfHours: [2000, 4000], mttr: ["30m", "1h"])
                            + ["depends_on: [{k_of: {k: 2, of: \(ModelWriter.list(allZones))}}]"])
        }
    }

    var doors: [(name: String, entry: String, region: Int)] = []
    for d in 0..<domains {
        let last = d == domains - 1
        let remaining = n - w.written
        // Sizes of this domain: nodes and services per region, front doors.
        let doorCount = last ? max(1, remaining / 20) : 1 + w.random.below(3)
        let perRegion = (last ? remaining - doorCount : 45 - doorCount - w.random.below(5)) / 2
        let nodeCount = max(3, perRegion * 2 / 5)
        let primary = w.random.below(regions)
        let secondary = (primary + 1 + w.random.below(regions - 1)) % regions
        var entries: [[String]] = []
        for (side, region) in [primary, secondary].enumerated() {
            // The last domain's second region takes whatever is left so the count is exact.
            let size = last && side == 1 ? n - w.written - doorCount : perRegion
            let stack = "d\(d)-r\(region)"
            let allZones = (0..<zones).map { zone(region, $0) }
            w.component("\(stack)-control", layer: "platform",
                        ["replicas: 3", "needs: 2"] + w.figures(availability: ["99.9%", "99.95%"], mtbfHours: [1000, 2000], mttr: ["15m", "1h"])
                            + ["depends_on: [{k_of: {k: 2, of: \(ModelWriter.list(allZones))}}]"])
            let nodes = (0..<min(nodeCount, size - 2)).map { "\(stack)-n\($0)" }
            for (i, node) in nodes.enumerated() {
                w.component(node, layer: "platform",
                            w.figures(availability: ["99.5%", "99.9%"], mtbfHours: [720, 1500, 3000], mttr: ["10m", "30m", "2h"])
                                + ["depends_on: [\(zone(region, i % zones))]"])
            }
            // Services, lowest tier first: each on a k-of-n group of nearby nodes, the cluster's control
            // plane, some regional shared components and sometimes a lower-tier service.
            var services: [String] = []
            for s in 0..<(size - 1 - nodes.count) {
                let name = "\(stack)-svc\(s)"
                let groupSize = min(nodes.count, 2 + w.random.below(3))
                let start = w.random.below(nodes.count)
                let members = (0..<groupSize).map { nodes[(start + $0) % nodes.count] }
                let k = max(1, groupSize - 1 - w.random.below(2))
                var dependencies = [k == 1 ? "{any: \(ModelWriter.list(members))}" : "{k_of: {k: \(k), of: \(ModelWriter.list(members))}}",
                                    "\(stack)-control"]
                for kind in shared where w.random.chance(40) { dependencies.append("r\(region)-\(kind)") }
                if !services.isEmpty && w.random.chance(60) { dependencies.append(services[services.count - 1 - w.random.below(min(3, services.count))]) }
                let replicas = 2 + w.random.below(4)
                w.component(name, layer: "software",
                            ["replicas: \(replicas)", "needs: \(max(1, replicas - 1 - w.random.below(2)))"]
                                + w.figures(availability: ["99.9%", "99.95%", "99.99%"], mtbfHours: [500, 1000, 2000], mttr: ["5m", "15m", "1h"])
                                + ["depends_on: \(ModelWriter.list(dependencies))"])
                services.append(name)
            }
            entries.append(services)
            _ = side
        }
        // Front doors: each serves one entry service from either region (regional failover).
        for f in 0..<doorCount {
            let name = "d\(d)-door\(f)"
            let top = min(entries[0].count, entries[1].count)
            let pick = top - 1 - (f % max(1, min(top, 3)))
            let pair = [entries[0][pick], entries[1][pick]]
            w.component(name, layer: "software",
                        ["replicas: 2", "needs: 1", "availability: 99.99%", "mttr: 10m",
                         "depends_on: [dns, identity, {any: \(ModelWriter.list(pair))}]"])
            doors.append((name, pair[0], primary))
        }
    }
    precondition(w.written == n, "generated \(w.written) components, expected \(n)")

    // Objectives at some front doors and along some flows.
    let objectiveCount = 4 + n / 4000
    w.line("objectives:")
    for o in 0..<objectiveCount {
        let door = doors[(o * 7919) % doors.count]
        w.line("  \(door.name)-availability:")
        w.line("    at: \(door.name)")
        w.line("    target: \(w.random.pick(["99.9%", "99.95%", "99.99%"]))")
        w.line("  \(door.name)-flow:")
        w.line("    path: [\(door.name), \(door.entry), r\(door.region)-db]")
        w.line("    target: 99.9%")
    }
    return w.out
}

/// The shared-pool shape (see the top of this file).
func generatePool(_ options: Options) -> String {
    let regions = options.regions ?? 1
    let replicas = options.replicas ?? 3
    let needs = options.needs ?? min(2, replicas)
    let racks = options.racks ?? 0
    guard needs <= replicas else { fail("nines-genmodel: --needs \(needs) is more than --replicas \(replicas)") }
    let zones = options.zones ?? 1
    // With regions, one front door on top (and a gateway per region when it has zones, and the
    // DNS) and the rest shared out: the last pool takes what is left.
    let pools = regions * zones
    let fixed = regions == 1 ? 0 : 1 + (zones > 1 ? regions : 0) + (options.sharedDNS ? 1 : 0)
    let perPool = (options.count - fixed) / pools
    let sizes = (0..<pools).map { $0 == pools - 1 ? options.count - fixed - perPool * (pools - 1) : perPool }
    let layouts = sizes.map { PoolLayout(count: $0, options: options, replicas: replicas, racks: racks) }

    var w = ModelWriter(seed: options.seed)
    var flags = "--shape pool --seed \(options.seed)"
    if let given = options.nodes { flags += " --nodes \(given)" }
    if let given = options.racks { flags += " --racks \(given)" }
    if let given = options.replicas { flags += " --replicas \(given)" }
    if let given = options.needs { flags += " --needs \(given)" }
    if let given = options.regions { flags += " --regions \(given)" }
    if options.placed { flags += " --placed" }
    if let given = options.zones { flags += " --zones \(given)" }
    if options.sharedDNS { flags += " --shared-dns" }
    let first = layouts[0]
    let zoned = zones > 1 ? ", each needing \(zones - 1) of \(zones) zones," : ""
    w.line("# Generated by nines-genmodel \(options.count) \(flags): a shared pool of nodes under \(first.services) services"
           + (regions > 1 ? " in each of \(regions) regions\(zoned)\(zones > 1 ? " in each zone" : "")." : "."))
    w.line("version: 1")
    w.line("system: " + (regions > 1 ? "\(regions) regions of " : "") + (zones > 1 ? "\(zones) zones of " : "")
           + "\(first.services) services x \(replicas) pods on \(first.nodes) shared nodes" + (racks > 0 ? " in \(racks) racks" : ""))
    w.line("components:")
    var fronts: [String] = []
    for (pool, layout) in layouts.enumerated() {
        let prefix = regions == 1 ? "" : zones == 1 ? "r\(pool)-" : "r\(pool / zones)-z\(pool % zones)-"
        fronts.append(writePool(&w, layout, prefix: prefix, replicas: replicas, needs: needs, racks: racks,
                                placed: options.placed))
    }
    if options.sharedDNS { w.entry("dns", "layer: external, availability: 99.995%, mttr: 15m") }
    if zones > 1 {
        let dns = options.sharedDNS ? "dns, " : ""
        fronts = (0..<regions).map { region in
            let zoneFronts = Array(fronts[(region * zones)..<((region + 1) * zones)])
            w.entry("r\(region)-gateway", "layer: network, availability: 99.995%, mttr: 10m, "
                    + "depends_on: [\(dns){k_of: {k: \(max(1, zones - 1)), of: \(ModelWriter.list(zoneFronts))}}]")
            return "r\(region)-gateway"
        }
    }
    if regions > 1 {
        w.entry("frontdoor", "availability: 99.999%, mttr: 10m, depends_on: [{any: \(ModelWriter.list(fronts))}]")
    }
    precondition(options.nodes != nil || w.written == options.count, "generated \(w.written) components, expected \(options.count)")
    w.line("objectives:")
    w.line("  shop: {at: \(regions > 1 ? "frontdoor" : "frontend"), target: 99.9%}")
    if options.placed {
        w.line("pools:")
        for (region, layout) in layouts.enumerated() {
            let prefix = regions > 1 ? "r\(region)-" : ""
            w.line("  \(prefix)nodes: \(ModelWriter.list((0..<layout.nodes).map { "\(prefix)node\($0)" }))")
        }
    }
    return w.out
}

/// How one pool fills its share of the components: nodes grown with it, then whole services.
struct PoolLayout {
    let nodes: Int
    let services: Int

    init(count n: Int, options: Options, replicas: Int, racks: Int) {
        let perService = replicas + 1
        if let given = options.nodes {
            nodes = given
        } else {
            // Grows slowly with the model; then up to R more so that the services fill the count exactly.
            var grown = max(replicas, Int((2 + 0.45 * Double(n).squareRoot()).rounded(.up)))
            while (n - 1 - racks - grown) % perService != 0 { grown += 1 }
            nodes = grown
        }
        guard nodes >= replicas else { fail("nines-genmodel: \(replicas) pods per service need at least \(replicas) nodes, not \(nodes)") }
        services = (n - 1 - racks - nodes) / perService
        guard services >= 1 else { fail("nines-genmodel: \(n) components leave no room for a service beside \(nodes) nodes and \(racks) racks") }
    }
}

/// Writes one pool (racks, nodes, services and their pods, a front end needing every service);
/// returns the front end's name.
func writePool(_ w: inout ModelWriter, _ layout: PoolLayout, prefix: String, replicas: Int, needs: Int, racks: Int,
               placed: Bool) -> String {
    for r in 0..<racks { w.entry("\(prefix)rack\(r)", "layer: physical, mtbf: 8760h, mttr: 2h") }
    for i in 0..<layout.nodes {
        w.entry("\(prefix)node\(i)", "layer: platform, mtbf: 4000h, mttr: 1h" + (racks > 0 ? ", depends_on: [\(prefix)rack\(i % racks)]" : ""))
    }
    for s in 0..<layout.services where placed {
        // One component; the loader makes its R pods (counted here) on the pool's least-loaded nodes.
        w.entry("\(prefix)svc\(s)", "mtbf: 2000h, mttr: 5m, replicas: \(replicas), needs: \(needs), placement: {pool: \(prefix)nodes, per: 1}")
        w.written += replicas
    }
    for s in 0..<layout.services where !placed {
        // R distinct nodes, drawn in order with the seeded generator.
        var placed: [Int] = []
        while placed.count < replicas {
            let node = w.random.below(layout.nodes)
            if !placed.contains(node) { placed.append(node) }
        }
        let pods = (0..<replicas).map { "\(prefix)svc\(s)-pod\($0)" }
        for (pod, node) in zip(pods, placed) { w.entry(pod, "mtbf: 2000h, mttr: 5m, depends_on: [\(prefix)node\(node)]") }
        w.entry("\(prefix)svc\(s)", "availability: 1, depends_on: [{k_of: {k: \(needs), of: \(ModelWriter.list(pods))}}]")
    }
    let front = "\(prefix)frontend"
    w.entry(front, "availability: 99.99%, mttr: 10m, depends_on: \(ModelWriter.list((0..<layout.services).map { "\(prefix)svc\($0)" }))")
    return front
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
let text = options.shape == .pool ? generatePool(options) : generate(options)
FileHandle.standardOutput.write(Data(text.utf8))

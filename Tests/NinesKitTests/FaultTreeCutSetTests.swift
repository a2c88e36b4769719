import Testing
@testable import NinesKit

/// Minimal cut sets of an Open-PSA fault tree written here, through `OpenPSAImport` (as `nines
/// import openpsa` then `nines cuts` do for SCRAM's benchmark trees), against a brute-force
/// enumeration of the tree's own failure logic: every set of basic events, a set being a minimal
/// cut set when it fails the top and no set with one event fewer does (the tree is coherent).
@Suite struct FaultTreeCutSetTests {
    indirect enum Gate {
        case event(String)
        case or([Gate])
        case and([Gate])
        case atLeast(Int, [Gate])

        func failed(_ down: Set<String>) -> Bool {
            switch self {
            case .event(let name): return down.contains(name)
            case .or(let inputs): return inputs.contains { $0.failed(down) }
            case .and(let inputs): return inputs.allSatisfy { $0.failed(down) }
            case .atLeast(let k, let inputs): return inputs.filter { $0.failed(down) }.count >= k
            }
        }

        var xml: String {
            switch self {
            case .event(let name): return "<basic-event name=\"\(name)\"/>"
            case .or(let inputs): return "<or>" + inputs.map(\.xml).joined() + "</or>"
            case .and(let inputs): return "<and>" + inputs.map(\.xml).joined() + "</and>"
            case .atLeast(let k, let inputs): return "<atleast min=\"\(k)\">" + inputs.map(\.xml).joined() + "</atleast>"
            }
        }
    }

    static let events = (1...16).map { "e\($0)" }

    /// Two trains of pumps and valves sharing power and a cooling vote, with shared events at
    /// several depths so cut sets of orders 1 to 6 overlap.
    static let top: Gate = {
        func e(_ i: Int) -> Gate { .event("e\(i)") }
        let power = Gate.or([e(1), .and([e(2), e(3)])])
        let trainA = Gate.or([e(4), e(5), .and([e(6), e(7)]), power])
        let trainB = Gate.or([e(8), .and([e(9), e(10)]), .and([e(6), e(11)]), power])
        let cooling = Gate.atLeast(2, [e(12), e(13), e(14), .and([e(15), e(3)])])
        return .or([.and([trainA, trainB]), .and([cooling, .or([e(16), e(7), e(10)])]), .and([e(2), e(12), e(15), e(9)])])
    }()

    static var xml: String {
        let basics = events.enumerated().map { index, name in
            "<define-basic-event name=\"\(name)\"><float value=\"\(0.001 * Double(index + 1))\"/></define-basic-event>"
        }
        return "<opsa-mef><define-fault-tree name=\"plant\">\n<define-gate name=\"top\">\(top.xml)</define-gate>\n"
            + basics.joined(separator: "\n") + "\n</define-fault-tree></opsa-mef>\n"
    }

    /// Every minimal cut set by brute force over the 2^16 sets of basic events.
    static let bruteForce: Set<[String]> = {
        var result: Set<[String]> = []
        for mask in 1..<(1 << events.count) {
            let down = Set(events.indices.filter { mask & (1 << $0) != 0 }.map { events[$0] })
            guard top.failed(down), down.allSatisfy({ !top.failed(down.subtracting([$0])) }) else { continue }
            result.insert(down.sorted())
        }
        return result
    }()

    func imported(maxOrder: Int) throws -> CutSetList {
        let yaml = try OpenPSAImport.convert([("plant.xml", Self.xml)]).yaml
        let model = try ModelLoader.load(text: yaml, file: "plant.yaml")
        return try #require(MinimalCutSets(AvailabilityAnalysis(model), maxOrder: maxOrder).objectives.first)
    }

    static func distribution(_ sets: some Collection<[String]>) -> [Int] {
        let largest = sets.map(\.count).max() ?? 0
        return (1...max(1, largest)).map { order in sets.filter { $0.count == order }.count }
    }

    @Test func cutSetsMatchBruteForce() throws {
        let list = try imported(maxOrder: 12)
        let listed = Set(list.cutSets.map { $0.events.sorted() })
        #expect(listed == Self.bruteForce)
        #expect(list.cutSets.count == Self.bruteForce.count)
        #expect(Self.distribution(list.cutSets.map(\.events)) == Self.distribution(Self.bruteForce))
        #expect(!list.beyondOrder)
        // The tree is not trivial: several orders, overlapping sets.
        #expect(Self.distribution(Self.bruteForce).filter { $0 > 0 }.count >= 3)
    }

    /// FV_i = P(some cut set containing i has failed) / Q (Rausand & Høyland, *System Reliability
    /// Theory*, 2nd ed., §6.5), both sums over all 2^16 states of the basic events, against the
    /// figures `nines cuts` computes from the diagram.
    @Test func fussellVeselyMatchesItsDefinitionByBruteForce() throws {
        let list = try imported(maxOrder: 12)
        let index = Dictionary(uniqueKeysWithValues: Self.events.enumerated().map { ($1, $0) })
        let masks = Self.bruteForce.map { set in set.reduce(0) { $0 | (1 << index[$1]!) } }
        let q = Self.events.indices.map { 0.001 * Double($0 + 1) }
        var top = 0.0
        var containing = [Double](repeating: 0, count: Self.events.count)
        for state in 0..<(1 << Self.events.count) {
            let failedEvents = masks.filter { $0 & state == $0 }.reduce(0, |)
            guard failedEvents != 0 else { continue }
            let probability = q.indices.reduce(1.0) { $0 * (state & (1 << $1) != 0 ? q[$1] : 1 - q[$1]) }
            top += probability
            for event in q.indices where failedEvents & (1 << event) != 0 { containing[event] += probability }
        }
        #expect(Closeness.relative(list.unavailability, top, within: 1e-9), "Q \(list.unavailability) vs \(top)")
        for fv in list.fussellVesely {
            let expected = containing[index[fv.component]!] / top
            #expect(Closeness.relative(fv.value, expected, within: 1e-9), "\(fv.component): \(fv.value) vs \(expected)")
        }
        #expect(list.fussellVesely.count == Set(Self.bruteForce.flatMap { $0 }).count)
    }

    /// An order limit keeps exactly the sets up to it, as SCRAM's `limit-order` does (its Baobab1L8
    /// test: the distribution cut after order 8).
    @Test(arguments: [2, 3, 4])
    func orderLimitKeepsTheLowerOrders(limit: Int) throws {
        let list = try imported(maxOrder: limit)
        let expected = Self.bruteForce.filter { $0.count <= limit }
        #expect(Set(list.cutSets.map { $0.events.sorted() }) == expected)
        // Sets beyond the order are always announced (a set left out at a node below may still be
        // superseded higher up, so the flag can be raised without one, never missed).
        if Self.bruteForce.contains(where: { $0.count > limit }) { #expect(list.beyondOrder) }
    }
}

import Testing
@testable import NinesKit

/// The rarely set fields of a component live out of line (ComponentPatterns): a plain component
/// holds no storage for them, copies share it, and equality and hashing still go by the fields.
@Suite struct ComponentPatternsTests {
    static let here = ModelLocation(file: "m.yaml", line: 3, column: 3)

    static func plain() -> Component {
        Component(name: "db", layer: "data", figures: .mtbf(1000, mttr: 1), location: here)
    }

    @Test func aComponentIsSmallWhateverPatternsItCouldHold() {
        // Every pattern field inline made a component several hundred bytes, copied whole wherever
        // components are iterated; out of line they cost one reference.
        #expect(MemoryLayout<Component>.size <= 200)
        #expect(MemoryLayout<ComponentPatterns>.size == MemoryLayout<Int>.size)
    }

    @Test func writingAbsentFieldsLeavesAPlainComponent() {
        var written = Self.plain()
        written.failover = nil
        written.softDependencies = []
        written.maintenance = nil
        #expect(written == Self.plain())
        #expect(written.hashValue == Self.plain().hashValue)
    }

    @Test func aFieldSetAndClearedGivesBackThePlainComponent() {
        var component = Self.plain()
        component.maskedFor = 0.5
        #expect(component != Self.plain())
        component.maskedFor = nil
        #expect(component == Self.plain())
        #expect(component.hashValue == Self.plain().hashValue)
    }

    @Test func aChangedCopyLeavesTheOriginal() {
        var original = Self.plain()
        original.hangs = 0.3
        original.hangsLocation = Self.here
        var copy = original
        copy.hangs = 0.5
        copy.softDependencies = []
        #expect(original.hangs == 0.3)
        #expect(copy.hangs == 0.5)
        #expect(copy.hangsLocation == Self.here)
        #expect(original != copy)
        copy.hangs = 0.3
        #expect(original == copy)
        #expect(original.hashValue == copy.hashValue)
    }

    @Test func everyFieldReadsBackWhatWasWritten() {
        var component = Self.plain()
        let failover = Failover(mode: .activePassive, detect: 0.1, switchover: 0.05, location: Self.here)
        component.failover = failover
        component.completionWindow = 2
        component.hangOf = "api"
        component.hangPart = "api#hang"
        component.failure = .exponential(mean: 1000)
        #expect(component.failover == failover)
        #expect(component.completionWindow == 2)
        #expect(component.hangOf == "api")
        #expect(component.hangPart == "api#hang")
        #expect(component.failure == .exponential(mean: 1000))
        #expect(component.repair == nil && component.placement == nil && component.latent == nil)
    }
}

import Foundation

/// Counts how often `CompiledStructure` compiles a model, for tests that hold a command to one
/// compilation: a test binds a counter for the work it runs (`CompilationCount.$current.withValue`),
/// so tests running beside it are not counted. Unbound, nothing is counted.
final class CompilationCount: @unchecked Sendable {
    @TaskLocal static var current: CompilationCount?

    private let lock = NSLock()
    private var count = 0

    init() {}

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}

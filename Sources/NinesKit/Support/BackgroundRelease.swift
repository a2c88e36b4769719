import Dispatch
import Foundation

/// Lets go of large values on a thread of its own, so the command's thread goes on while they are
/// freed, then hands the freed memory back to the system (`FreedMemory.returnToSystem`).
///
/// At 100,000 components the YAML tree and the loader's drafts are millions of small blocks:
/// freeing them and the trim after took about 0.13 s of the one busy core between loading and
/// compiling. One serial queue frees in the order given and trims after the last of them.
package enum BackgroundRelease {
    private static let queue = DispatchQueue(label: "nines.background-release", qos: .utility)

    /// Drops `value` on the release queue. The caller hands over its last reference (`consume`);
    /// any other reference left elsewhere only delays the free to whoever drops that one.
    package static func release<Value: Sendable>(_ value: consuming Value) {
        let handed = Handover(value)
        // Taken out of the box on the queue's thread: the value is freed there, even when the
        // caller's copy of the block is the last one to go.
        queue.async { withExtendedLifetime(handed.take()) {} }
    }

    /// Hands back what the values released so far freed, once they are freed.
    package static func returnFreedMemory() {
        queue.async { FreedMemory.returnToSystem() }
    }

    /// One value, put in by the caller and taken out once by the queue. `@unchecked` because the
    /// lock, not the type system, keeps the two threads apart: every access to `value` holds it.
    private final class Handover<Value: Sendable>: @unchecked Sendable {
        private var value: Value?
        private let lock = NSLock()

        init(_ value: consuming Value) { self.value = value }

        func take() -> Value? {
            lock.lock(); defer { lock.unlock() }
            return value.take()
        }
    }
}

import Foundation

/// Runs deeply recursive work on a thread with a large stack and waits for it.
///
/// BDD operations recurse once per diagram level, and a chain of 10,000 components is 10,000
/// levels: enough to overflow a library caller's small thread (test workers, sanitizer builds).
/// Compilation therefore always runs here. The executable runs each whole command here too, with
/// a larger stack (loading and validating deep models recurse as well).
package enum DeepStack {
    package static let stackSize = 256 << 20

    package static func run<T>(stackSize: Int = stackSize, _ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            let box = DeepStackBox(escapable)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.value = box.body?()
                box.body = nil   // release the closure before the caller's non-escaping scope ends
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
            done.wait()
            return box.value!
        }
    }
}

/// Carries the work and its result across the thread hop; the semaphore orders the accesses.
private final class DeepStackBox<T>: @unchecked Sendable {
    var body: (() -> T)?
    var value: T?
    init(_ body: @escaping () -> T) { self.body = body }
}

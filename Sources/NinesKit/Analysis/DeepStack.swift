import Foundation

/// Runs deeply recursive work on a thread with a large stack and waits for it.
///
/// BDD operations recurse once per diagram level, and a chain of 10,000 components is 10,000
/// levels: enough to overflow a library caller's small thread (test workers, sanitizer builds).
/// Compilation therefore always runs here. The executable runs each whole command here too, with
/// a larger stack (loading and validating deep models recurse as well).
package enum DeepStack {
    package static let stackSize = 256 << 20

    /// Runs `body` on a thread with `stackSize` bytes of stack: the calling thread when it has that
    /// much left (the executable's command thread), else a new one.
    ///
    /// Running on the caller's thread also keeps the work in the caller's malloc arena: glibc gives
    /// a new thread an arena of its own, and what a compilation freed there (unique tables, garbage
    /// nodes) stayed resident while the evaluation after it took fresh pages in the caller's arena:
    /// 21 MiB of the 100k platform report's peak.
    package static func run<T>(stackSize: Int = stackSize, _ body: () -> T) -> T {
        if stackLeft() >= stackSize { return body() }
        return withoutActuallyEscaping(body) { escapable in
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

extension DeepStack {
    /// Bytes of stack the calling thread has left below this frame (0 when unknown).
    static func stackLeft() -> Int {
        #if canImport(Glibc)
        // `pthread_getattr_np` (a GNU extension the Glibc module does not import), found by name.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "pthread_getattr_np") else { return 0 }
        var attributes = pthread_attr_t()
        guard unsafeBitCast(symbol, to: GetAttributes.self)(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var lowest: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &lowest, &size) == 0, let lowest else { return 0 }
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UnsafeMutableRawPointer($0) - lowest }   // the stack grows down
        #else
        return 0
        #endif
    }
}

/// Carries the work and its result across the thread hop; the semaphore orders the accesses.
private final class DeepStackBox<T>: @unchecked Sendable {
    var body: (() -> T)?
    var value: T?
    init(_ body: @escaping () -> T) { self.body = body }
}

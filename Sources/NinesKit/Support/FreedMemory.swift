import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system, after a phase that freed much of it.
///
/// glibc keeps freed small blocks for reuse, but the phase after loading allocates mostly large
/// arrays, which come from fresh pages: at 100,000 components the YAML tree (about 170 MB of
/// small blocks, freed once the model is read) stayed resident under the compiled diagram and
/// the evaluation's per-node arrays, and set the process's peak memory.
package enum FreedMemory {
    /// Frees `value` on another thread, then hands the memory back there: the YAML tree of a
    /// 100,000-component file is about a million small blocks, a tenth of a second to free, which
    /// the caller need not wait for. Pass the last reference (`consume`), or the caller frees it.
    package static func release<Value: Sendable>(inBackground value: consuming Value) {
        let held = Held(value)
        DispatchQueue.global(qos: .utility).async {
            held.drop()
            returnToSystem()
        }
    }

    /// The value on its way to the background thread, so that the last reference is dropped
    /// there and not by whichever thread lets go of the closure last. `@unchecked`: the value is
    /// touched by one thread at a time, the caller before `async` and the block after it
    /// (dispatch orders the two), and the lock makes that plain to anyone reading it.
    private final class Held<Value>: @unchecked Sendable {
        private var value: Value?
        private let lock = NSLock()

        init(_ value: consuming Value) { self.value = value }

        func drop() {
            lock.lock(); defer { lock.unlock() }
            value = nil
        }
    }

    package static func returnToSystem() {
        #if canImport(Glibc)
        // `malloc_trim` (glibc's malloc.h, which the Glibc module does not import), found by name.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}

import Dispatch
import Foundation

/// Splits `0..<count` into consecutive chunks, works on them on the processor's cores, and hands
/// the results back in chunk order: the caller merges them as if one loop had run from the start,
/// so what it reports keeps the order of the input.
package enum OrderedChunks {
    /// Four chunks per core: work that runs while other threads want the cores too (the process's
    /// own, freeing memory or sampling, or another process's) is not held up by one chunk whose
    /// thread waits for a core; the threads that have one take the chunks left.
    package static var sharedCoreChunks: Int { 4 * ProcessInfo.processInfo.activeProcessorCount }

    /// `work` on each chunk of `0..<count`, at most `chunks` chunks and at least `minimumChunk`
    /// indices each (one chunk, run on this thread, when the input is small or there is one core).
    package static func map<Result: Sendable>(count: Int, chunks: Int = ProcessInfo.processInfo.activeProcessorCount,
                                              minimumChunk: Int, _ work: @Sendable (Range<Int>) -> Result) -> [Result] {
        let chunkCount = max(1, min(chunks, count / max(1, minimumChunk)))
        guard chunkCount > 1 else { return [work(0..<count)] }
        let ranges = (0..<chunkCount).map { chunk in (chunk * count / chunkCount)..<((chunk + 1) * count / chunkCount) }
        let slots = Slots<Result>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in slots.store(chunk, work(ranges[chunk])) }
        return slots.results()
    }

    /// `first` on this thread and, `onTwoCores`, `second` on another core at once: two independent
    /// pieces of work that each run as one loop. Both results once both have finished.
    package static func alongside<First, Second: Sendable>(onTwoCores: Bool, _ first: () -> First,
                                                            _ second: @escaping @Sendable () -> Second) -> (First, Second) {
        guard onTwoCores && ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        let slot = Slots<Second>(count: 1)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { slot.store(0, second()) }
        let result = first()
        done.wait()
        return (result, slot.results()[0])
    }

    /// One slot per chunk, each written once by the worker that ran it and read after every worker
    /// has finished (`concurrentPerform` returns then, `alongside` waits for its group). `@unchecked` because the lock, not the type
    /// system, keeps the writers apart: every access to `slots` holds it.
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private var slots: [Result?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ index: Int, _ result: Result) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = result
        }

        func results() -> [Result] {
            lock.lock(); defer { lock.unlock() }
            return slots.map { slot in
                guard let slot else { preconditionFailure("a chunk was not worked on") }
                return slot
            }
        }
    }
}

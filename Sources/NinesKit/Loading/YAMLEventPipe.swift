import Foundation

/// Where the tree builder's events come from: libyaml on the builder's own thread, or, for a large
/// file, on a thread of its own a few batches ahead of the builder (`YAMLEventPipe`), so that
/// libyaml's half of the parse and the tree's half run on two cores.
final class YAMLEventSource {
    private let direct: YAMLEventProducer?
    private let pipe: YAMLEventPipe?

    /// Files from this size (bytes) are parsed on a thread of their own: below it, starting one
    /// costs more than it saves.
    static let pipedFrom = 1 << 20

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, piped: Bool) {
        direct = piped ? nil : YAMLEventProducer(bytes, file: file)
        pipe = piped ? YAMLEventPipe(bytes, file: file) : nil
    }

    func next() -> YAMLEventBatch {
        direct?.next(limit: YAMLEventPipe.batchSize) ?? pipe!.next()
    }

    /// Stops the parsing thread, if any, and waits for it: the bytes must outlive it.
    func close() { pipe?.close() }
}

/// libyaml on its own thread, at most `depth` batches ahead of the builder that takes them.
///
/// `@unchecked Sendable`: the batches and flags are shared by the two threads, and every access
/// holds `condition`'s lock. The bytes are only read, and `close()` (which the owner of the bytes
/// calls before they go) returns once the thread has let go of them.
final class YAMLEventPipe: @unchecked Sendable {
    static let batchSize = 4_096
    static let depth = 4

    private let condition = NSCondition()
    private var ready: [YAMLEventBatch] = []
    private var closed = false
    private var running = true

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        let input = BorrowedBytes(bytes: bytes)
        // A thread of its own, not a dispatch queue: a busy pool would leave the builder waiting.
        Thread { [self] in
            produce(YAMLEventProducer(input.bytes, file: file))
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Parses until the stream's last batch is queued, or the builder closes the pipe.
    private func produce(_ producer: YAMLEventProducer) {
        while true {
            let batch = producer.next(limit: Self.batchSize)
            condition.lock()
            while ready.count >= Self.depth && !closed { condition.wait() }
            let stop = closed || batch.isLast
            if !closed { ready.append(batch) }
            condition.broadcast()
            condition.unlock()
            if stop { return }
        }
    }

    /// The next batch, waiting for it if need be; an empty last batch once the stream has ended.
    func next() -> YAMLEventBatch {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && running { condition.wait() }
        guard !ready.isEmpty else { return YAMLEventBatch(isLast: true) }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        ready = []
        condition.unlock()
    }

    /// The file's bytes, read by the parsing thread while `close()` has not returned.
    private struct BorrowedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }
}

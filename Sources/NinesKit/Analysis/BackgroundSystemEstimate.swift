import Foundation

/// The whole system's Monte Carlo estimate (see `SystemSampling`), drawn on another thread while
/// the diagram compiles. On large models the exact system figure is usually over budget, so the
/// estimate is needed, and drawing it beside compilation takes it off the wall time (at 100,000
/// components it is about 0.5 s of sampling). The counts are the ones an inline draw gives: the
/// samples and the seed do not depend on timing. When the exact figure fits after all, the draw
/// is cancelled and its result never read.
final class BackgroundSystemEstimate: @unchecked Sendable {
    /// Guards `cancelled` and `outcome`; `finished` is signalled once `outcome` is final.
    private let lock = NSLock()
    private var cancelled = false
    private var outcome: (up: Int, samples: Int)?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `draw` (given a "should I stop?" question to ask between batches) on another thread.
    init(_ draw: @escaping @Sendable (_ stop: () -> Bool) -> (up: Int, samples: Int)) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let counts = draw { self.isCancelled }
            lock.withLock { outcome = cancelled ? nil : counts }
            finished.signal()
        }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// Stops the draw at its next batch; `counts()` then returns nil.
    func cancel() { lock.withLock { cancelled = true } }

    /// Waits for the draw to end; nil if it was cancelled.
    func counts() -> (up: Int, samples: Int)? {
        finished.wait()
        finished.signal()   // later callers must not block
        return lock.withLock { outcome }
    }
}

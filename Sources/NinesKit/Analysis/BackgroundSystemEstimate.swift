import Foundation

/// The whole system's Monte Carlo estimate (see `SystemSampling`), drawn on another thread while
/// the diagram compiles. On large models the exact system figure is usually over budget, so the
/// estimate is needed, and drawing it beside compilation takes it off the wall time (at 100,000
/// components it is about 0.4 s of sampling). The counts are the ones an inline draw gives: the
/// samples and the seed do not depend on timing. When the exact figure fits after all the draw is
/// cancelled, and when the last holder lets go of this object it stops too: nobody can read it.
final class BackgroundSystemEstimate: Sendable {
    /// What the worker and the holders share; the worker keeps it alive, not the holders' object,
    /// so that letting go of the estimate can stop the draw.
    private final class Draw: @unchecked Sendable {
        /// Guards `cancelled` and `outcome`; `finished` is signalled once `outcome` is final.
        let lock = NSLock()
        var cancelled = false
        var outcome: (up: Int, samples: Int)?
        let finished = DispatchSemaphore(value: 0)

        var isCancelled: Bool { lock.withLock { cancelled } }
        func cancel() { lock.withLock { cancelled = true } }
    }

    private let draw = Draw()

    /// Starts `sample` (given a "should I stop?" question to ask between batches) on another thread.
    init(_ sample: @escaping @Sendable (_ stop: () -> Bool) -> (up: Int, samples: Int)) {
        let draw = self.draw
        DispatchQueue.global(qos: .userInitiated).async {
            let counts = sample { draw.isCancelled }
            draw.lock.withLock { draw.outcome = draw.cancelled ? nil : counts }
            draw.finished.signal()
        }
    }

    deinit { draw.cancel() }

    /// Stops the draw at its next batch; `counts()` then returns nil.
    func cancel() { draw.cancel() }

    /// Whether `cancel()` was called (`counts()` will be nil).
    var isCancelled: Bool { draw.isCancelled }

    /// Waits for the draw to end; nil if it was cancelled.
    func counts() -> (up: Int, samples: Int)? {
        draw.finished.wait()
        draw.finished.signal()   // later callers must not block
        return draw.lock.withLock { draw.outcome }
    }
}

import Foundation

/// Removes a temporary file when nines is interrupted (SIGINT, SIGTERM, SIGHUP) while writing it,
/// then ends as the signal would have. SIGXFSZ (over `ulimit -f`) is caught and does nothing: the
/// write then fails with EFBIG and is reported in words, and the temporary file is removed as for
/// any failed write. One write at a time: nines writes one output file per run.
final class InterruptCleanup {
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGXFSZ]

    /// The path to remove, as a C string the handler can use (only async-signal-safe calls there).
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    private var previous: [Int32: sigaction] = [:]

    init(removing path: String) {
        Self.pending = strdup(path)
        for signal in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if received == SIGXFSZ { return }
                if let path = InterruptCleanup.pending { unlink(path) }
                Foundation.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
    }

    /// The write is over (renamed or removed): the signals act as before.
    func end() {
        for (signal, var old) in previous { sigaction(signal, &old, nil) }
        previous = [:]
        free(Self.pending)
        Self.pending = nil
    }
}

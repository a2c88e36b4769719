/// A caller's retries of the calls to its dependencies (`retry: {attempts: 3, backoff: 200ms,
/// timeout: 1s}` on the caller): a call that fails is tried again, so the caller rides through a
/// dependency outage shorter than the retry window (docs/patterns.md, "Retries").
public struct RetryPolicy: Hashable, Sendable {
    /// Tries in all, the first one included; at least 1.
    public var attempts: Int
    /// Wait between two tries, hours.
    public var backoff: Double
    /// How long one try waits for an answer, hours.
    public var timeout: Double
    /// Where `retry:` is written.
    public var location: ModelLocation

    public init(attempts: Int, backoff: Double, timeout: Double, location: ModelLocation) {
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self.location = location
    }

    /// How long the caller keeps trying: every try's timeout plus the waits between them,
    /// W = attempts·timeout + (attempts − 1)·backoff.
    public var window: Double { Double(attempts) * timeout + Double(attempts - 1) * backoff }
}

/// Wall-clock time spent in each phase of a command (read, parse, compile, …), for `--timings`.
///
/// The library only records; the executable decides whether and where to print.
public final class PhaseTimings {
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    /// Called as each phase ends, so a slow later phase still shows the earlier ones.
    private let onMark: ((String, Double) -> Void)?

    public init(onMark: ((String, Double) -> Void)? = nil) {
        self.onMark = onMark
        last = clock.now
    }

    /// Closes the phase that ran since the previous mark (or since creation) under `name`.
    public func mark(_ name: String) {
        let now = clock.now
        let elapsed = last.duration(to: now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        phases.append((name, seconds))
        last = now
        onMark?(name, seconds)
    }
}

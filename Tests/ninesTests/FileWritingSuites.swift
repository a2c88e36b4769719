import Testing

/// Suites whose tests write files through `AtomicFile`, which installs process-wide signal handlers
/// while it writes: nested here so they run one at a time, as writes do in the CLI. A write in one
/// suite beside the signal test of another would change the handlers that test reads.
@Suite(.serialized) enum FileWritingSuites {}

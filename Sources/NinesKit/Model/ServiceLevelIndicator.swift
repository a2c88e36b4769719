/// How monitoring measures an objective (`sli:` on an objective): PromQL that `nines export`
/// turns into recording and alerting rules, and that `nines observe` runs.
package enum ServiceLevelIndicator: Hashable, Sendable {
    /// `sli: {good: …, total: …}`: event counts; the SLI is good / total over a window. Both
    /// queries are range-vector selectors' bases: export appends `[window]` inside `rate()` by
    /// writing them as `sum(rate(QUERY[window]))`, so each is a counter selector.
    case ratio(good: String, total: String)
    /// `sli: {up: …}`: a 0/1 series (e.g. a probe's `probe_success`); the SLI is its mean over a window.
    case up(String)
}

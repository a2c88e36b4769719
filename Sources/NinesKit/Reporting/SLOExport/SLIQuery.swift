/// The error ratio of an objective's `sli:` over a window, in PromQL: what the recording rules
/// record and the burn-rate alerts compare.
enum SLIQuery {
    /// `window` is a Prometheus duration ("5m", "1h"). Good/total counters give 1 − good/total of
    /// their rates; an up series gives 1 − its mean.
    static func errorRatio(_ sli: ServiceLevelIndicator, window: String) -> String {
        switch sli {
        case .ratio(let good, let total):
            "1 - (sum(rate(\(good)[\(window)])) / sum(rate(\(total)[\(window)])))"
        case .up(let up):
            "1 - avg(avg_over_time(\(up)[\(window)]))"
        }
    }
}

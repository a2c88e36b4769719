/// The PromQL `nines observe` sends for an objective's `sli:` over a window (docs/observe.md):
///
/// - `{good, total}`: `sum(increase(GOOD[Ws]))` and `sum(increase(TOTAL[Ws]))`, two instant
///   queries; GOOD and TOTAL are counter selectors, so the range `[Ws]` applies to them directly.
/// - `{up}`: `avg_over_time((UP)[Ws:1m])`, a subquery sampling the expression each minute, so UP
///   may be any expression that is 1 while up and 0 while down.
///
/// W is the window in whole seconds; each query is evaluated at the window's end (`time=`).
package enum SLIQueries {
    /// Resolution of the `up` subquery: one sample a minute, Prometheus's usual scrape interval.
    public static let upStep = "1m"

    public static func queries(_ indicator: ServiceLevelIndicator, windowSeconds: Int) -> [String] {
        switch indicator {
        case .ratio(let good, let total):
            [counted(good, windowSeconds), counted(total, windowSeconds)]
        case .up(let up):
            ["avg_over_time((\(up))[\(windowSeconds)s:\(upStep)])"]
        }
    }

    private static func counted(_ selector: String, _ windowSeconds: Int) -> String {
        "sum(increase(\(selector)[\(windowSeconds)s]))"
    }
}

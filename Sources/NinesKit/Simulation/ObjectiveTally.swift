/// Running totals for one objective over the periods a chunk (or a whole run) accounted.
/// Merging adds fields, so merging chunks in chunk order gives the same bits on any thread count.
struct ObjectiveTally: Sendable {
    var periods = 0
    var downtimeSum = 0.0
    var downtimeSquares = 0.0
    var downtimeMax = 0.0
    /// Periods whose downtime was within the error budget.
    var met = 0
    /// Consecutive blocks of a year's periods, and those in which every period was met.
    var years = 0
    var yearsMet = 0
    var outages = 0
    /// Σ over periods of (outages ending in the period)²: with `outages` the spread of the count per
    /// period, which gives the outage frequency its interval as `downtimeSquares` gives availability its.
    var outageSquares = 0.0
    var outageHours = 0.0
    var longestOutage = 0.0
    /// Periods accounted before the first breach, summed over chunks, and chunks that saw a breach:
    /// their ratio estimates the time to the first breach from a steady start.
    var periodsToFirstBreach = 0
    var firstBreaches = 0
    var histogram = DowntimeHistogram()
    var buckets = DowntimeBuckets()

    mutating func merge(_ other: ObjectiveTally) {
        periods += other.periods
        downtimeSum += other.downtimeSum
        downtimeSquares += other.downtimeSquares
        downtimeMax = max(downtimeMax, other.downtimeMax)
        met += other.met
        years += other.years
        yearsMet += other.yearsMet
        outages += other.outages
        outageSquares += other.outageSquares
        outageHours += other.outageHours
        longestOutage = max(longestOutage, other.longestOutage)
        periodsToFirstBreach += other.periodsToFirstBreach
        firstBreaches += other.firstBreaches
        histogram.merge(other.histogram)
        buckets.merge(other.buckets)
    }
}

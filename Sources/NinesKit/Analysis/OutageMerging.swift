/// One component's outages as a time line: incidents clipped to the observation window, and
/// overlapping or touching ones merged, so two tickets for one outage count once and its
/// downtime is not added twice.
package enum OutageMerging {
    /// The merged outages of `incidents` (one component's) inside [since, until], by start time.
    public static func merged(_ incidents: [Incident], since: Double, until: Double) -> [Incident] {
        let clipped = incidents.compactMap { incident -> Incident? in
            guard incident.end >= since, incident.start <= until else { return nil }
            var inside = incident
            inside.start = max(incident.start, since)
            inside.end = min(incident.end, until)
            return inside
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [Incident] = []
        for incident in clipped {
            if let last = merged.last, incident.start <= last.end {
                merged[merged.count - 1].end = max(last.end, incident.end)
            } else {
                merged.append(incident)
            }
        }
        return merged
    }
}

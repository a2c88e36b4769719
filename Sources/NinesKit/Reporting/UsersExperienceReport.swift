/// An objective's figure as users experience it: customer-responsible and out-of-scope components
/// counted like any other. Shown beside the promise figure the verdict judges (`ObjectiveVerdict`),
/// never judged itself. Hours per the objective's period.
package struct UsersExperienceReport: Hashable, Sendable, Codable {
    public var availability: Double
    public var unavailability: Double
    public var nines: Double?
    public var downtimeHours: Double
    /// Outages per year and the mean length of one, in this view: absent when a component it
    /// counts has no repair time. Compare with `nines simulate`'s `objectives[]` (the same view).
    public var outagesPerYear: Double?
    public var meanDownTimeHours: Double?
    /// Always `all-components` (`CountingView`): which simulated figures to compare this one with.
    public var view: String = CountingView.allComponents.rawValue
    /// The components the promise leaves out, with the downtime each adds per period.
    public var excluded: [ExcludedReport]
}

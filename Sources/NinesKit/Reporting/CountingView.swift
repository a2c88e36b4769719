/// Which components a figure counts, named the same in every JSON output (`view`), so that a
/// report's figure is compared with the simulated figure of the same view and never across views.
package enum CountingView: String, Sendable {
    /// The promise: customer-responsible and out-of-scope components treated as never failing, the
    /// figure a verdict judges (`figures[]` of an objective, `sla[]`; `nines simulate`'s `sla[]`).
    case promise
    /// Every component counted, as users experience it (`figures[].asUsersExperienceIt`, the whole
    /// system's figure; `nines simulate`'s `objectives[]`).
    case allComponents = "all-components"
}

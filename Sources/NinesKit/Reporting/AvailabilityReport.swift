/// Everything `nines report` shows, as plain data: renderers format it and never compute.
///
/// Times are hours; frequencies are per year of the model's calendar. The JSON renderer encodes
/// this type directly (sorted keys), so field names here are the documented JSON format.
public struct AvailabilityReport: Hashable, Sendable, Codable {
    public var system: String
    public var description: String?
    public var sources: [String]
    public var period: String
    public var periodHours: Double
    public var calendar: String
    /// The `--set` overrides applied to the model files, as given; absent when none were.
    public var overrides: [String]? = nil
    /// Objectives first (model order), then the whole system. An objective's figure is its promise
    /// view (as `sla`); the whole system counts every component.
    public var figures: [FigureReport]
    public var components: [ComponentReport]
    /// Simulated figures (`nines report --simulate`); absent otherwise.
    public var simulation: SimulationReport? = nil
    /// Top failure modes of the model's FMEA worksheet, when it has one.
    package var risks: RiskReport? = nil
    /// SLA/SLO prediction per objective (customer-responsible and out-of-scope components excluded).
    public var sla: [SLAReport]? = nil
    /// The resiliency policies (`policies:`) with the scenarios they judge, as `nines check` judges
    /// them; part of the SLA prediction. Absent when the model has none (or no objective).
    package var policies: [PolicyReport]? = nil
    /// The stack diagram and charts, measured out for the HTML report; absent otherwise.
    package var picture: ReportPicture? = nil
    /// Mission reliability (no repair): objectives with a mission (their own `mission:` or
    /// `--mission`), then the system with `--mission`; absent when no mission is asked for.
    package var missionReliability: [MissionFigure]? = nil
    /// Each objective's availability as a distribution over the uncertain inputs; absent when the
    /// model states none (docs/uncertainty.md).
    package var uncertainty: UncertaintyReport? = nil
    /// Parts with latent failures (`latent:`), their drills and the suggested interval; absent when none.
    package var drills: [DrillReport]? = nil
    /// Repair crews (`repair_crews:`) with their queues; absent when none repairs anything.
    package var crews: [CrewReport]? = nil
    /// What each resilience pattern in use buys, per objective (`PatternSavings`); absent when the
    /// model uses none.
    package var patternSavings: [PatternSavingsReport]? = nil
}

/// One objective's patterns, each with the downtime per period the same model has without it
/// minus its own (negative: the pattern costs downtime, as a detection time does).
package struct PatternSavingsReport: Hashable, Sendable, Codable {
    package struct Saving: Hashable, Sendable, Codable {
        public var pattern: String
        public var savedHours: Double
        public var savedUnavailability: Double
    }
    public var objective: String
    public var period: String
    public var savings: [Saving]
}

public struct FigureReport: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case objective, system }
    public var name: String
    public var kind: Kind
    /// "availability" or "reliability" for objectives; "availability" for the system.
    public var measure: String
    /// The components whose closures must be up.
    public var components: [String]
    public var availability: Double
    public var unavailability: Double
    public var nines: Double?
    public var target: Double?
    public var targetUnavailability: Double?
    /// For an objective: its one verdict, `verdict.met` (see `verdict`). Nil for the system and
    /// for an objective that promises nothing.
    public var meetsTarget: Bool?
    /// The accounting period of this figure: the objective's own `period`, else the model's.
    public var period: String
    public var periodHours: Double
    /// Expected downtime per `period` (hours).
    public var downtimeHours: Double
    /// Downtime allowed by the target per `period` (hours).
    public var errorBudgetHours: Double?
    /// Expected downtime over every standard period.
    public var downtime: [DowntimeTable.Entry]
    public var outagesPerYear: Double?
    public var mtbfHours: Double?
    public var meanDownTimeHours: Double?
    public var componentsWithoutRates: [String]
    /// Components ranked by downtime contributed (most first); on large models only the largest
    /// (`ReportBuilder.contributorLimit`), the rest in `contributorsNotListed`.
    public var contributors: [ContributorReport]
    /// The contributors left out of `contributors`, counted and summed; nil when every one is listed.
    package var contributorsNotListed: ContributorsNotListed? = nil
    public var diagramNodes: Int
    /// How the figure was obtained: "exact", "bounded" (a certified interval, `interval`) or
    /// "estimated" (Monte Carlo, `estimate`). `availability` holds the best value: exact, the
    /// unbiased estimate inside the interval, or the estimate.
    public var method: String = FigureMethod.exact.rawValue
    /// A certified interval on the availability; present whenever the figure came from
    /// conditioning (for an exact one it is narrower than 1e-12 of the unavailability).
    public var interval: BoundsReport? = nil
    /// With "estimated": the seeded Monte Carlo estimate and its 95% interval.
    public var estimate: SampledEstimate? = nil
    /// With conditioning: shared components conditioned on, most down at once, states enumerated.
    public var conditioning: ConditioningSummary? = nil
    /// `promise` for an objective, `all-components` for the whole system (`CountingView`): which
    /// simulated figures this one compares with.
    public var view: String = CountingView.promise.rawValue
    /// With `report --explain`: the route the evaluation took to this figure and why.
    package var plan: FigurePlan? = nil
    /// The objective's one verdict, judged on this figure (the promise view: customer-responsible
    /// and out-of-scope components perfect) with its `rto` and `rpo`; the same value as its
    /// `sla[]` entry's `verdict`.
    public var verdict: ObjectiveVerdict? = nil
    /// The objective with the components the promise leaves out counted; present when one of them
    /// is on the objective.
    package var asUsersExperienceIt: UsersExperienceReport? = nil
    /// The most probable minimal cut sets of this figure (objectives in their promise view), up
    /// to order 2; see docs/cut-sets.md and `nines cuts` for the whole list.
    package var cutSets: CutSetList? = nil
}

public struct ContributorReport: Hashable, Sendable, Codable {
    public var component: String
    public var layer: String
    /// How much the figure's downtime per its period would fall if this component never failed (hours).
    public var downtimeHours: Double
    /// Criticality importance q_i·I_B/Q: the share of the figure's unavailability that goes if
    /// the component never failed.
    public var criticalityImportance: Double
    /// Deprecated (removed in the next release): the same value as `criticalityImportance`, once
    /// documented as Fussell–Vesely, which it is not when cut sets overlap.
    public var share: Double
    public var birnbaum: Double
    public var riskAchievementWorth: Double?
    public var riskReductionWorth: Double?
    /// For a part the loader made (`component` is then its internal name, `payment#hang`): the
    /// user's component and what the part means, shown as "payment hung" (`HiddenPart`).
    public var partOf: String? = nil
    public var part: String? = nil

    /// The name lists show: "payment hung" for a hidden part, else the component.
    public var shownName: String { partOf.map { "\($0) \(part ?? "")" } ?? component }
}

public struct ComponentReport: Hashable, Sendable, Codable {
    public var name: String
    public var layer: String
    public var responsibility: String
    public var replicas: Int
    public var needs: Int
    /// Availability of the component's own replicas.
    public var ownAvailability: Double
    public var ownUnavailability: Double
    /// Availability with everything the component depends on.
    public var availability: Double
    public var unavailability: Double
    public var outagesPerYear: Double?
    public var dependsOn: [String]
    /// How `availability` was obtained (see `FigureReport.method`).
    public var method: String
}

/// A certified interval (`UnavailabilityInterval`): the true figure lies between the two ends.
/// The `min…`/`max…` keys say which end is which; the `lower…`/`upper…` keys are the same ends
/// named by their availability (`lowerUnavailability` is the *larger* unavailability), deprecated
/// and kept one release.
public struct BoundsReport: Hashable, Sendable, Codable {
    /// The smaller unavailability, and its availability (the larger one).
    public var minUnavailability: Double
    public var maxAvailability: Double
    /// The larger unavailability (what a target is judged by), and its availability.
    public var maxUnavailability: Double
    public var minAvailability: Double
    /// Deprecated: `minAvailability`, `maxUnavailability`, `maxAvailability`, `minUnavailability`.
    public var lowerAvailability: Double
    public var lowerUnavailability: Double
    public var upperAvailability: Double
    public var upperUnavailability: Double

    public init(_ interval: UnavailabilityInterval) {
        (minUnavailability, maxAvailability) = (interval.lower.down, interval.lower.up)
        (maxUnavailability, minAvailability) = (interval.upper.down, interval.upper.up)
        (lowerAvailability, lowerUnavailability) = (interval.upper.up, interval.upper.down)
        (upperAvailability, upperUnavailability) = (interval.lower.up, interval.lower.down)
    }
}

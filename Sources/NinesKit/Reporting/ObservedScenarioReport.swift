/// Experiments held against the prediction (`nines scenario --observed`), as plain data. Hours;
/// nil where nothing was predicted, observed or required.
package struct ObservedScenarioReport: Hashable, Sendable, Codable {
    public var system: String
    public var scenarios: [Entry]
    /// No objective did worse than predicted and no policy was broken.
    public var holds: Bool

    /// One observed scenario.
    package struct Entry: Hashable, Sendable, Codable {
        public var name: String
        /// `component`, `zone`, `region` or `provider`.
        public var disruptionClass: String
        /// The policy of the scenario's class.
        public var policyRTOHours: Double?
        public var policyRPOHours: Double?
        public var sources: [Source]
        /// When the fault was first injected and last removed (ISO 8601 as the tool wrote it).
        public var faultStart: String?
        public var faultEnd: String?
        public var objectives: [Objective]
    }

    /// One observation of the scenario.
    package struct Source: Hashable, Sendable, Codable {
        /// "observation", "Litmus ChaosResult shop/zone-a-lost-web".
        public var source: String
        public var file: String
        public var line: Int
        /// Why it says nothing of the objectives; nil when it counts.
        public var inconclusive: String?
        /// Litmus `probeSuccessPercentage`, as written.
        public var probeSuccess: String?
    }

    /// One objective: predicted and observed side by side, and the verdict.
    package struct Objective: Hashable, Sendable, Codable {
        public var objective: String
        public var predictedSurvives: Bool
        /// Nil when a lost component's recovery is unknown.
        public var predictedRecoveryHours: Double?
        /// `unaffected`, `redundancy`, `failover` or `recovery`.
        public var predictedRecoveryBasis: String
        /// Nil when nothing lost keeps data; see `predictedUnprotected`.
        public var predictedDataAtRiskHours: Double?
        /// Data kept with neither replication nor backups is lost: everything is at risk.
        public var predictedUnprotected: Bool
        public var observedStayedUp: Bool?
        public var observedRecoveryHours: Double?
        public var observedDataLostHours: Double?
        /// `as-predicted`, `worse-than-predicted`, `better-than-predicted`, `not-observed`.
        public var verdict: String
        /// What was worse or better: `survival`, `recovery`, `data`.
        public var worse: [String]
        public var better: [String]
        /// The observation against the policy of the scenario's class; nil when there is no limit or nothing observed.
        public var rtoHolds: Bool?
        public var rpoHolds: Bool?
    }
}

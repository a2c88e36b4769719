import Foundation

/// Mission reliability: the probability that an objective (or the whole system) stays up for a
/// whole mission of t hours with **no repair**, R(t), and its mean time to first failure
/// MTTF = ∫₀^∞ R(t) dt. Not the talk's "reliability" (a `measure: reliability` objective, the
/// steady-state availability of a path with repair): see docs/mission-reliability.md.
///
/// Each component's own mission reliability (`MissionComponentReliability`) becomes its variable,
/// and the compiled structure is evaluated as for availability (same diagrams, conditioning or
/// sampling, with the same methods). Failover, masking and repair do not enter: without repair a
/// failed instance stays down, and a hot standby listed as a replica is counted by its replicas.
package struct MissionReliability: Sendable {
    /// Each objective with a mission (model order): its own `mission:` when given, else the
    /// mission asked for.
    public let objectives: [MissionFigure]
    /// The whole system over the mission asked for; nil without one.
    public let system: MissionFigure?

    /// Objectives then the system, as the report lists them.
    public var figures: [MissionFigure] { objectives + (system.map { [$0] } ?? []) }
    /// R(t) at `curvePoints` + 1 evenly spaced times per figure (figure order), when asked for
    /// and the structure is small enough to evaluate that often.
    public let curves: [MissionCurve]

    /// Most BDD node visits the MTTF integration may spend on one figure (about 1,300 evaluations
    /// of its structure); past it the MTTF is left out.
    static let integrationWork = 200_000_000

    public init(_ analysis: AvailabilityAnalysis, missionHours: Double?, curvePoints: Int = 0) {
        let structure = analysis.structure
        let components = analysis.model.components
        let units = components.map(MissionComponentReliability.init)
        let targets = analysis.model.objectives.map { $0.components.compactMap { structure.indexOf[$0] } }
        let withoutRates = components.indices.filter { units[$0].unit == nil && analysis.own[$0].probability.down > 0 }
        let nodes = Double(structure.bdd.nodeCount + structure.droppedNodes)   // as counted before compaction
        let curveWork = nodes * Double(curvePoints)
        var curves: [MissionCurve] = []
        func figure(_ name: String, form: StructureForm, targets: [Int], hours: Double) -> MissionFigure {
            let evaluate = { (t: Double) -> FlowFigures in
                let effective = units.map { EffectiveAvailability(own: OwnAvailability(probability: $0.reliability(at: t), frequency: nil)) }
                return CompiledFigures(structure, effective: effective).figure(named: name, form: form, targets: targets, view: .path)
            }
            if curvePoints > 0 && curveWork <= Double(Self.integrationWork) {
                let points = (0...curvePoints).map { step -> MissionCurve.Point in
                    let t = hours * Double(step) / Double(curvePoints)
                    return MissionCurve.Point(hours: t, reliability: evaluate(t).probability)
                }
                curves.append(MissionCurve(name: name, missionHours: hours, points: points))
            }
            let flow = evaluate(hours)
            let closure = Self.closure(of: targets, structure)
            let inClosure = Set(closure)
            let missing = withoutRates.filter(inClosure.contains).map { structure.names[$0] }
            // Summed in component order, not the set's: a set's order changes from run to run
            // (per-process hashing), and with it the sum's last digit and the MTTF's.
            let seriesRate = closure.reduce(0.0) { $0 + (units[$1].unit.map { 1 / $0.mean } ?? 0) }
            let work = nodes * Double(MTTFIntegral.evaluations)
            let mttf = seriesRate > 0 && work <= Double(Self.integrationWork)
                ? MTTFIntegral.integrate(scale: 1 / seriesRate) { evaluate($0).probability.up } : nil
            return MissionFigure(name: name, missionHours: hours, reliability: flow.probability, method: flow.method,
                                 mttfHours: mttf, componentsWithoutFailureRates: missing)
        }
        objectives = analysis.model.objectives.indices.compactMap { index in
            let objective = analysis.model.objectives[index]
            guard let hours = objective.mission ?? missionHours else { return nil }
            return figure(objective.name, form: structure.objectives[index], targets: targets[index], hours: hours)
        }
        system = missionHours.map { figure(analysis.model.name, form: structure.system, targets: structure.roots, hours: $0) }
        self.curves = curves
    }

    /// Component indices of `targets` and everything they need.
    static func closure(of targets: [Int], _ structure: CompiledStructure) -> [Int] {
        var seen = Set<Int>()
        var stack = targets
        while let component = stack.popLast() {
            guard seen.insert(component).inserted else { continue }
            stack.append(contentsOf: structure.dependencies.dependencies(of: component))
        }
        return seen.sorted()
    }
}

/// One figure's mission reliability.
package struct MissionFigure: Hashable, Sendable, Codable {
    public let name: String
    /// The mission, hours.
    public let missionHours: Double
    /// R(t) as (up, down): down is the probability of failing during the mission, kept exact.
    public let reliability: Probability
    /// How R(t) was obtained (as the availability figures: exact, bounded or estimated).
    public let method: FigureMethod
    /// Mean time to first failure, ∫₀^∞ R(t) dt, hours; nil when it is infinite (nothing in the
    /// figure can fail) or the structure is too large to integrate.
    public let mttfHours: Double?
    /// Components given as an availability without a repair time: no failure rate is known, so
    /// the mission counts them as never failing.
    public let componentsWithoutFailureRates: [String]
}

/// What it costs when several components go down together (one failure mode that takes every
/// app server down at once): each figure's availability with all of them up, minus with all of
/// them down, A(S up) − A(S down), evaluated on the analysis' compiled structure with their
/// figures set to 1 and to 0. An occurrence that keeps them down a share q of the time lowers the
/// figure by q times that slope. For one component it is its Birnbaum importance (a figure is
/// linear in each component's availability); for a redundant group it is the group's outage,
/// where the Birnbaum importance of one member is only the chance that the others are down.
package struct JointOutage: Sendable {
    /// The slope of each objective, in model order (availability objectives as callers see them,
    /// reliability objectives along their path, as their figures are).
    public let objectives: [Double]
    /// The slope of the whole system (every root up, as callers see it).
    public let system: Double

    public init(_ components: [String], in analysis: AvailabilityAnalysis) {
        let structure = analysis.structure
        let forced = Set(components.compactMap { structure.indexOf[$0] })
        func with(_ figure: EffectiveAvailability) -> CompiledFigures {
            CompiledFigures(structure, effective: analysis.effective.enumerated().map { forced.contains($0.offset) ? figure : $0.element })
        }
        let up = with(.perfect), down = with(.failed)
        // Unavailabilities subtract without losing the small figure's digits.
        func slope(_ form: StructureForm, targets: [Int], view: FigureView) -> Double {
            max(0, down.figure(named: "", form: form, targets: targets, view: view).probability.down
                - up.figure(named: "", form: form, targets: targets, view: view).probability.down)
        }
        let model = analysis.model
        objectives = model.objectives.indices.map { index in
            slope(structure.objectives[index], targets: model.objectives[index].components.compactMap { structure.indexOf[$0] },
                  view: model.objectives[index].measure == .availability ? .callers : .path)
        }
        system = slope(structure.system, targets: structure.roots, view: .callers)
    }
}

extension EffectiveAvailability {
    /// A component that is always down.
    static let failed = EffectiveAvailability(own: OwnAvailability(probability: .failed, frequency: 0))
}

import Foundation

/// What the Chaos Mesh and Litmus writers share: object names Kubernetes accepts, one file name per
/// scenario, and the annotations that carry the model's prediction (the experiment's steady-state
/// hypothesis) for whoever runs it.
package enum ChaosManifestText {
    /// The annotation prefix of every prediction.
    static let prefix = "nines.dev/"
    /// How long a partition from a provider lasts (Chaos Mesh `duration`, Litmus `TOTAL_CHAOS_DURATION`).
    static let partitionSeconds = 600
    /// The node label a zone's nodes carry.
    static let zoneLabel = "topology.kubernetes.io/zone"

    /// A DNS-1123 label made of `text`: lower case, runs of anything else as '-', at most 63.
    static func objectName(_ text: String) -> String {
        var name = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { name.unicodeScalars.append(scalar) }
            else if !name.isEmpty, !name.hasSuffix("-") { name.append("-") }
        }
        name = String(name.prefix(63))
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "scenario" : name
    }

    /// Names made unique by a number where two scenarios or components reduce to the same one.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { base in
            var name = base
            var number = 2
            while !seen.insert(name).inserted {
                let suffix = "-\(number)"
                name = String(base.prefix(63 - suffix.count)) + suffix
                number += 1
            }
            return name
        }
    }

    /// One file per experiment, its manifests (one per attack, from `manifest`) as YAML documents.
    static func files(_ plan: ChaosExperimentPlan, format: String,
                      manifest: (ChaosExperimentPlan.Attack, String, ChaosExperimentPlan.Experiment, String) -> [String]) -> [ChaosManifestFile] {
        zip(plan.experiments, fileNames(plan)).map { experiment, file in
            let names = objectNames(experiment)
            let documents = zip(experiment.attacks, names).map { attack, name in
                manifest(attack, name, experiment, plan.system).joined(separator: "\n")
            }
            return ChaosManifestFile(name: file, text: "# nines scenario --format \(format): scenario "
                                     + YAMLQuoted.comment(experiment.scenario) + "\n" + documents.joined(separator: "\n---\n") + "\n")
        }
    }

    /// The scenario of every object the writers name (a ChaosEngine's or a Chaos Mesh experiment's
    /// `metadata.name`), so a tool's result that names only its object leads back to the scenario.
    package static func scenarioOfObject(_ plan: ChaosExperimentPlan) -> [String: String] {
        var scenarios: [String: String] = [:]
        for experiment in plan.experiments {
            for name in objectNames(experiment) where scenarios[name] == nil {
                scenarios[name] = experiment.scenario
            }
        }
        return scenarios
    }

    /// The object name of each of an experiment's manifests: scenario and component.
    static func objectNames(_ experiment: ChaosExperimentPlan.Experiment) -> [String] {
        unique(experiment.attacks.map { objectName(experiment.scenario + "-" + $0.component) })
    }

    /// The file of each experiment: its scenario's object name, `.yaml`.
    static func fileNames(_ plan: ChaosExperimentPlan) -> [String] {
        unique(plan.experiments.map { objectName($0.scenario) }).map { $0 + ".yaml" }
    }

    /// `metadata:` of one manifest, with the prediction as annotations.
    static func metadata(name: String, namespace: String?, experiment: ChaosExperimentPlan.Experiment,
                         attack: ChaosExperimentPlan.Attack, system: String) -> [String] {
        var lines = ["metadata:", "  name: \(name)"]
        if let namespace { lines.append("  namespace: \(namespace)") }
        lines += ["  labels:", "    app.kubernetes.io/managed-by: nines", "  annotations:"]
        lines += annotations(experiment, attack: attack, system: system).map { "    \($0.key): \(YAMLQuoted.string($0.value))" }
        return lines
    }

    /// The scenario, what is attacked and the prediction, every value a string.
    static func annotations(_ experiment: ChaosExperimentPlan.Experiment, attack: ChaosExperimentPlan.Attack,
                            system: String) -> [(key: String, value: String)] {
        let recovery = experiment.worstRecoveryHours
        return [
            (prefix + "system", system),
            (prefix + "scenario", experiment.scenario),
            (prefix + "component", attack.component),
            (prefix + "expect-survives", experiment.survives ? "true" : "false"),
            (prefix + "expect-recovery-seconds", recovery.map { String(Int(($0 * 3600).rounded(.up))) } ?? "unknown"),
            (prefix + "prediction", prediction(experiment)),
        ]
    }

    /// Each objective's prediction as JSON: whether it survives, its availability while the
    /// scenario lasts, its recovery time in seconds (null when unknown).
    static func prediction(_ experiment: ChaosExperimentPlan.Experiment) -> String {
        let entries = experiment.prediction.map { outcome -> [String: Any] in
            ["objective": outcome.objective, "survives": outcome.survives, "availability": outcome.availability,
             "recoverySeconds": outcome.recoveryHours.map { ($0 * 3600).rounded(.up) } as Any? ?? NSNull(),
             "recoveryBasis": outcome.recoveryBasis]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads the results given to `nines scenario --observed`: nines observation files
/// (`apiVersion: nines.dev/v1`, `kind: Observation`), Litmus ChaosResults and Chaos Mesh
/// experiments with their status, as YAML or JSON, one or many documents per file, `kind: List`
/// included (`kubectl get -o yaml`). Files are read as any input: size-limited, directories walked
/// without following links (`ManifestFiles`), every problem of every file reported at once at its
/// line and column.
package enum ScenarioObservationReader {
    /// What observations may name: the model's scenarios and objectives, and the object names of the
    /// experiments `nines scenario --format chaos-mesh|litmus` writes for each scenario (a Litmus
    /// ChaosResult names its engine, not the scenario).
    package struct Names: Sendable {
        package var scenarios: [String]
        package var objectives: [String]
        /// Experiment object name → scenario.
        package var experiments: [String: String]

        package init(scenarios: [String], objectives: [String], experiments: [String: String] = [:]) {
            self.scenarios = scenarios
            self.objectives = objectives
            self.experiments = experiments
        }
    }

    package static func read(paths: [String], names: Names, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> [ScenarioObservation] {
        try read(try ManifestFiles.read(paths, options: options), names: names)
    }

    /// Reads documents already read (file name and text).
    package static func read(_ documents: [(file: String, text: String)], names: Names) throws(DiagnosticError) -> [ScenarioObservation] {
        let diagnostics = DiagnosticCollector()
        var observations: [ScenarioObservation] = []
        for document in documents {
            switch YAMLParser.parseStream(document.text, file: document.file) {
            case .success(let roots):
                for root in roots { observations += read(root, names: names, diagnostics: diagnostics) }
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        if observations.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(contentsOf: [Diagnostic("no observation in \(documents.map(\.file).joined(separator: ", "))")])
        }
        guard !diagnostics.hasErrors else { throw DiagnosticError(diagnostics.diagnostics).quoting(documents) }
        return observations
    }

    private static func read(_ root: YAMLValue, names: Names, diagnostics: DiagnosticCollector) -> [ScenarioObservation] {
        let apiVersion = root["apiVersion"]?.text ?? "", kind = root["kind"]?.text ?? ""
        if kind == "List", apiVersion == "v1" {
            return root["items"]?.items.flatMap { read($0, names: names, diagnostics: diagnostics) } ?? []
        }
        let reader = ObservationDocument(root: root, names: names, diagnostics: diagnostics)
        switch (apiVersion.split(separator: "/").first ?? "", kind) {
        case ("nines.dev", "Observation"): return reader.ninesObservation().map { [$0] } ?? []
        case ("litmuschaos.io", "ChaosResult"): return reader.litmusResult().map { [$0] } ?? []
        case ("chaos-mesh.org", let kind) where kind.hasSuffix("Chaos"): return reader.chaosMeshExperiment().map { [$0] } ?? []
        default:
            let found = kind.isEmpty ? "a document without 'kind'" : "'\(apiVersion)' '\(kind)'"
            diagnostics.error(root.location, "\(found) is not an observation nines reads: expected a nines Observation "
                              + "(apiVersion: nines.dev/v1), a Litmus ChaosResult or a Chaos Mesh experiment with its status "
                              + "(docs/scenarios.md#comparing-an-experiment-with-the-prediction)")
            return []
        }
    }
}

/// One document of `--observed`, with what it may name and where its problems go.
struct ObservationDocument {
    let root: YAMLValue
    let names: ScenarioObservationReader.Names
    let diagnostics: DiagnosticCollector

    /// "Litmus ChaosResult shop/zone-a-lost-web"
    func title(_ tool: String) -> String {
        let kind = root["kind"]?.text ?? "", name = root["metadata"]?["name"]?.text ?? "(unnamed)"
        let namespace = root["metadata"]?["namespace"]?.text
        return "\(tool) \(kind) " + (namespace.map { "\($0)/" } ?? "") + name
    }

    /// A scenario name as an observation gives it, refused with a "did you mean" when the model has none such.
    func scenario(_ name: String, at location: ModelLocation) -> String? {
        if names.scenarios.contains(name) { return name }
        diagnostics.error(location, "'\(Format.oneLine(name))' is not a scenario of the model" + Suggestion.hint(for: name, in: names.scenarios)
                          + (names.scenarios.isEmpty ? " (the model has no 'scenarios:')" : ""), length: name.count)
        return nil
    }

    /// The scenario a tool's object stands for: its `nines.dev/scenario` annotation (the manifests
    /// nines writes carry it), else the experiment named `object` that nines writes for the model.
    func toolScenario(object: String?, what: String) -> String? {
        if let annotation = root["metadata"]?["annotations"]?[ChaosManifestText.prefix + "scenario"], let name = annotation.text {
            return scenario(name, at: annotation.location)
        }
        if let object, let name = names.experiments[object] { return name }
        let known = names.experiments.keys.sorted()
        diagnostics.error(root.location, "\(title(what == "engine" ? "Litmus" : "Chaos Mesh")) names no scenario: it has no '"
                          + ChaosManifestText.prefix + "scenario' annotation, and its \(what) '\(object ?? "")' is none of the experiments "
                          + "nines writes for this model" + (object.map { Suggestion.hint(for: $0, in: known) } ?? ""))
        return nil
    }
}

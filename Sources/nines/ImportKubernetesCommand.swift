import ArgumentParser
import NinesKit

/// `nines import kubernetes`: a model skeleton from Kubernetes manifests.
struct ImportKubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Write a nines model skeleton from Kubernetes manifests: workloads, disruption budgets, zones, Services.",
        discussion: "Reads Deployments, StatefulSets, DaemonSets, Services, PodDisruptionBudgets, HorizontalPodAutoscalers, ConfigMaps and Ingresses (multi-document YAML, helm template or kustomize output); other kinds are listed and skipped. Directories are walked for .yaml and .yml files without following links. Figures the manifests do not give are marked '# assumed' in the model."
    )

    @Argument(help: "Manifest files or directories ('-' for standard input).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write the model to this file (default: standard output).",
            completion: .outputFile)
    var output: String?

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let result = try KubernetesImport.run(paths: paths, options: inputLimit.loadOptions)
        try OutputFile.emit(result.yaml, to: output)
        for skipped in result.skipped { Terminal.error("skipped \(skipped)") }
        if let output {
            Terminal.error("wrote \(result.workloads.count) workload\(result.workloads.count == 1 ? "" : "s") to \(output)")
        }
    }
}

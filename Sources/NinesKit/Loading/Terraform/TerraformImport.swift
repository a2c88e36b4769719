import Foundation

/// `nines import terraform`: a model from the JSON of `terraform show -json`: a component per
/// managed database, load balancer, auto-scaling group, object store, queue and DNS zone of AWS,
/// Google Cloud and Azure, its availability a catalogue entry (`catalogue:aws/rds-multi-az`)
/// chosen by the attributes that decide it (Multi-AZ, regional, zone redundant), with RDS and
/// Cloud SQL data protection; the catalogue figures used are listed with their sources. The state
/// says nothing of who calls whom: `depends_on` is the user's. Other resource types are listed and
/// skipped. The model written is loaded back before it is returned.
package enum TerraformImport {
    package struct Result: Sendable {
        public let yaml: String
        /// The resources modelled (addresses), in document order.
        public let resources: [String]
        /// Managed resources of types not modelled (addresses).
        public let skipped: [String]
    }

    /// Deepest nesting of JSON arrays and objects read: a state is about ten deep, and the JSON
    /// reader recurses.
    static let maxDepth = 64

    public static func run(file: String, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> Result {
        switch SourceFile.read(file, options: options) {
        case .success(let text): return try convert(text, file: SourceFile.displayName(file))
        case .failure(let error): throw error
        }
    }

    public static func convert(_ text: String, file: String) throws(DiagnosticError) -> Result {
        let start = ModelLocation(file: file, line: 1, column: 1)
        if let problem = nestingProblem(text) { throw DiagnosticError([Diagnostic(at: start, problem)]) }
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              document["format_version"] is String else {
            throw DiagnosticError([Diagnostic(at: start, "not the JSON of `terraform show -json` (an object with 'format_version' and 'values')")])
        }
        let resources = TerraformResource.all(in: document)
        let components = resources.compactMap(TerraformComponent.init)
        let modelled = Set(components.map(\.resource.address))
        let skipped = resources.map(\.address).filter { !modelled.contains($0) }
        guard !components.isEmpty else {
            throw DiagnosticError([Diagnostic(at: start, "no resource nines models in the state (\(resources.count) managed resource\(resources.count == 1 ? "" : "s"), none a database, load balancer, auto-scaling group, object store, queue or DNS zone it knows)")])
        }
        let yaml = write(components, skipped: skipped, file: file)
        do {
            _ = try ModelLoader.load(text: yaml, file: "imported model")   // what is written must load
        } catch {
            throw error.quoting([("imported model", yaml)])
        }
        return Result(yaml: yaml, resources: components.map(\.resource.address), skipped: skipped)
    }

    /// Why the text nests too deep to read, if it does (brackets outside strings counted).
    static func nestingProblem(_ text: String) -> String? {
        var depth = 0, inString = false, escaped = false
        for byte in text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > maxDepth { return "the JSON nests deeper than \(maxDepth) levels; a Terraform state does not" }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return nil
    }

    static func write(_ components: [TerraformComponent], skipped: [String], file: String) -> String {
        let catalogue = ProviderCatalogue.bundled
        let used = components.map(\.catalogue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var lines = ["# A model written by `nines import terraform` from: \(ModelComment.text(file))",
                     "# Availability from the catalogue of published provider SLAs (nines catalogue):"]
        for reference in used {
            guard let entry = catalogue.entry(reference) else { continue }
            lines.append("#   \(reference): \(Format.target(entry.availability)), \(entry.source) (\(entry.date))")
        }
        lines.append("# The state does not say who calls whom: add depends_on and objectives.")
        if !skipped.isEmpty {
            lines.append("# Not modelled:")
            lines += skipped.map { "#   " + ModelComment.text($0) }
        }
        lines += ["version: 1", "system: \(WorksheetYAMLWriter.scalar("infrastructure of " + file))", "components:"]
        var names = ImportedNames()
        for component in components {
            let name = names.take(component.resource.name, qualifier: component.resource.type)
            lines += ["  \(WorksheetYAMLWriter.scalar(name)):",
                      "    # \(ModelComment.text(component.resource.address))",
                      "    layer: \(component.layer)", "    kind: \(component.kind)", "    responsibility: provider",
                      "    availability: catalogue:\(component.catalogue)   # \(ModelComment.text(component.because))"]
            if let replicas = component.replicas {
                lines += ["    replicas: \(replicas)   # min_size: the fewest instances it keeps",
                          "    needs: 1   # assumed: one instance carries the load"]
            }
            if !component.data.isEmpty { lines += ["    data:"] + component.data.map { "      " + $0 } }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

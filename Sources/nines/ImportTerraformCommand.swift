import ArgumentParser
import NinesKit

/// `nines import terraform`: a model from a Terraform state, figures from the provider SLA catalogue.
struct ImportTerraformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terraform",
        abstract: "Write a nines model from `terraform show -json`: managed databases, load balancers, auto-scaling groups, object stores, queues and DNS, figures from the provider SLA catalogue.",
        discussion: "AWS, Google Cloud and Azure resources; each availability a catalogue entry chosen by the attributes that decide it (Multi-AZ, regional, zone redundant), listed with its source. Other resource types are listed and skipped. The state does not say who calls whom: add depends_on and objectives."
    )

    @Argument(help: "The JSON of `terraform show -json` ('-' for standard input).", completion: .file(extensions: ["json"]))
    var state: String

    @Option(name: .shortAndLong, help: "Write the model to this file (default: standard output).",
            completion: .outputFile)
    var output: String?

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let result = try TerraformImport.run(file: state, options: inputLimit.loadOptions)
        try OutputFile.emit(result.yaml, to: output)
        for skipped in result.skipped { Terminal.error("skipped \(skipped) (type not modelled)") }
        if let output {
            Terminal.error("wrote \(result.resources.count) resource\(result.resources.count == 1 ? "" : "s") to \(output)")
        }
    }
}

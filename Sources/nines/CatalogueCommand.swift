import ArgumentParser
import NinesKit

/// `nines catalogue`: the bundled catalogue of published provider SLAs.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "List the published provider SLAs a model can name ('availability: catalogue:aws/rds-multi-az').",
        discussion: "Each figure with the provider's SLA page and its date (catalogue/ in the repository, one file per provider)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Only this provider's entries (aws, gcp, azure).")
    var provider: String?

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    func validate() throws {
        let providers = Set(ProviderCatalogue.bundled.entries.map(\.provider))
        if let provider, !providers.contains(provider) {
            throw ValidationError("unknown provider '\(provider)'; the catalogue has \(providers.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        let entries = ProviderCatalogue.bundled.entries.filter { provider == nil || $0.provider == provider }
        switch format {
        case .text: Terminal.write(SanitizedRenderer(CatalogueTextRenderer()).render(entries))
        case .json: Terminal.write(JSONRenderer<[ProviderCatalogue.Entry]>().render(entries))
        }
    }
}

/// The catalogue of published provider SLAs (`catalogue/`, one file per provider): each service's
/// promised availability with the page it comes from and its date. A model names one with
/// `availability: catalogue:aws/rds-multi-az`; `nines catalogue` lists them.
package struct ProviderCatalogue: Sendable {
    package struct Entry: Hashable, Sendable, Codable {
        public let provider: String
        public let service: String
        public let description: String
        public let availability: Probability
        /// The provider's SLA page.
        public let source: String
        /// The SLA version's date, or the day the figure was recorded (YYYY-MM-DD).
        public let date: String

        /// "aws/rds-multi-az": how a model names it after `catalogue:`.
        public var reference: String { "\(provider)/\(service)" }
    }

    /// Every entry, providers in file-name order, services in file order.
    public let entries: [Entry]

    /// What a model writes before a catalogue reference.
    public static let prefix = "catalogue:"

    /// The catalogue built into nines (the files of `catalogue/`, embedded at build time).
    public static let bundled: ProviderCatalogue = {
        do {
            return try ProviderCatalogue(files: BundledCatalogueText.files)
        } catch {
            preconditionFailure("the bundled catalogue does not load: \(error)")   // CatalogueTests loads it
        }
    }()

    public func entry(_ reference: String) -> Entry? { entries.first { $0.reference == reference } }

    /// Reads catalogue files (name and text); every problem of every file at once.
    public init(files: [(name: String, text: String)]) throws(DiagnosticError) {
        let diagnostics = DiagnosticCollector()
        var entries: [Entry] = []
        for file in files {
            switch YAMLParser.parse(file.text, file: file.name) {
            case .success(let root): entries += Self.read(root, diagnostics: diagnostics)
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        guard diagnostics.diagnostics.isEmpty else { throw DiagnosticError(diagnostics.diagnostics) }
        self.entries = entries
    }

    private static func read(_ root: YAMLValue, diagnostics: DiagnosticCollector) -> [Entry] {
        guard let file = MappingReader(root, context: "the catalogue file", diagnostics: diagnostics),
              let provider = file.string("provider", required: true),
              let services = file.value("services").flatMap({ MappingReader($0, context: "'services'", diagnostics: diagnostics) }) else { return [] }
        file.rejectUnknownKeys(known: ["provider", "services"])
        return services.entries.compactMap { key, value in
            guard let fields = MappingReader(value, context: "service '\(key.text)'", diagnostics: diagnostics) else { return nil }
            defer { fields.rejectUnknownKeys(known: ["description", "availability", "source", "date"]) }
            guard let availability = fields.availability("availability", required: true),
                  let source = fields.string("source", required: true),
                  let date = fields.string("date", required: true) else { return nil }
            if !source.hasPrefix("https://") {
                diagnostics.error(fields.keyLocation("source"), "'source' of service '\(key.text)' must be the provider's page (https://…), found '\(source)'")
            }
            if date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
                diagnostics.error(fields.keyLocation("date"), "'date' of service '\(key.text)' must be YYYY-MM-DD, found '\(date)'")
            }
            return Entry(provider: provider, service: key.text, description: fields.string("description") ?? "",
                         availability: availability, source: source, date: date)
        }
    }
}

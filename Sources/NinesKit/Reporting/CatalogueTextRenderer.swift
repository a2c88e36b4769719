/// `nines catalogue`: one line per provider service, with its availability, what it covers, and
/// its source and date under it.
package struct CatalogueTextRenderer: ReportRenderer {
    public init() {}

    public func render(_ entries: [ProviderCatalogue.Entry]) -> String {
        var lines = ["Published provider SLAs (use as 'availability: catalogue:PROVIDER/SERVICE')"]
        let width = entries.map(\.reference.count).max() ?? 0
        var provider: String?
        for entry in entries {
            if entry.provider != provider {
                lines.append("")
                provider = entry.provider
            }
            let name = entry.reference.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(Format.target(entry.availability).padding(toLength: 8, withPad: " ", startingAt: 0))  \(entry.description)")
            lines.append("  \(String(repeating: " ", count: width))  \(String(repeating: " ", count: 8))  \(entry.source) (\(entry.date))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

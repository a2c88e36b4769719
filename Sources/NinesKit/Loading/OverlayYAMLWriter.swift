import Foundation

/// Writes posterior figures as an overlay file (`OverlayMerge` reads it): `mtbf` and `mttr` per
/// updated component, in hours. A component with `detect:` gets its repair part: the loader adds
/// the detection time to the `mttr` it reads, and the posterior already includes it.
package enum OverlayYAMLWriter {
    public static func yaml(_ posterior: PosteriorFigures, source: String, since: String, until: String) -> String {
        var lines = [
            "# Posterior figures from the incident log \(YAMLQuoted.comment(source)), \(since) to \(until) (nines incidents --update).",
            "# Gamma–Poisson failure rates and MTTRs, the model's figures weighted as \(number(posterior.priorWeight)) failure(s).",
            "# Pass it after the model: its figures replace the model's (docs/model-format.md#overlays).",
            "version: 1",
            "overlay: " + YAMLQuoted.string("posterior from \(YAMLQuoted.comment(source)), \(since) to \(until), prior weight \(number(posterior.priorWeight))"),
            "components:",
        ]
        for update in posterior.updates {
            let repair = max(update.mttr - (update.detect ?? 0), 1.0 / 3600)
            lines.append("  \(YAMLQuoted.string(update.component)):")
            lines.append("    mtbf: \(number(1 / update.rate))h")
            lines.append("    mttr: \(number(repair))h" + (update.detect.map { "   # plus detect \(number($0))h = \(number(update.mttr))h" } ?? ""))
        }
        if posterior.updates.isEmpty { lines[lines.count - 1] = "components: {}" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Hours to six decimals without trailing zeros: "812.5", "0.041667".
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

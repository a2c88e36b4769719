import Foundation
import NinesKit

/// libFuzzer entry point: any bytes go through the whole input path the CLI takes (UTF-8 decoding,
/// YAML preflight, Yams, the model reader and validator); a model that loads is analysed and
/// rendered. Built only by scripts/fuzz.sh (`NINES_FUZZ=1`, `--sanitize=fuzzer`).
///
/// Besides crashes, hangs and sanitizer reports, it traps on broken promises: every diagnostic
/// has a position inside the file and a short message, and every figure is a probability.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let file = "fuzz.yaml"
    let text: String
    switch SourceFile.decode(bytes, file: file) {
    case .success(let decoded): text = decoded
    case .failure(let error):
        check(error, lines: bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count)
        return 0
    }
    do {
        let model = try ModelLoader.load(text: text, file: file)
        guard model.components.count <= 200 else { return 0 }
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        for figure in report.figures {
            precondition(figure.availability >= 0 && figure.availability <= 1 && figure.unavailability >= 0
                         && figure.unavailability <= 1, "figure out of [0, 1]: \(figure.availability)")
            precondition(abs(figure.availability + figure.unavailability - 1) < 1e-9, "A + Q != 1")
        }
        _ = TextReportRenderer(colour: false, topContributors: 5).render(report)
        _ = JSONReportRenderer.render(report)
    } catch {
        check(error, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
        for diagnostic in error.diagnostics {
            _ = diagnostic.rendered(source: text)
            // The preflight must catch every alias and tag before libyaml; these messages come
            // from the later safety nets and mean it let one through.
            precondition(!diagnostic.message.hasPrefix("aliases ('*name') are not supported")
                         && !diagnostic.message.contains("has a YAML tag"), "preflight missed: \(diagnostic)")
        }
    }
    return 0
}

/// Diagnostics point inside the input (lines counted loosely: libyaml also breaks on CR and U+2028).
func check(_ error: DiagnosticError, lines: Int) {
    precondition(!error.diagnostics.isEmpty, "an error without a diagnostic")
    for diagnostic in error.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "position below 1: \(diagnostic)")
        precondition(diagnostic.message.count < 400, "message too long: \(diagnostic.message.prefix(200))")
    }
}

import Foundation
import NinesKit

/// libFuzzer entry point: any bytes go through the whole input path the CLI takes (UTF-8 decoding,
/// YAML preflight, libyaml, the model reader and validator); a model that loads is analysed and
/// rendered. The same bytes are also read as an FMEA worksheet CSV against a fixed model (the
/// `nines fmea import` path). Built only by scripts/fuzz.sh (`NINES_FUZZ=1`, `--sanitize=fuzzer`).
///
/// Besides crashes, hangs and sanitizer reports, it traps on broken promises: every diagnostic
/// has a position inside the file and a short message, and every figure is a probability.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let file = "fuzz.yaml"
    let text: String
    fuzzWorksheetCSV(bytes)
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
        _ = ReportRenderers.availability(.text).render(report)
        _ = ReportRenderers.availability(.json).render(report)
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

/// Diagnostics are located, inside the input (lines counted loosely: libyaml also breaks on CR and U+2028).
func check(_ error: DiagnosticError, lines: Int) {
    precondition(!error.diagnostics.isEmpty, "an error without a diagnostic")
    for diagnostic in error.diagnostics {
        guard let location = diagnostic.location else { preconditionFailure("an input error without a location: \(diagnostic)") }
        precondition(location.line >= 1 && location.column >= 1, "position below 1: \(diagnostic)")
        precondition(diagnostic.message.count < 400, "message too long: \(diagnostic.message.prefix(200))")
    }
}

/// The model worksheet CSV rows are checked against: the shipped two-tier example when run from the
/// repository (as scripts/fuzz.sh does), else a two-component stand-in.
nonisolated(unsafe) let worksheetModel: SystemModel = {
    if let model = try? ModelLoader.load(files: ["models/two-tier-service.yaml"]) { return model }
    let text = "version: 1\nsystem: s\ncomponents:\n  api: {availability: 0.999, depends_on: [db]}\n  db: {availability: 0.9999}\n"
    return try! ModelLoader.load(text: text, file: "stand-in.yaml")
}()

func fuzzWorksheetCSV(_ bytes: Data) {
    let file = "fuzz.csv"
    guard case .success(let text) = SourceFile.decode(bytes, file: file) else { return }
    do {
        let modes = try WorksheetCSV.read(text, file: file, model: worksheetModel)
        // What was accepted exports and reads back to the same rows.
        let exported = WorksheetCSV.export(FMEAWorksheet(failureModes: modes))
        let reread = try WorksheetCSV.read(exported, file: "export.csv", model: worksheetModel)
        precondition(WorksheetCSV.export(FMEAWorksheet(failureModes: reread)) == exported, "CSV export does not read back")
    } catch {
        check(error, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
        for diagnostic in error.diagnostics { _ = diagnostic.rendered(source: text) }
    }
}
